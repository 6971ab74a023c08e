namespace Aro.Consensus.Wal;

/// <summary>
/// When the WAL starts a new segment: after an end-height marker, once the current segment holds
/// <see cref="SegmentHeights"/> heights or <see cref="SegmentBytes"/> bytes, whichever comes first.
/// The WAL then needs at most one segment past that limit plus the current height's records on disk.
/// </summary>
public sealed record WalOptions
{
    public long SegmentBytes { get; init; } = 1024 * 1024;

    public int SegmentHeights { get; init; } = 100;

    /// <exception cref="ArgumentOutOfRangeException">A limit that is not positive.</exception>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(SegmentBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(SegmentHeights);
    }
}
