using System.Collections.Immutable;
using Aro.Core;
using Aro.Modules.Gpow.State;

namespace Aro.Modules.Gpow;

/// <summary>One step of a factor table: values ≥ <paramref name="From"/> (up to the next step) get <paramref name="Ppm"/>.</summary>
public readonly record struct FactorStep(ulong From, uint Ppm);

/// <summary>
/// The module's parameters (README §3), fixed at genesis. Defaults follow aro-protocol.md §5 (ARO's
/// Testnet S2 scoring tables) and §7 (windows, k = 3, quorum, deviation).
/// </summary>
public sealed record GpowParams
{
    public const uint Ppm = 1_000_000;

    public ulong EpochBlocks { get; init; } = 600;

    public ulong ReportWindowBlocks { get; init; } = 100;

    public ulong ChallengeDeadlineBlocks { get; init; } = 100;

    public ulong VerdictWindowBlocks { get; init; } = 300;

    public uint KeepersPerEdge { get; init; } = 3;

    public uint MaxVerdictsPerTx { get; init; } = 2_000;

    public uint ChallengeRatePpm { get; init; } = 50_000;

    public uint ChallengeSlashPpm { get; init; } = 100_000;

    public UInt256 MinBond { get; init; } = UInt256.Parse("100000000000000000000");

    public ulong AttestationValiditySeconds { get; init; } = 30 * 86_400;

    public uint SettlementPageSize { get; init; } = 500;

    public uint MaxChunkBytes { get; init; } = 4_096;

    public uint DeviationBps { get; init; } = 2_000;

    public uint ExcellentUptimePpm { get; init; } = 950_000;

    /// <summary>IP score in points by IP class: datacenter, ISP, residential, mobile.</summary>
    public ImmutableArray<uint> IpClassScores { get; init; } = [20, 30, 50, 60];

    /// <summary>IP quality factor by IP changes in 24 h: &lt;2 → 1.0, 2–3 → 0.8, 4–7 → 0.4, ≥8 → 0.1.</summary>
    public ImmutableArray<FactorStep> IpChangeFactors { get; init; } = [new(0, 1_000_000), new(2, 800_000), new(4, 400_000), new(8, 100_000)];

    /// <summary>Bandwidth factor by upload Mbps: &lt;5 → 0.05, 5–50 → 1.0, &gt;50 → 1.3.</summary>
    public ImmutableArray<FactorStep> BandwidthFactors { get; init; } = [new(0, 50_000), new(5, 1_000_000), new(51, 1_300_000)];

    /// <summary>Uptime stability by consecutive excellent epochs: 1.0, ≥6 → 1.2, ≥24 → 1.5.</summary>
    public ImmutableArray<FactorStep> StabilityFactors { get; init; } = [new(0, 1_000_000), new(6, 1_200_000), new(24, 1_500_000)];

    public uint NatOpenFactorPpm { get; init; } = 1_500_000;

    /// <summary>Share of compute-declaring reporters given a compute challenge per epoch (README §8a).</summary>
    public uint ComputeChallengeRatePpm { get; init; } = 50_000;

    /// <summary>Sequential keccak rounds of a compute challenge answer; the chain recomputes them at the answerer's gas.</summary>
    public ulong ComputeChallengeRounds { get; init; } = 1 << 14;

    /// <summary>Upper bound of <see cref="ComputeChallengeRounds"/>: its gas (36 per round) stays under 10 M.</summary>
    public const ulong MaxComputeChallengeRounds = 1 << 18;

    /// <summary>The first broken rule as "field: rule", or null when the params are consistent.</summary>
    public string? Validate()
    {
        if (EpochBlocks == 0)
        {
            return "epochBlocks: must be > 0";
        }

        if (ReportWindowBlocks == 0 || ChallengeDeadlineBlocks == 0)
        {
            return "reportWindowBlocks/challengeDeadlineBlocks: must be > 0";
        }

        // Challenges open when the report window closes and must be closed before scoring starts.
        if (ReportWindowBlocks + ChallengeDeadlineBlocks > VerdictWindowBlocks || VerdictWindowBlocks >= EpochBlocks)
        {
            return "verdictWindowBlocks: reportWindowBlocks + challengeDeadlineBlocks <= verdictWindowBlocks < epochBlocks";
        }

        if (KeepersPerEdge is 0 or > 16)
        {
            return "keepersPerEdge: 1..16";
        }

        if (MaxVerdictsPerTx == 0 || SettlementPageSize == 0 || MaxChunkBytes == 0)
        {
            return "maxVerdictsPerTx/settlementPageSize/maxChunkBytes: must be > 0";
        }

        if (ChallengeRatePpm > Ppm || ChallengeSlashPpm > Ppm || ExcellentUptimePpm > Ppm || ComputeChallengeRatePpm > Ppm)
        {
            return "challengeRatePpm/challengeSlashPpm/excellentUptimePpm/computeChallengeRatePpm: at most 1000000";
        }

        if (ComputeChallengeRounds is 0 or > MaxComputeChallengeRounds)
        {
            return "computeChallengeRounds: 1..262144";
        }

        if (AttestationValiditySeconds == 0)
        {
            return "attestationValiditySeconds: must be > 0";
        }

        if (IpClassScores.IsDefaultOrEmpty || IpClassScores.Length > 256)
        {
            return "ipClassScores: 1..256 entries";
        }

        return CheckSteps("ipChangeFactors", IpChangeFactors) ?? CheckSteps("bandwidthFactors", BandwidthFactors)
            ?? CheckSteps("stabilityFactors", StabilityFactors);
    }

