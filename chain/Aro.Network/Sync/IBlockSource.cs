namespace Aro.Network.Sync;

/// <summary>What the sync server answers from: the node's committed chain.</summary>
public interface IBlockSource
{
    SyncStatus Status { get; }

    /// <summary>The committed block at <paramref name="number"/> with its commit; null above the head.</summary>
    CommittedBlock? GetCommittedBlock(ulong number);
}
