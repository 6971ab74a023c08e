namespace Aro.Consensus.Wal;

/// <summary>The steps of a WAL rotation, in order (see <see cref="ConsensusWal"/>).</summary>
internal enum WalRotationStep
{
    SegmentWritten,
    DirectorySynced,
    OlderSegmentsDeleted,
}
