using System.Runtime.CompilerServices;

namespace Aro.Core.Tests.Primitives;

public class Hash256Tests
{
    private const string Sample = "0x00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    [Fact]
    public void Is_32_bytes_inline() => Assert.Equal(32, Unsafe.SizeOf<Hash256>());

    [Fact]
    public void Parse_and_ToString_round_trip_as_lowercase_with_prefix()
    {
        Assert.Equal(Sample, Hash256.Parse(Sample).ToString());
        Assert.Equal(Sample, Hash256.Parse(Sample[2..].ToUpperInvariant()).ToString());
    }

    [Theory]
    [InlineData("0x00")]
    [InlineData("0x00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff00")]
    [InlineData("0x00112233445566778899aabbccddeeff00112233445566778899aabbccddeefg")]
    [InlineData("")]
    public void Parse_rejects_wrong_length_or_bad_digits(string hex)
    {
        Assert.Throws<HexFormatException>(() => Hash256.Parse(hex));
        Assert.False(Hash256.TryParse(hex, out _));
    }

    [Fact]
    public void Constructor_rejects_a_span_that_is_not_32_bytes() =>
        Assert.Throws<ArgumentException>(() => new Hash256(new byte[31]));

    [Fact]
    public void Bytes_views_the_value_in_place()
    {
        var hashes = new[] { Hash256.Parse(Sample) };
        var span = hashes[0].Bytes;
        Assert.Equal(0x11, span[1]);

        // The span aliases the array element, not a defensive copy.
        hashes[0] = Hash256.Zero;
        Assert.Equal(0, span[1]);
    }

    [Fact]
    public void CopyTo_and_ToArray_give_the_bytes()
    {
        var hash = Hash256.Parse(Sample);
        var copy = new byte[32];
        hash.CopyTo(copy);

        Assert.Equal(Hex.Decode(Sample), copy);
        Assert.Equal(Hex.Decode(Sample), hash.ToArray());
    }

    [Fact]
    public void Equality_compares_every_byte()
    {
        var bytes = Hex.Decode(Sample);
        var a = new Hash256(bytes);
        bytes[31] ^= 1;
        var b = new Hash256(bytes);

        Assert.NotEqual(a, b);
        Assert.True(a != b);
        Assert.True(a == new Hash256(Hex.Decode(Sample)));
        Assert.Equal(a.GetHashCode(), new Hash256(Hex.Decode(Sample)).GetHashCode());
    }

    [Fact]
    public void Orders_as_big_endian_bytes()
    {
        var low = new byte[32];
        var high = new byte[32];
        low[31] = 0xff;
        high[0] = 0x01;

        Assert.True(new Hash256(low) < new Hash256(high));
        Assert.True(Hash256.Zero.CompareTo(new Hash256(low)) < 0);
    }

    [Fact]
    public void Zero_is_all_zero_bytes() => Assert.Equal(new byte[32], Hash256.Zero.ToArray());
}
