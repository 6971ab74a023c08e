using Aro.Core.Blocks;

namespace Aro.Node.Chain;

/// <summary>A block that was just committed, with the receipts of its transactions in block order.</summary>
public sealed class BlockCommittedEventArgs(Block block, IReadOnlyList<Receipt> receipts) : EventArgs
{
    public Block Block { get; } = block;

    public IReadOnlyList<Receipt> Receipts { get; } = receipts;
}
