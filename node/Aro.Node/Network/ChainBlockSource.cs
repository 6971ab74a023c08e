using Aro.Network.Sync;
using Aro.Node.Chain;

namespace Aro.Node.Network;

/// <summary>Serves block sync from the node's database: block N with the commit that finalised it.</summary>
internal sealed class ChainBlockSource(ChainNode chain) : IBlockSource
{
    public SyncStatus Status
    {
        get
        {
            var head = chain.Head;
            return new SyncStatus(head.Number, head.Hash);
        }
    }

    public CommittedBlock? GetCommittedBlock(ulong number) =>
        number >= 1 && chain.Store.GetBlock(number) is { } block && chain.Store.GetCommit(number) is { } commit
            ? new CommittedBlock(block, commit)
            : null;
}
