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

    // ---- S2 guarantee: stake limit from verified work (README §10)

    /// <summary>Stake the whole network may have counted, shared out by verified work (default 100,000,000 ARO).</summary>
    public UInt256 TotalStakeLimit { get; init; } = UInt256.Parse("100000000000000000000000000");

    /// <summary>Stake limit per keeper while bootstrapping or while no verified work exists (default 1,000,000 ARO).</summary>
    public UInt256 BootstrapAllowance { get; init; } = UInt256.Parse("1000000000000000000000000");

    /// <summary>Epochs from genesis during which every keeper's limit is at least the bootstrap allowance (90 days).</summary>
    public ulong BootstrapEpochs { get; init; } = 2_160;

    /// <summary>Epochs of verified work a stake limit looks back on (1 day).</summary>
    public ulong WorkPeriodEpochs { get; init; } = 24;

    // ---- S4 rewards (README §11)

    /// <summary>Emission of each epoch of the first year, in wei (default 1,000 ARO).</summary>
    public UInt256 InitialEpochEmission { get; init; } = UInt256.Parse("1000000000000000000000");

    /// <summary>Decay of the per-epoch emission at the start of every year, in basis points (12 %, Crust's rate).</summary>
    public ushort EmissionDecayBps { get; init; } = 1_200;

    /// <summary>Epochs per emission year (8,760 one-hour epochs).</summary>
    public ulong EpochsPerYear { get; init; } = 8_760;

    /// <summary>Share of an epoch's rewards (after the community tax) for keepers and delegators; the rest is the edge pool.</summary>
    public ushort KeeperPoolBps { get; init; } = 1_500;

    /// <summary>Share of an epoch's rewards kept in the module as the community pool (Cosmos' 2 %).</summary>
    public ushort CommunityTaxBps { get; init; } = 200;
    // ---- S5 slashing (Cosmos defaults)

    /// <summary>Share of the stake at the infraction height burnt for a double sign, in parts per million.</summary>
    public uint SlashFractionDoubleSignPpm { get; init; } = 50_000;

    /// <summary>Share burnt for downtime, in parts per million.</summary>
    public uint SlashFractionDowntimePpm { get; init; } = 10_000;

    /// <summary>Share burnt when work the keeper vouched for is proven false, in parts per million.</summary>
    public uint SlashFractionFalseVouchPpm { get; init; } = 100_000;

    /// <summary>Blocks of the rolling window downtime is judged over.</summary>
    public ulong SignedBlocksWindow { get; init; } = 10_000;

    /// <summary>Share of the window a validator must sign, in basis points.</summary>
    public ushort MinSignedBps { get; init; } = 5_000;

    /// <summary>Epochs a downtime jail lasts before the keeper may unjail.</summary>
    public ulong JailEpochs { get; init; } = 1;

    /// <summary>Oldest double-sign evidence accepted, in blocks behind the current one; below the unbonding period.</summary>
    public ulong MaxEvidenceAgeBlocks { get; init; } = 100_000;

    public static GposParams Default { get; } = new();

    public const ushort BasisPoints = 10_000;

    public const uint PartsPerMillion = 1_000_000;

    /// <summary>Cap on <see cref="SignedBlocksWindow"/>: a jail clears the bitmap, at most 3,907 words.</summary>
    public const ulong MaxSignedBlocksWindow = 1_000_000;

    /// <summary>Most blocks a validator may miss in one window before it is slashed and jailed: window − ⌈window·minSignedBps / 10000⌉.</summary>
    public ulong MaxMissedBlocks => SignedBlocksWindow - (((SignedBlocksWindow * MinSignedBps) + BasisPoints - 1) / BasisPoints);

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

        return ValidateSlashing();
    }

    private string? ValidateSlashing()
    {
        if (SlashFractionDoubleSignPpm > PartsPerMillion)
        {
            return "slashFractionDoubleSignPpm must be at most 1000000";
        }

        if (SlashFractionDowntimePpm > PartsPerMillion)
        {
            return "slashFractionDowntimePpm must be at most 1000000";
        }

        if (SlashFractionFalseVouchPpm > PartsPerMillion)
        {
            return "slashFractionFalseVouchPpm must be at most 1000000";
        }

        if (SignedBlocksWindow == 0 || SignedBlocksWindow > MaxSignedBlocksWindow)
        {
            return "signedBlocksWindow must be in 1..1000000";
        }

        if (MinSignedBps > BasisPoints)
        {
            return "minSignedBps must be at most 10000";
        }

        if (JailEpochs == 0)
        {
            return "jailEpochs must be positive";
        }

        // Evidence older than the unbonding period could name stake that has already left.
        var unbondingBlocks = (UInt128)UnbondingEpochs * EpochBlocks;
        if (MaxEvidenceAgeBlocks == 0 || MaxEvidenceAgeBlocks >= unbondingBlocks)
        {
            return "maxEvidenceAgeBlocks must be positive and below unbondingEpochs·epochBlocks";
        }

        return ValidateEconomics();
    }

    private string? ValidateEconomics()
    {
        if (WorkPeriodEpochs == 0)
        {
            return "workPeriodEpochs must be positive";
        }

        if (EmissionDecayBps > BasisPoints)
        {
            return "emissionDecayBps must be at most 10000";
        }

        if (EpochsPerYear == 0)
        {
            return "epochsPerYear must be positive";
        }

        if (KeeperPoolBps > BasisPoints)
        {
            return "keeperPoolBps must be at most 10000";
        }

        if (CommunityTaxBps > BasisPoints)
        {
            return "communityTaxBps must be at most 10000";
        }

        return null;
    }

    internal byte[] Encode() => new RecordWriter()
        .Add(EpochBlocks).Add(UnbondingEpochs).Add(MaxValidators).Add(MaxKeepers).Add(MinSelfStake)
        .Add(MaxCommissionBps).Add(MaxCommissionChangeBps).Add(CommissionChangeEpochs).Add(MaxEntries)
        .Add(MaxDelegationsPerDelegator)
        .Add(TotalStakeLimit).Add(BootstrapAllowance).Add(BootstrapEpochs).Add(WorkPeriodEpochs)
        .Add(InitialEpochEmission).Add(EmissionDecayBps).Add(EpochsPerYear).Add(KeeperPoolBps).Add(CommunityTaxBps)
        .Add(SlashFractionDoubleSignPpm).Add(SlashFractionDowntimePpm).Add(SlashFractionFalseVouchPpm)
        .Add(SignedBlocksWindow).Add(MinSignedBps).Add(JailEpochs).Add(MaxEvidenceAgeBlocks).ToArray();

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
            TotalStakeLimit = r.UInt256(),
            BootstrapAllowance = r.UInt256(),
            BootstrapEpochs = r.UInt64(),
            WorkPeriodEpochs = r.UInt64(),
            InitialEpochEmission = r.UInt256(),
            EmissionDecayBps = (ushort)r.UInt64(),
            EpochsPerYear = r.UInt64(),
            KeeperPoolBps = (ushort)r.UInt64(),
            CommunityTaxBps = (ushort)r.UInt64(),
            SlashFractionDoubleSignPpm = (uint)r.UInt64(),
            SlashFractionDowntimePpm = (uint)r.UInt64(),
            SlashFractionFalseVouchPpm = (uint)r.UInt64(),
            SignedBlocksWindow = r.UInt64(),
            MinSignedBps = (ushort)r.UInt64(),
            JailEpochs = r.UInt64(),
            MaxEvidenceAgeBlocks = r.UInt64(),
        };
        r.End();
        return result;
    }
}
