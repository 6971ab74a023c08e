using System.Numerics;
using static Aro.Core.Tests.Primitives.UInt256Samples;

namespace Aro.Core.Tests.Primitives;

public class UInt256ConversionTests
{
    [Fact]
    public void Constants_have_their_values()
    {
        Assert.Equal(BigInteger.Zero, UInt256.Zero.ToBigInteger());
        Assert.Equal(BigInteger.One, UInt256.One.ToBigInteger());
        Assert.Equal(Max, UInt256.MaxValue.ToBigInteger());
    }

    [Fact]
    public void Converts_from_unsigned_and_non_negative_signed_integers()
    {
        UInt256 fromUlong = ulong.MaxValue;
        UInt256 fromUint = uint.MaxValue;

        Assert.Equal((BigInteger)ulong.MaxValue, fromUlong.ToBigInteger());
        Assert.Equal((BigInteger)uint.MaxValue, fromUint.ToBigInteger());
        Assert.Equal((BigInteger)int.MaxValue, ((UInt256)int.MaxValue).ToBigInteger());
        Assert.Equal((BigInteger)long.MaxValue, ((UInt256)long.MaxValue).ToBigInteger());
    }

    [Fact]
    public void Negative_signed_integers_throw()
    {
        Assert.Throws<OverflowException>(() => (UInt256)(-1));
        Assert.Throws<OverflowException>(() => (UInt256)long.MinValue);
        Assert.Throws<OverflowException>(() => UInt256.FromBigInteger(BigInteger.MinusOne));
    }

    [Fact]
    public void Explicit_ulong_conversion_throws_when_the_value_does_not_fit()
    {
        Assert.Equal(ulong.MaxValue, (ulong)UInt256.FromBigInteger(ulong.MaxValue));
        Assert.Throws<OverflowException>(() => (ulong)UInt256.FromBigInteger((BigInteger)ulong.MaxValue + 1));
        Assert.Throws<OverflowException>(() => (ulong)(UInt256.One << 255));
    }

    [Fact]
    public void FromBigInteger_rejects_2_to_the_256() =>
        Assert.Throws<OverflowException>(() => UInt256.FromBigInteger(Modulus));

    [Fact]
    public void Big_endian_bytes_round_trip_and_match_BigInteger()
    {
        foreach (var a in Values)
        {
            var value = UInt256.FromBigInteger(a);
            var minimal = a.IsZero ? [] : a.ToByteArray(isUnsigned: true, isBigEndian: true);
            var full = new byte[32];
            minimal.CopyTo(full, 32 - minimal.Length);

            Assert.Equal(full, value.ToBigEndian());
            Assert.Equal(minimal, value.ToBigEndianMinimal());
            Assert.Equal(value, UInt256.FromBigEndian(full));
            Assert.Equal(value, UInt256.FromBigEndian(minimal));

            var dest = new byte[33];
            value.WriteBigEndianMinimal(dest);
            Assert.Equal(minimal, dest[..minimal.Length]);
        }
    }

    [Fact]
    public void FromBigEndian_treats_a_short_input_as_the_low_bytes() =>
        Assert.Equal((UInt256)0x0102u, UInt256.FromBigEndian([0x01, 0x02]));

    [Fact]
    public void FromBigEndian_rejects_more_than_32_bytes() =>
        Assert.Throws<ArgumentException>(() => UInt256.FromBigEndian(new byte[33]));

    [Theory]
    [InlineData(31)]
    [InlineData(33)]
    public void WriteBigEndian_requires_exactly_32_bytes(int length) =>
        Assert.Throws<ArgumentException>(() => UInt256.One.WriteBigEndian(new byte[length]));

    [Fact]
    public void WriteBigEndianMinimal_rejects_a_destination_shorter_than_ByteLength() =>
        Assert.Throws<ArgumentException>(() => (UInt256.One << 8).WriteBigEndianMinimal(new byte[1]));

    [Fact]
    public void Zero_has_an_empty_minimal_encoding()
    {
        Assert.Equal(0, UInt256.Zero.ByteLength);
        Assert.Empty(UInt256.Zero.ToBigEndianMinimal());
    }
}
