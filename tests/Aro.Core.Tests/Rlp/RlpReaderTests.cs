using Aro.Core.Rlp;

namespace Aro.Core.Tests.Rlp;

/// <summary>One rejection reason per test, each with the typed error and offset the reader reports.</summary>
public class RlpReaderTests
{
    private static RlpException Reject(string hex)
    {
        var bytes = TestHex.Parse(hex);
        return Assert.Throws<RlpException>(() => RlpCodec.Validate(bytes));
    }

    [Fact]
    public void Rejects_empty_input_as_truncated() => Assert.Equal(RlpError.Truncated, Reject("").Error);

    [Fact]
    public void Rejects_single_byte_below_0x80_wrapped_in_a_header()
    {
        var error = Reject("8100");
        Assert.Equal(RlpError.NonCanonicalSingleByte, error.Error);
        Assert.Equal(0, error.Offset);
    }

    [Fact]
    public void Accepts_single_byte_0x80_wrapped_in_a_header()
    {
        var reader = new RlpReader(TestHex.Parse("8180"));
        Assert.Equal([0x80], reader.ReadBytes().ToArray());
        reader.EnsureEnd();
    }

    [Fact]
    public void Rejects_long_string_form_for_length_below_56() =>
        Assert.Equal(RlpError.NonCanonicalSize, Reject("b801ff").Error);

    [Fact]
    public void Rejects_long_list_form_for_length_below_56() =>
        Assert.Equal(RlpError.NonCanonicalSize, Reject("f803112233").Error);

    [Fact]
    public void Rejects_leading_zero_in_length_prefix()
    {
        var error = Reject("b90040" + new string('0', 128));
        Assert.Equal(RlpError.LeadingZeros, error.Error);
        Assert.Equal(1, error.Offset);
    }

    [Fact]
    public void Rejects_string_payload_longer_than_input() => Assert.Equal(RlpError.Truncated, Reject("83646f").Error);

    [Fact]
    public void Rejects_length_of_length_longer_than_input() => Assert.Equal(RlpError.Truncated, Reject("ba0100").Error);

    [Fact]
    public void Rejects_list_payload_longer_than_input() => Assert.Equal(RlpError.Truncated, Reject("c5010203").Error);

    [Fact]
    public void Rejects_length_that_overflows_int() =>
        Assert.Equal(RlpError.LengthOverflow, Reject("bf0f000000000000021111").Error);

    [Fact]
    public void Rejects_trailing_bytes_after_the_item()
    {
        var error = Reject("8000");
        Assert.Equal(RlpError.TrailingBytes, error.Error);
        Assert.Equal(1, error.Offset);
    }

    [Fact]
    public void Reports_offsets_inside_nested_lists_from_the_outer_buffer()
    {
        // [ "dog", [ 0x81 0x05 ] ]: the bad item sits at byte 6.
        var error = Reject("c7" + "83646f67" + "c28105");
        Assert.Equal(RlpError.NonCanonicalSingleByte, error.Error);
        Assert.Equal(6, error.Offset);
    }

    [Fact]
    public void Rejects_nesting_deeper_than_the_limit()
    {
        var bytes = TestHex.Parse("c3c2c1c0");
        RlpCodec.Validate(bytes, maxDepth: 4);
        Assert.Equal(RlpError.DepthExceeded, Assert.Throws<RlpException>(() => RlpCodec.Validate(bytes, maxDepth: 3)).Error);
        Assert.Equal(RlpError.DepthExceeded, Assert.Throws<RlpException>(() => RlpCodec.DecodeTree(bytes, maxDepth: 3)).Error);
    }

    [Theory]
    [InlineData("80", 0UL)]
    [InlineData("01", 1UL)]
    [InlineData("7f", 127UL)]
    [InlineData("8180", 128UL)]
    [InlineData("8203e8", 1000UL)]
    [InlineData("88ffffffffffffffff", ulong.MaxValue)]
    public void Reads_canonical_integers(string hex, ulong expected)
    {
        var reader = new RlpReader(TestHex.Parse(hex));
        Assert.Equal(expected, reader.ReadUInt64());
        reader.EnsureEnd();
    }

    [Fact]
    public void Rejects_zero_byte_as_integer()
    {
        var bytes = TestHex.Parse("00");
        var error = Assert.Throws<RlpException>(() => new RlpReader(bytes).ReadUInt64());
        Assert.Equal(RlpError.LeadingZeros, error.Error);
    }

    [Fact]
    public void Rejects_integer_with_leading_zero()
    {
        var bytes = TestHex.Parse("820001");
        Assert.Equal(RlpError.LeadingZeros, Assert.Throws<RlpException>(() => new RlpReader(bytes).ReadUInt64()).Error);
    }

    [Fact]
    public void Rejects_integer_wider_than_64_bits()
    {
        var bytes = TestHex.Parse("89010000000000000000");
        Assert.Equal(RlpError.IntegerTooLarge, Assert.Throws<RlpException>(() => new RlpReader(bytes).ReadUInt64()).Error);
    }

    [Fact]
    public void Reports_a_zero_padded_over_wide_integer_as_leading_zeros()
    {
        var bytes = TestHex.Parse("89000000000000000001");
        Assert.Equal(RlpError.LeadingZeros, Assert.Throws<RlpException>(() => new RlpReader(bytes).ReadUInt64()).Error);
    }

    [Fact]
    public void Rejects_list_where_bytes_expected()
    {
        var bytes = TestHex.Parse("c0");
        Assert.Equal(RlpError.UnexpectedList, Assert.Throws<RlpException>(() => new RlpReader(bytes).ReadBytes()).Error);
    }

    [Fact]
    public void Rejects_string_where_list_expected()
    {
        var bytes = TestHex.Parse("80");
        Assert.Equal(RlpError.UnexpectedString, Assert.Throws<RlpException>(() => new RlpReader(bytes).ReadList()).Error);
        Assert.Equal(RlpError.UnexpectedString, Assert.Throws<RlpException>(() => new RlpReader(bytes).ReadListHeader()).Error);
    }

    [Fact]
    public void Reads_raw_items_with_their_headers()
    {
        var reader = new RlpReader(TestHex.Parse("c6827a77c10401"));
        var list = reader.ReadList();
        Assert.Equal("827A77", Convert.ToHexString(list.ReadRaw()));
        Assert.Equal("C104", Convert.ToHexString(list.ReadRaw()));
        Assert.Equal("01", Convert.ToHexString(list.ReadRaw()));
        list.EnsureEnd();
        reader.EnsureEnd();
    }

    [Fact]
    public void Leaves_reader_on_first_item_after_list_header()
    {
        var reader = new RlpReader(TestHex.Parse("c6827a77c10401"));
        Assert.Equal(6, reader.ReadListHeader());
        Assert.Equal(1, reader.Position);
        Assert.False(reader.IsNextList);
        Assert.Equal("zw", System.Text.Encoding.ASCII.GetString(reader.ReadBytes()));
        Assert.True(reader.IsNextList);
        reader.Skip();
        Assert.Equal(1UL, reader.ReadUInt64());
        Assert.False(reader.HasMore);
    }
}
