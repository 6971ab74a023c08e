using Aro.Core;
using Aro.Core.Crypto;

namespace Aro.Execution.Chain;

/// <summary>
/// Identity of a block's hook logs (begin/end-block events) outside any transaction: the JSON-RPC log
/// objects name <see cref="TransactionHash"/> as their <c>transactionHash</c>, as bor names its state-sync logs.
/// </summary>
public static class BlockLogs
{
    /// <summary>
    /// keccak256(blockHash ‖ "hooks"): unique per block, recomputable by anyone from the block hash, and
    /// (keccak being preimage resistant) never the hash of a real transaction.
    /// </summary>
    public static Hash256 TransactionHash(in Hash256 blockHash)
    {
        Span<byte> preimage = stackalloc byte[Hash256.Size + 5];
        blockHash.Bytes.CopyTo(preimage);
        "hooks"u8.CopyTo(preimage[Hash256.Size..]);
        return Keccak256.Hash(preimage);
    }
}
