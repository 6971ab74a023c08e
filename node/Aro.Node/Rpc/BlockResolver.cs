using Aro.Core;
using Aro.Core.Blocks;
using Aro.JsonRpc;
using Aro.Node.Chain;

namespace Aro.Node.Rpc;

/// <summary>
/// Maps a block parameter to a committed header. One validator set with BFT commits gives instant
/// finality, so "latest", "safe" and "finalized" are all the head; "pending" is the head too (the next
/// block does not exist until it is committed; only eth_getTransactionCount consults the pool).
/// </summary>
internal static class BlockResolver
{
    /// <summary>The header, or null when no committed block matches (eth_getBlockBy* answer null then).</summary>
    public static BlockHeader? Find(IChainReader chain, in BlockParameter block) => block.Kind switch
    {
        BlockParameterKind.Earliest => chain.Store.GetHeader(0),
        BlockParameterKind.Number => block.Number <= chain.Head.Number ? chain.Store.GetHeader(block.Number) : null,
        BlockParameterKind.Hash => HeaderByHash(chain, block.Hash),
        _ => chain.Head,
    };

    /// <summary>
    /// Whether a block is visible to RPC. A block's batch (header, body, receipts, tx index) is written
    /// before the head pointer moves to it, so for a moment the store holds a block above the head;
    /// answering from it would hand out a receipt for a block eth_blockNumber has not reached yet.
    /// </summary>
    public static bool IsVisible(IChainReader chain, ulong number) => number <= chain.Head.Number;

    public static BlockHeader? HeaderByHash(IChainReader chain, in Hash256 hash) =>
        chain.Store.GetHeader(hash) is { } header && IsVisible(chain, header.Number) ? header : null;

    public static Block? BlockByHash(IChainReader chain, in Hash256 hash) =>
        chain.Store.GetBlock(hash) is { } block && IsVisible(chain, block.Number) ? block : null;

    /// <summary>The header, or geth's -32000 "header not found" / "header for hash not found" (state methods).</summary>
    public static BlockHeader Require(IChainReader chain, in BlockParameter block) =>
        Find(chain, block) ?? throw new JsonRpcException(
            JsonRpcErrorCodes.ServerError, block.IsHash ? "header for hash not found" : "header not found");
}
