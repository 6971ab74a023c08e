using Aro.Core;
using Aro.Core.Blocks;
using Aro.JsonRpc;
using Aro.Node.Chain;
using Aro.Node.Rpc.Dto;

namespace Aro.Node.Rpc;

/// <summary>
/// eth_getBlockByNumber/ByHash, eth_getBlockTransactionCountByNumber/ByHash, eth_getTransactionByBlockNumberAndIndex/
/// ByBlockHashAndIndex and eth_getBlockReceipts: null for an unknown block or index, as geth.
/// </summary>
internal static class EthBlocks
{
    public static void Register(JsonRpcMethodRegistry registry, IChainReader chain)
    {
        registry.AddSync("eth_getBlockByNumber", (BlockParameter block, bool full) => ByNumber(chain, block, full));
        registry.AddSync("eth_getBlockByHash", (Hash256 hash, bool full) => ByHash(chain, hash, full));
        registry.AddSync("eth_getBlockTransactionCountByNumber", (BlockParameter block) => CountByNumber(chain, block));
        registry.AddSync("eth_getBlockTransactionCountByHash", (Hash256 hash) => CountByHash(chain, hash));
        registry.AddSync(
            "eth_getTransactionByBlockNumberAndIndex",
            (BlockParameter block, ulong index) => TransactionAt(BlockResolver.Find(chain, block) is { } header ? chain.Store.GetBlock(header.Number) : null, index));
        registry.AddSync("eth_getTransactionByBlockHashAndIndex", (Hash256 hash, ulong index) => TransactionAt(BlockResolver.BlockByHash(chain, hash), index));
        registry.AddSync("eth_getBlockReceipts", (BlockParameter block) => Receipts(chain, block));
    }

    private static TransactionDto? TransactionAt(Block? block, ulong index) =>
        block is not null && index < (ulong)block.Body.Transactions.Length
            ? TransactionDto.Mined(block.Body.Transactions[(int)index], block.Header, (int)index)
            : null;

    private static ReceiptDto[]? Receipts(IChainReader chain, BlockParameter block)
    {
        if (BlockResolver.Find(chain, block) is not { } header
            || chain.Store.GetBlock(header.Number) is not { } found
            || chain.Store.GetReceipts(header.Number) is not { } receipts)
        {
            return null;
        }

        var result = new ReceiptDto[receipts.Count];
        var firstLogIndex = 0;
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = ReceiptDto.Create(found, receipts, i, firstLogIndex);
            firstLogIndex += receipts[i].Logs.Length;
        }

        return result;
    }

    private static BlockDto? ByNumber(IChainReader chain, BlockParameter block, bool full) =>
        BlockResolver.Find(chain, block) is { } header && chain.Store.GetBlock(header.Number) is { } found
            ? BlockDto.Full(found, full)
            : null;

    private static BlockDto? ByHash(IChainReader chain, Hash256 hash, bool full) =>
        BlockResolver.BlockByHash(chain, hash) is { } found ? BlockDto.Full(found, full) : null;

    private static ulong? CountByNumber(IChainReader chain, BlockParameter block) =>
        BlockResolver.Find(chain, block) is { } header && chain.Store.GetBlock(header.Number) is { } found
            ? (ulong)found.Body.Transactions.Length
            : null;

    private static ulong? CountByHash(IChainReader chain, Hash256 hash) =>
        BlockResolver.BlockByHash(chain, hash) is { } found ? (ulong)found.Body.Transactions.Length : null;
}
