using Aro.Core;
using Aro.JsonRpc;
using Aro.Node.Chain;
using Aro.Node.Rpc.Dto;

namespace Aro.Node.Rpc;

/// <summary>eth_getBlockByNumber/ByHash and eth_getBlockTransactionCountByNumber/ByHash: null for an unknown block, as geth.</summary>
internal static class EthBlocks
{
    public static void Register(JsonRpcMethodRegistry registry, IChainReader chain)
    {
        registry.AddSync("eth_getBlockByNumber", (BlockParameter block, bool full) => ByNumber(chain, block, full));
        registry.AddSync("eth_getBlockByHash", (Hash256 hash, bool full) => ByHash(chain, hash, full));
        registry.AddSync("eth_getBlockTransactionCountByNumber", (BlockParameter block) => CountByNumber(chain, block));
        registry.AddSync("eth_getBlockTransactionCountByHash", (Hash256 hash) => CountByHash(chain, hash));
    }

    private static BlockDto? ByNumber(IChainReader chain, BlockParameter block, bool full) =>
        BlockResolver.Find(chain, block) is { } header && chain.Store.GetBlock(header.Number) is { } found
            ? BlockDto.Full(found, full)
            : null;

    private static BlockDto? ByHash(IChainReader chain, Hash256 hash, bool full) =>
        chain.Store.GetBlock(hash) is { } found ? BlockDto.Full(found, full) : null;

    private static ulong? CountByNumber(IChainReader chain, BlockParameter block) =>
        BlockResolver.Find(chain, block) is { } header && chain.Store.GetBlock(header.Number) is { } found
            ? (ulong)found.Body.Transactions.Length
            : null;

    private static ulong? CountByHash(IChainReader chain, Hash256 hash) =>
        chain.Store.GetBlock(hash) is { } found ? (ulong)found.Body.Transactions.Length : null;
}
