using System.Globalization;
using System.Numerics;
using static Aro.Core.Tests.Primitives.UInt256Samples;

namespace Aro.Core.Tests.Primitives;

public class UInt256TextTests
{
    private static string ExpectedQuantity(BigInteger value)
    {
        var hex = value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');
        return "0x" + (hex.Length == 0 ? "0" : hex);
    }

    [Fact]
    public void Decimal_format_matches_BigInteger_and_round_trips()
    {
        foreach (var a in Values)
        {
            var text = UInt256.FromBigInteger(a).ToString();
            Assert.Equal(a.ToString(CultureInfo.InvariantCulture), text);
            Assert.Equal(a, UInt256.Parse(text).ToBigInteger());
        }
    }

    [Fact]
    public void Hex_quantity_format_matches_BigInteger_and_round_trips()
    {
        foreach (var a in Values)
        {
            var text = UInt256.FromBigInteger(a).ToHexString();
            Assert.Equal(ExpectedQuantity(a), text);
            Assert.Equal(a, UInt256.ParseHexQuantity(text).ToBigInteger());
            Assert.Equal(a, UInt256.Parse(text).ToBigInteger());
        }
    }

    [Fact]
    public void Parse_accepts_hex_in_any_case_with_leading_zeros()
    {
        Assert.Equal((UInt256)0xABCDu, UInt256.Parse("0X00000000000000000000000000000000000000000000000000000000000000000000abCD"));
        Assert.Equal(UInt256.MaxValue, UInt256.Parse("0x" + new string('F', 64)));
        Assert.Equal((UInt256)42u, UInt256.Parse("0000000000000000000000000000000000000000000000000000000000000000000000000000000042"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("1_000")]
    [InlineData("1e3")]
    [InlineData("1a")]
    [InlineData("0x")]
    [InlineData("0xg")]
    [InlineData("0x-1")]
    [InlineData("٣")]
    public void Parse_rejects_malformed_numbers(string text)
    {
        Assert.ThrowsAny<FormatException>(() => UInt256.Parse(text));
        Assert.False(UInt256.TryParse(text, out _));
    }

    [Fact]
    public void Parse_throws_overflow_at_2_to_the_256()
    {
        var tooBig = Modulus.ToString(CultureInfo.InvariantCulture);
        Assert.Throws<OverflowException>(() => UInt256.Parse(tooBig));
        Assert.Throws<OverflowException>(() => UInt256.Parse("0x1" + new string('0', 64)));
        Assert.Throws<OverflowException>(() => UInt256.Parse(new string('9', 100)));
        Assert.False(UInt256.TryParse(tooBig, out _));
        Assert.Equal(UInt256.MaxValue, UInt256.Parse(Max.ToString(CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("0x")]
    [InlineData("0x01")]
    [InlineData("0x00")]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("x1")]
    [InlineData("0xg")]
    [InlineData("0x1 ")]
    [InlineData("")]
    public void ParseHexQuantity_rejects_anything_but_canonical_quantities(string text)
    {
        Assert.Throws<HexFormatException>(() => UInt256.ParseHexQuantity(text));
        Assert.False(UInt256.TryParseHexQuantity(text, out _));
    }

    [Theory]
    [InlineData("0x0", 0UL)]
    [InlineData("0x1f", 31UL)]
    [InlineData("0x1F", 31UL)]
    [InlineData("0x400", 1024UL)]
    public void ParseHexQuantity_accepts_canonical_quantities(string text, ulong expected) =>
        Assert.Equal((UInt256)expected, UInt256.ParseHexQuantity(text));

    [Fact]
    public void ParseHexQuantity_throws_overflow_beyond_64_digits() =>
        Assert.Throws<OverflowException>(() => UInt256.ParseHexQuantity("0x1" + new string('0', 64)));
}
