using Aro.Core;

namespace Aro.Modules.Gpos.Rewards;

/// <summary>Integer reward arithmetic: emission decay and the per-share accumulator.</summary>
internal static class RewardMath
{
    /// <summary>Fixed-point scale of the reward-per-share accumulator (27 decimal digits, as Cosmos' Dec is 18 on top of wei).</summary>
    public static readonly UInt256 Scale = UInt256.Parse("1000000000000000000000000000");

    /// <summary>
    /// Emission of <paramref name="epoch"/>: the initial emission, decayed once per completed year by repeated
    /// floor multiplication with (10000 − decay) / 10000. Stops early once it reaches zero.
    /// </summary>
    public static UInt256 Emission(GposParams p, ulong epoch)
    {
        var value = p.InitialEpochEmission;
        if (p.EmissionDecayBps == 0)
        {
            return value;
        }

        var years = epoch / p.EpochsPerYear;
        var keep = (UInt256)(ulong)(GposParams.BasisPoints - p.EmissionDecayBps);
        for (ulong y = 0; y < years && !value.IsZero; y++)
        {
            value = StakeMath.MulDiv(value, keep, GposParams.BasisPoints);
        }

        return value;
    }

    /// <summary>⌊amount · bps / 10000⌋.</summary>
    public static UInt256 Bps(in UInt256 amount, ushort bps) => StakeMath.MulDiv(amount, bps, GposParams.BasisPoints);

    /// <summary>Rewards <paramref name="shares"/> earned while the accumulator moved from <paramref name="start"/> to <paramref name="current"/> (floor).</summary>
    public static UInt256 Pending(in UInt256 shares, in UInt256 start, in UInt256 current) =>
        shares.IsZero || current <= start ? UInt256.Zero : StakeMath.MulDiv(shares, current - start, Scale);
}
