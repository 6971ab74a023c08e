namespace Aro.Core.Tests.Primitives;

public class HexTests
{
    [Theory]
    [InlineData("0x", new byte[0])]
    [InlineData("", new byte[0])]
    [InlineData("0x00ff", new byte[] { 0x00, 0xff })]
    [InlineData("0XABcd", new byte[] { 0xab, 0xcd })]
    [InlineData("deadBEEF", new byte[] { 0xde, 0xad, 0xbe, 0xef })]
    public void Decodes_with_or_without_prefix_in_any_case(string hex, byte[] expected) =>
        Assert.Equal(expected, Hex.Decode(hex));

    [Theory]
    [InlineData("0x0")]
    [InlineData("abc")]
    [InlineData("0xg0")]
    [InlineData("0x 0")]
    [InlineData("0x0x00")]
    [InlineData("x0")]
    [InlineData("0x-1")]
    [InlineData("０１")]
    public void Rejects_odd_length_or_non_hex_characters(string hex) =>
        Assert.Throws<HexFormatException>(() => Hex.Decode(hex));

    [Fact]
    public void Encodes_lowercase_with_prefix_by_default()
    {
        Assert.Equal("0x00abff", Hex.Encode([0x00, 0xab, 0xff]));
        Assert.Equal("00abff", Hex.Encode([0x00, 0xab, 0xff], prefix: false));
        Assert.Equal("0x", Hex.Encode([]));
    }

    [Fact]
    public void Round_trips_every_byte_value()
    {
        var all = new byte[256];
        for (var i = 0; i < all.Length; i++)
        {
            all[i] = (byte)i;
        }

        Assert.Equal(all, Hex.Decode(Hex.Encode(all)));
    }

    [Fact]
    public void TryDecode_writes_into_the_destination()
    {
        Span<byte> dest = stackalloc byte[4];
        Assert.True(Hex.TryDecode("0x0102", dest, out var written));
        Assert.Equal(2, written);
        Assert.Equal(new byte[] { 1, 2 }, dest[..2].ToArray());
    }

    [Theory]
    [InlineData("0x010203")]
    [InlineData("0x1")]
    [InlineData("zz")]
    public void TryDecode_fails_on_bad_input_or_short_destination(string hex)
    {
        Span<byte> dest = stackalloc byte[2];
        Assert.False(Hex.TryDecode(hex, dest, out var written));
        Assert.Equal(0, written);
    }
}
