using System.Numerics;
using static Aro.Core.Tests.Primitives.UInt256Samples;

namespace Aro.Core.Tests.Primitives;

public class UInt256ArithmeticTests
{
    private static UInt256 U(BigInteger value) => UInt256.FromBigInteger(value);

    [Fact]
    public void Add_matches_BigInteger_and_throws_exactly_on_overflow()
    {
        foreach (var a in Values)
        {
            foreach (var b in Values)
            {
                var expected = a + b;
                if (expected > Max)
                {
                    Assert.Throws<OverflowException>(() => U(a) + U(b));
                    Assert.False(UInt256.TryAdd(U(a), U(b), out _));
                }
                else
                {
                    Assert.Equal(expected, (U(a) + U(b)).ToBigInteger());
                }
            }
        }
    }

    [Fact]
    public void Subtract_matches_BigInteger_and_throws_exactly_on_underflow()
    {
        foreach (var a in Values)
        {
            foreach (var b in Values)
            {
                var expected = a - b;
                if (expected < 0)
                {
                    Assert.Throws<OverflowException>(() => U(a) - U(b));
                    Assert.False(UInt256.TrySubtract(U(a), U(b), out _));
                }
                else
                {
                    Assert.Equal(expected, (U(a) - U(b)).ToBigInteger());
                }
            }
        }
    }

    [Fact]
    public void Multiply_matches_BigInteger_and_throws_exactly_on_overflow()
    {
        foreach (var a in Values)
        {
            foreach (var b in Values)
            {
                var expected = a * b;
                if (expected > Max)
                {
                    Assert.Throws<OverflowException>(() => U(a) * U(b));
                    Assert.False(UInt256.TryMultiply(U(a), U(b), out _));
                }
                else
                {
                    Assert.Equal(expected, (U(a) * U(b)).ToBigInteger());
                }
            }
        }
    }

    [Fact]
    public void Divide_and_remainder_match_BigInteger()
    {
        foreach (var a in Values)
        {
            foreach (var b in Values)
            {
                if (b.IsZero)
                {
                    continue;
                }

                Assert.Equal(a / b, (U(a) / U(b)).ToBigInteger());
                Assert.Equal(a % b, (U(a) % U(b)).ToBigInteger());
            }
        }
    }

    [Fact]
    public void DivRem_matches_BigInteger_on_extreme_limb_patterns()
    {
        var values = LimbPatterns;
        var dividends = values.Select(U).ToArray();
        foreach (var b in values)
        {
            if (b.IsZero)
            {
                continue;
            }

            var divisor = U(b);
            for (var i = 0; i < values.Count; i++)
            {
                var quotient = UInt256.DivRem(dividends[i], divisor, out var remainder);
                var expectedQuotient = BigInteger.DivRem(values[i], b, out var expectedRemainder);
                if (quotient.ToBigInteger() != expectedQuotient || remainder.ToBigInteger() != expectedRemainder)
                {
                    Assert.Fail($"{values[i]:X} / {b:X}: got {quotient.ToHexString()} r {remainder.ToHexString()}");
                }
            }
        }
    }

    [Fact]
    public void Divide_needs_the_add_back_step()
    {
        // Knuth D's rare D6 case (Hacker's Delight divmnu test vector, scaled to 64-bit digits):
        // the two-digit quotient estimate is still one too large after refinement.
        var a = new UInt256(0, 0, 0x8000_0000_0000_0000, 0x7fff_ffff_ffff_ffff);
        var b = new UInt256(1, 0, 0x8000_0000_0000_0000, 0);
        var quotient = UInt256.DivRem(a, b, out var remainder);

        var expected = BigInteger.DivRem(a.ToBigInteger(), b.ToBigInteger(), out var expectedRemainder);
        Assert.Equal(expected, quotient.ToBigInteger());
        Assert.Equal(expectedRemainder, remainder.ToBigInteger());
    }

    [Fact]
    public void Division_by_zero_throws()
    {
        Assert.Throws<DivideByZeroException>(() => UInt256.One / UInt256.Zero);
        Assert.Throws<DivideByZeroException>(() => UInt256.MaxValue % UInt256.Zero);
    }

    [Fact]
    public void Shifts_match_BigInteger_and_give_zero_at_256_or_more()
    {
        int[] shifts = [0, 1, 7, 63, 64, 65, 127, 128, 129, 191, 192, 200, 255, 256, 257, 1000, int.MaxValue];
        foreach (var a in Values)
        {
            foreach (var s in shifts)
            {
                var left = s >= 256 ? BigInteger.Zero : (a << s) & Max;
                var right = s >= 256 ? BigInteger.Zero : a >> s;
                Assert.Equal(left, (U(a) << s).ToBigInteger());
                Assert.Equal(right, (U(a) >> s).ToBigInteger());
            }
        }
    }

    [Fact]
    public void Negative_shift_throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => UInt256.One << -1);
        Assert.Throws<ArgumentOutOfRangeException>(() => UInt256.One >> -1);
    }

    [Fact]
    public void Comparison_and_equality_match_BigInteger()
    {
        foreach (var a in Values)
        {
            foreach (var b in Values)
            {
                Assert.Equal(a.CompareTo(b), Math.Sign(U(a).CompareTo(U(b))));
                Assert.Equal(a < b, U(a) < U(b));
                Assert.Equal(a <= b, U(a) <= U(b));
                Assert.Equal(a > b, U(a) > U(b));
                Assert.Equal(a >= b, U(a) >= U(b));
                Assert.Equal(a == b, U(a) == U(b));
                Assert.Equal(a != b, U(a) != U(b));
            }
        }
    }

    [Fact]
    public void Bitwise_operators_match_BigInteger()
    {
        foreach (var a in Values)
        {
            Assert.Equal(Max ^ a, (~U(a)).ToBigInteger());
            foreach (var b in Values)
            {
                Assert.Equal(a & b, (U(a) & U(b)).ToBigInteger());
                Assert.Equal(a | b, (U(a) | U(b)).ToBigInteger());
                Assert.Equal(a ^ b, (U(a) ^ U(b)).ToBigInteger());
            }
        }
    }

    [Fact]
    public void BitLength_and_ByteLength_match_BigInteger()
    {
        foreach (var a in Values)
        {
            var bits = (int)a.GetBitLength();
            Assert.Equal(bits, U(a).BitLength);
            Assert.Equal((bits + 7) / 8, U(a).ByteLength);
        }
    }

    [Fact]
    public void IsZero_only_for_zero()
    {
        Assert.True(UInt256.Zero.IsZero);
        Assert.False(UInt256.One.IsZero);
        Assert.False((UInt256.One << 255).IsZero);
    }
}