    /// <summary>The factor of the last step whose threshold is ≤ <paramref name="value"/>.</summary>
    internal static uint Factor(ImmutableArray<FactorStep> steps, ulong value)
    {
        var factor = steps[0].Ppm;
        foreach (var step in steps)
        {
            if (step.From > value)
            {
                break;
            }

            factor = step.Ppm;
        }

        return factor;
    }

    internal byte[] Encode() => new RecordWriter()
        .Add(EpochBlocks).Add(ReportWindowBlocks).Add(ChallengeDeadlineBlocks).Add(VerdictWindowBlocks)
        .Add(KeepersPerEdge).Add(MaxVerdictsPerTx).Add(ChallengeRatePpm).Add(ChallengeSlashPpm).Add(MinBond)
        .Add(AttestationValiditySeconds).Add(SettlementPageSize).Add(MaxChunkBytes).Add(DeviationBps).Add(ExcellentUptimePpm)
        .AddList(IpClassScores.Select(static s => ((UInt256)s).ToBigEndianMinimal()))
        .AddList(Flatten(IpChangeFactors)).AddList(Flatten(BandwidthFactors)).AddList(Flatten(StabilityFactors))
        .Add(NatOpenFactorPpm).Add(ComputeChallengeRatePpm).Add(ComputeChallengeRounds)
        .ToArray();

    // The record changes only at genesis (and later by governance), while every message reads it: the last
    // decoded record is kept with its bytes and reused when the stored bytes are the same. Decoding is a pure
    // function of the bytes, so the cache cannot change a result; the pair is swapped atomically.
    private static ParamsCacheEntry? s_lastDecoded;

    /// <summary><see cref="Decode"/>, reusing the last result when <paramref name="record"/> holds the same bytes.</summary>
    internal static GpowParams DecodeCached(ReadOnlySpan<byte> record)
    {
        var last = Volatile.Read(ref s_lastDecoded);
        if (last is not null && record.SequenceEqual(last.Record))
        {
            return last.Params;
        }

        var decoded = Decode(record);
        Volatile.Write(ref s_lastDecoded, new ParamsCacheEntry(record.ToArray(), decoded));
        return decoded;
    }

    internal static GpowParams Decode(ReadOnlySpan<byte> record)
    {
        var r = new RecordReader(record);
        var p = new GpowParams
        {
            EpochBlocks = r.UInt64(),
            ReportWindowBlocks = r.UInt64(),
            ChallengeDeadlineBlocks = r.UInt64(),
            VerdictWindowBlocks = r.UInt64(),
            KeepersPerEdge = (uint)r.UInt64(),
            MaxVerdictsPerTx = (uint)r.UInt64(),
            ChallengeRatePpm = (uint)r.UInt64(),
            ChallengeSlashPpm = (uint)r.UInt64(),
            MinBond = r.UInt256(),
            AttestationValiditySeconds = r.UInt64(),
            SettlementPageSize = (uint)r.UInt64(),
            MaxChunkBytes = (uint)r.UInt64(),
            DeviationBps = (uint)r.UInt64(),
            ExcellentUptimePpm = (uint)r.UInt64(),
            IpClassScores = [.. r.List().Select(static b => (uint)(ulong)UInt256.FromBigEndian(b))],
            IpChangeFactors = Unflatten(r.List()),
            BandwidthFactors = Unflatten(r.List()),
            StabilityFactors = Unflatten(r.List()),
            NatOpenFactorPpm = (uint)r.UInt64(),
            ComputeChallengeRatePpm = (uint)r.UInt64(),
            ComputeChallengeRounds = r.UInt64(),
        };
        r.End();
        return p;
    }

    public bool Equals(GpowParams? other) =>
        other is not null && Encode().AsSpan().SequenceEqual(other.Encode());

    public override int GetHashCode() => HashCode.Combine(EpochBlocks, KeepersPerEdge, MinBond);

    private static string? CheckSteps(string name, ImmutableArray<FactorStep> steps)
    {
        if (steps.IsDefaultOrEmpty || steps[0].From != 0 || steps.Length > 32)
        {
            return name + ": 1..32 steps, the first from 0";
        }

        for (var i = 1; i < steps.Length; i++)
        {
            if (steps[i].From <= steps[i - 1].From)
            {
                return name + ": thresholds strictly ascending";
            }
        }

        foreach (var step in steps)
        {
            if (step.Ppm > 10 * Ppm)
            {
                return name + ": factors at most 10.0 (10000000 ppm)";
            }
        }

        return null;
    }

    private static IEnumerable<byte[]> Flatten(ImmutableArray<FactorStep> steps)
    {
        foreach (var step in steps)
        {
            yield return ((UInt256)step.From).ToBigEndianMinimal();
            yield return ((UInt256)step.Ppm).ToBigEndianMinimal();
        }
    }

    private static ImmutableArray<FactorStep> Unflatten(List<byte[]> values)
    {
        var steps = ImmutableArray.CreateBuilder<FactorStep>(values.Count / 2);
        for (var i = 0; i + 1 < values.Count; i += 2)
        {
            steps.Add(new FactorStep((ulong)UInt256.FromBigEndian(values[i]), (uint)(ulong)UInt256.FromBigEndian(values[i + 1])));
        }

        return steps.MoveToImmutable();
    }

    private sealed record ParamsCacheEntry(byte[] Record, GpowParams Params);
}
