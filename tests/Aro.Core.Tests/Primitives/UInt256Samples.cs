using System.Numerics;

namespace Aro.Core.Tests.Primitives;

/// <summary>Edge values plus a fixed-seed pseudo-random spread over every bit length.</summary>
internal static class UInt256Samples
{
    public static readonly BigInteger Modulus = BigInteger.One << 256;

    public static readonly BigInteger Max = Modulus - 1;

    public static IReadOnlyList<BigInteger> Values { get; } = Build();

    /// <summary>Every value whose limbs are drawn from {0, 1, 2^63 − 1, 2^63, 2^64 − 1}: the digit patterns that stress Knuth D's estimate and add-back.</summary>
    public static IReadOnlyList<BigInteger> LimbPatterns { get; } = BuildLimbPatterns();

    private static List<BigInteger> Build()
    {
        var values = new List<BigInteger>
        {
            0, 1, 2, 3, 10, 255, 256,
            ulong.MaxValue, (BigInteger)ulong.MaxValue + 1, (BigInteger)ulong.MaxValue + 2,
            BigInteger.Pow(10, 18), BigInteger.Pow(10, 19), BigInteger.Pow(10, 38), BigInteger.Pow(10, 77),
            (BigInteger.One << 127) - 1, BigInteger.One << 128, (BigInteger.One << 128) - 1, (BigInteger.One << 128) + 1,
            BigInteger.One << 192, BigInteger.One << 255, (BigInteger.One << 255) - 1, Max - 1, Max,
        };

        // SplitMix64 with a fixed seed: deterministic across runtimes, unlike System.Random's contract.
        var state = 0x5eed_2026_0001UL;
        ulong Next()
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        for (var bits = 1; bits <= 256; bits += 9)
        {
            var value = BigInteger.Zero;
            for (var limb = 0; limb < 4; limb++)
            {
                value |= (BigInteger)Next() << (64 * limb);
            }

            values.Add(value & ((BigInteger.One << bits) - 1));
        }

        return values;
    }

    private static List<BigInteger> BuildLimbPatterns()
    {
        BigInteger[] limbs = [0, 1, long.MaxValue, (BigInteger)long.MaxValue + 1, ulong.MaxValue];
        var values = new List<BigInteger>();
        foreach (var l3 in limbs)
        {
            foreach (var l2 in limbs)
            {
                foreach (var l1 in limbs)
                {
                    foreach (var l0 in limbs)
                    {
                        values.Add((l3 << 192) | (l2 << 128) | (l1 << 64) | l0);
                    }
                }
            }
        }

        return values;
    }
}
