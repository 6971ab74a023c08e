using Aro.Core;
using Aro.Modules.Gpos.State;

namespace Aro.Modules.Gpos;

/// <summary>
/// Module parameters, fixed at genesis in this slice. Defaults assume 6 s blocks: an epoch of 600
/// blocks is one hour, so a "day" is 24 epochs and the 7-day unbonding period is 168 epochs.
/// </summary>
public sealed record GposParams
{
    /// <summary>Blocks per epoch; epoch e is blocks [e·epochBlocks, (e+1)·epochBlocks).</summary>
    public ulong EpochBlocks { get; init; } = 600;

    /// <summary>Epochs an undelegation (or a keeper leaving the active set) takes to complete.</summary>
    public ulong UnbondingEpochs { get; init; } = 168;

    /// <summary>Size of the active set.</summary>
    public uint MaxValidators { get; init; } = 100;

    /// <summary>Cap on keeper records ever registered; bounds the per-epoch walk over keepers.</summary>
    public uint MaxKeepers { get; init; } = 1000;

    /// <summary>Minimum self-stake, in wei (default 10,000 ARO).</summary>
    public UInt256 MinSelfStake { get; init; } = UInt256.Parse("10000000000000000000000");

    /// <summary>Highest commission, in basis points (10,000 = 100 %).</summary>
    public ushort MaxCommissionBps { get; init; } = 5_000;

    /// <summary>Largest step of one commission change, in basis points.</summary>
    public ushort MaxCommissionChangeBps { get; init; } = 100;

    /// <summary>Epochs between two commission changes of one keeper (the "day" of the max daily change).</summary>
    public ulong CommissionChangeEpochs { get; init; } = 24;

    /// <summary>Immature unbonding entries per (delegator, keeper), and immature redelegations per (delegator, destination).</summary>
    public uint MaxEntries { get; init; } = 7;

    /// <summary>Keepers one delegator may delegate to at once.</summary>
    public uint MaxDelegationsPerDelegator { get; init; } = 16;

    public static GposParams Default { get; } = new();

    public const ushort BasisPoints = 10_000;

    /// <summary>Every rule a parameter set must satisfy; the first violation, or null.</summary>
    public string? Validate()
    {
        if (EpochBlocks == 0)
        {
            return "epochBlocks must be positive";
        }

        if (UnbondingEpochs == 0)
        {
            return "unbondingEpochs must be positive";
        }

        if (MaxValidators == 0)
        {
            return "maxValidators must be positive";
        }

        if (MaxKeepers < MaxValidators)
        {
            return "maxKeepers must be at least maxValidators";
        }

        if (MinSelfStake.IsZero)
        {
            return "minSelfStake must be positive";
        }

        if (MaxCommissionBps > BasisPoints)
        {
            return "maxCommissionBps must be at most 10000";
        }

        if (MaxCommissionChangeBps > MaxCommissionBps)
        {
            return "maxCommissionChangeBps must be at most maxCommissionBps";
        }

        if (MaxEntries == 0)
        {
            return "maxEntries must be positive";
        }

        if (MaxDelegationsPerDelegator == 0)
        {
            return "maxDelegationsPerDelegator must be positive";
        }

        return null;
    }

    internal byte[] Encode() => new RecordWriter()
        .Add(EpochBlocks).Add(UnbondingEpochs).Add(MaxValidators).Add(MaxKeepers).Add(MinSelfStake)
        .Add(MaxCommissionBps).Add(MaxCommissionChangeBps).Add(CommissionChangeEpochs).Add(MaxEntries)
        .Add(MaxDelegationsPerDelegator).ToArray();

    internal static GposParams Decode(ReadOnlySpan<byte> record)
    {
        var r = new RecordReader(record);
        var result = new GposParams
        {
            EpochBlocks = r.UInt64(),
            UnbondingEpochs = r.UInt64(),
            MaxValidators = (uint)r.UInt64(),
            MaxKeepers = (uint)r.UInt64(),
            MinSelfStake = r.UInt256(),
            MaxCommissionBps = (ushort)r.UInt64(),
            MaxCommissionChangeBps = (ushort)r.UInt64(),
            CommissionChangeEpochs = r.UInt64(),
            MaxEntries = (uint)r.UInt64(),
            MaxDelegationsPerDelegator = (uint)r.UInt64(),
        };
        r.End();
        return result;
    }
}
