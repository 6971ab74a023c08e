namespace Aro.Network.Sync;

/// <summary>
/// Verifies and executes downloaded blocks, in height order, one at a time. The node checks the
/// commit against the validator set of the block's height (2/3+ of the power), executes the block
/// and stores it with its commit.
/// </summary>
public interface IBlockSyncSink
{
    /// <summary>Null when the block was verified and applied; otherwise why it was refused (the peer that sent it is penalised).</summary>
    string? Apply(CommittedBlock block);
}
