using Aro.Core;
using Aro.Modules.Gpow.State;

namespace Aro.Modules.Gpow;

/// <summary>
/// ContributionScore = ResourceRating × Uptime × AdjustmentFactors (aro-protocol.md §5), in micro-points
/// (10^-6 point), integer only: each factor is parts per million, applied in this fixed order with a floor
/// after every step, so every node computes the same number.
/// </summary>
public static class ContributionScore
{
    /// <summary>The score of one set of observations; <paramref name="streak"/> counts the excellent epochs before this one.</summary>
    public static UInt256 Compute(GpowParams p, in Verdict v, uint streak)
    {
        ArgumentNullException.ThrowIfNull(p);
        UInt256 ppm = GpowParams.Ppm;
        var score = (UInt256)p.IpClassScores[v.IpClass] * ppm;
        score = score * GpowParams.Factor(p.IpChangeFactors, v.IpChanges) / ppm;
        score = score * v.UptimePpm / ppm;
        score = score * GpowParams.Factor(p.StabilityFactors, streak) / ppm;
        score = score * GpowParams.Factor(p.BandwidthFactors, v.UploadMbps) / ppm;
        score = score * (v.NatOpen ? p.NatOpenFactorPpm : GpowParams.Ppm) / ppm;
        return score;
    }

    /// <summary>Each field's lower median over the verdicts (an even count takes the lower middle value).</summary>
    public static Verdict Median(IReadOnlyList<Verdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var n = verdicts.Count;
        Span<uint> values = stackalloc uint[n];
        return new Verdict(
            Address.Zero,
            (byte)MedianOf(verdicts, values, static v => v.IpClass),
            (ushort)MedianOf(verdicts, values, static v => v.IpChanges),
            MedianOf(verdicts, values, static v => v.UploadMbps),
            MedianOf(verdicts, values, static v => v.NatOpen ? 1u : 0u) != 0,
            MedianOf(verdicts, values, static v => v.UptimePpm));
    }

    /// <summary>Whether a keeper's own score is further than <paramref name="deviationBps"/> from the final score.</summary>
    public static bool Deviates(in UInt256 keeperScore, in UInt256 score, uint deviationBps)
    {
        var difference = keeperScore > score ? keeperScore - score : score - keeperScore;
        return difference * 10_000 > score * deviationBps;
    }

    private static uint MedianOf(IReadOnlyList<Verdict> verdicts, Span<uint> values, Func<Verdict, uint> field)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = field(verdicts[i]);
        }

        values.Sort();
        return values[(values.Length - 1) / 2];
    }
}
