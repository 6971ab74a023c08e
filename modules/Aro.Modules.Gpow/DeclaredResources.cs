namespace Aro.Modules.Gpow;

/// <summary>
/// What an edge node declares it offers when it registers (IWorkProof.registerEdge): upload capacity, storage and
/// compute units per epoch. Its work reports may not hold more storage or claim more compute than declared
/// (README §8); scores still come from the keepers' measurements.
/// </summary>
public sealed record DeclaredResources(uint BandwidthMbps, uint StorageGiB, ulong ComputeUnits)
{
    /// <summary>100 Gbit/s.</summary>
    public const uint MaxBandwidthMbps = 100_000;

    /// <summary>1 PiB.</summary>
    public const uint MaxStorageGiB = 1 << 20;

    public const ulong MaxComputeUnits = 1_000_000_000_000_000;

    public const ulong BytesPerGiB = 1UL << 30;

    public static DeclaredResources None { get; } = new(0, 0, 0);

    /// <summary>Why these figures cannot be declared, or null when they can.</summary>
    public string? Problem() => this switch
    {
        { BandwidthMbps: > MaxBandwidthMbps } => $"bandwidthMbps above {MaxBandwidthMbps}",
        { StorageGiB: > MaxStorageGiB } => $"storageGiB above {MaxStorageGiB}",
        { ComputeUnits: > MaxComputeUnits } => $"computeUnits above {MaxComputeUnits}",
        { BandwidthMbps: 0, StorageGiB: 0, ComputeUnits: 0 } => "nothing declared",
        _ => null,
    };
}
