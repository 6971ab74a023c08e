using Aro.Core.Blocks;

namespace Aro.Node.Chain;

/// <summary>A block that was just committed, with the receipts of its transactions in block order and its hook logs.</summary>
public sealed class BlockCommittedEventArgs(Block block, IReadOnlyList<Receipt> receipts, IReadOnlyList<Log>? blockLogs = null) : EventArgs
{
    public Block Block { get; } = block;

    public IReadOnlyList<Receipt> Receipts { get; } = receipts;

    /// <summary>What the begin- and end-block hooks emitted, in execution order (the store's <c>GetBlockLogs</c>).</summary>
    public IReadOnlyList<Log> BlockLogs { get; } = blockLogs ?? [];
}
