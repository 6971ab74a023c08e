using System.Globalization;
using System.Text;
using Aro.Attestation.Cbor;

namespace Aro.Attestation.Tests.Cbor;

/// <summary>
/// The strict reader against RFC 8949 Appendix A, for the subset it supports (integers, strings, arrays,
/// maps, tags, false/true/null), and its rejections: the NSM emits canonical CBOR, so indefinite lengths,
/// non-minimal heads, floats and other simple values are errors, as are truncation and trailing bytes.
/// </summary>
public class CborReaderTests
{
    [Theory]
    [InlineData("00", "0")]
    [InlineData("01", "1")]
    [InlineData("0a", "10")]
    [InlineData("17", "23")]
    [InlineData("1818", "24")]
    [InlineData("1819", "25")]
    [InlineData("1864", "100")]
    [InlineData("1903e8", "1000")]
    [InlineData("1a000f4240", "1000000")]
    [InlineData("1b000000e8d4a51000", "1000000000000")]
    [InlineData("1bffffffffffffffff", "18446744073709551615")]
    [InlineData("20", "-1")]
    [InlineData("29", "-10")]
    [InlineData("3863", "-100")]
    [InlineData("3903e7", "-1000")]
    [InlineData("f4", "false")]
    [InlineData("f5", "true")]
    [InlineData("f6", "null")]
    [InlineData("c074323031332d30332d32315432303a30343a30305a", "0(\"2013-03-21T20:04:00Z\")")]
    [InlineData("c11a514b67b0", "1(1363896240)")]
    [InlineData("d74401020304", "23(h'01020304')")]
    [InlineData("d818456449455446", "24(h'6449455446')")]
    [InlineData("d82076687474703a2f2f7777772e6578616d706c652e636f6d", "32(\"http://www.example.com\")")]
    [InlineData("40", "h''")]
    [InlineData("4401020304", "h'01020304'")]
    [InlineData("60", "\"\"")]
    [InlineData("6161", "\"a\"")]
    [InlineData("6449455446", "\"IETF\"")]
    [InlineData("62225c", "\"\\\"\\\\\"")]
    [InlineData("62c3bc", "\"ü\"")]
    [InlineData("63e6b0b4", "\"水\"")]
    [InlineData("64f0908591", "\"𐅑\"")]
    [InlineData("80", "[]")]
    [InlineData("83010203", "[1, 2, 3]")]
    [InlineData("8301820203820405", "[1, [2, 3], [4, 5]]")]
    [InlineData(
        "98190102030405060708090a0b0c0d0e0f101112131415161718181819",
        "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25]")]
    [InlineData("a0", "{}")]
    [InlineData("a201020304", "{1: 2, 3: 4}")]
    [InlineData("a26161016162820203", "{\"a\": 1, \"b\": [2, 3]}")]
    [InlineData("826161a161626163", "[\"a\", {\"b\": \"c\"}]")]
    [InlineData("a56161614161626142616361436164614461656145", "{\"a\": \"A\", \"b\": \"B\", \"c\": \"C\", \"d\": \"D\", \"e\": \"E\"}")]
    public void Decodes_rfc8949_appendix_a_examples(string hex, string diagnostic)
    {
        var bytes = Convert.FromHexString(hex);
        var reader = new CborReader(bytes);
        Assert.Equal(diagnostic, Render(ref reader));
        reader.ExpectEnd("test");
    }

    [Fact]
    public void Skips_every_appendix_a_example_in_one_pass()
    {
        var bytes = Convert.FromHexString("8301820203820405");
        var reader = new CborReader(bytes);
        reader.SkipValue("test");
        Assert.True(reader.IsAtEnd);
    }

    [Fact]
    public void Rejects_a_negative_integer_below_the_int64_range()
    {
        // RFC 8949 Appendix A: 0x3bffffffffffffffff is -18446744073709551616.
        var error = Assert.Throws<AttestationFormatException>(() => new CborReader(Convert.FromHexString("3bffffffffffffffff")).ReadInt64("n"));
        Assert.Contains("64-bit", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5f42010243030405ff")]
    [InlineData("7f657374726561646d696e67ff")]
    [InlineData("9fff")]
    [InlineData("9f018202039f0405ffff")]
    [InlineData("83018202039f0405ff")]
    [InlineData("bf61610161629f0203ffff")]
    [InlineData("ff")]
    public void Rejects_indefinite_lengths_and_break(string hex)
    {
        var error = Assert.Throws<AttestationFormatException>(() => Skip(hex));
        Assert.True(error.Reason.Contains("indefinite", StringComparison.Ordinal) || error.Reason.Contains("unsupported", StringComparison.Ordinal), error.Reason);
    }

    [Theory]
    [InlineData("f7")]
    [InlineData("f0")]
    [InlineData("f8ff")]
    [InlineData("f90000")]
    [InlineData("f93c00")]
    [InlineData("fa47c35000")]
    [InlineData("fb3ff199999999999a")]
    public void Rejects_undefined_other_simple_values_and_floats(string hex)
    {
        var error = Assert.Throws<AttestationFormatException>(() => Skip(hex));
        Assert.Contains("unsupported simple value or float", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1817")]
    [InlineData("190017")]
    [InlineData("1900ff")]
    [InlineData("1a0000ffff")]
    [InlineData("1b00000000ffffffff")]
    [InlineData("380a")]
    [InlineData("580101")]
    [InlineData("78016161")]
    [InlineData("980101")]
    [InlineData("b8010101")]
    [InlineData("d80101")]
    public void Rejects_non_minimal_heads(string hex)
    {
        var error = Assert.Throws<AttestationFormatException>(() => Skip(hex));
        Assert.Contains("non-minimal", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1c")]
    [InlineData("3d")]
    [InlineData("5e")]
    public void Rejects_reserved_additional_information(string hex)
    {
        var error = Assert.Throws<AttestationFormatException>(() => Skip(hex));
        Assert.Contains("reserved", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("18")]
    [InlineData("1901")]
    [InlineData("1b00000000000001")]
    [InlineData("44010203")]
    [InlineData("6361")]
    [InlineData("830102")]
    [InlineData("a20102")]
    [InlineData("c1")]
    public void Rejects_truncated_items(string hex)
    {
        var error = Assert.Throws<AttestationFormatException>(() => Skip(hex));
        Assert.Contains("truncated", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_huge_declared_length_before_allocating()
    {
        var error = Assert.Throws<AttestationFormatException>(() => Skip("9bffffffffffffffff00"));
        Assert.Contains("truncated", error.Reason, StringComparison.Ordinal);
        error = Assert.Throws<AttestationFormatException>(() => Skip("5bffffffffffffffff00"));
        Assert.Contains("truncated", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_invalid_utf8_in_a_text_string()
    {
        var error = Assert.Throws<AttestationFormatException>(() => Skip("62c328"));
        Assert.Contains("UTF-8", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_trailing_bytes_at_their_offset()
    {
        var reader = new CborReader(Convert.FromHexString("0000"));
        reader.ReadUInt64("first");
        var offset = -1L;
        try
        {
            reader.ExpectEnd("document");
        }
        catch (AttestationFormatException e)
        {
            offset = e.Offset;
            Assert.Equal("document", e.Field);
        }

        Assert.Equal(1, offset);
    }

    [Fact]
    public void Skips_nesting_up_to_the_depth_limit()
    {
        var bytes = Enumerable.Repeat((byte)0x81, CborReader.MaxSkipDepth).Append((byte)0x00).ToArray();
        var reader = new CborReader(bytes);
        reader.SkipValue("nested");
        Assert.True(reader.IsAtEnd);
    }

    [Fact]
    public void Rejects_nesting_beyond_the_depth_limit()
    {
        var bytes = Enumerable.Repeat((byte)0x81, CborReader.MaxSkipDepth + 1).Append((byte)0x00).ToArray();
        var error = Assert.Throws<AttestationFormatException>(() => new CborReader(bytes).SkipValue("nested"));
        Assert.Contains("nesting", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_offsets_relative_to_the_outer_input()
    {
        var error = Assert.Throws<AttestationFormatException>(() => new CborReader(Convert.FromHexString("f7"), baseOffset: 100).SkipValue("x"));
        Assert.Equal(100, error.Offset);
        var reader = new CborReader(Convert.FromHexString("00f7"), baseOffset: 100);
        reader.ReadUInt64("a");
        var second = -1L;
        try
        {
            reader.SkipValue("b");
        }
        catch (AttestationFormatException e)
        {
            second = e.Offset;
        }

        Assert.Equal(101, second);
    }

    [Fact]
    public void Rejects_a_type_mismatch_naming_the_field()
    {
        var error = Assert.Throws<AttestationFormatException>(() => new CborReader(Convert.FromHexString("6161")).ReadByteString("cose.payload"));
        Assert.Equal("cose.payload", error.Field);
    }

    [Theory]
    [InlineData(0UL, "00")]
    [InlineData(23UL, "17")]
    [InlineData(24UL, "1818")]
    [InlineData(255UL, "18ff")]
    [InlineData(256UL, "190100")]
    [InlineData(65535UL, "19ffff")]
    [InlineData(65536UL, "1a00010000")]
    [InlineData(4294967295UL, "1affffffff")]
    [InlineData(4294967296UL, "1b0000000100000000")]
    [InlineData(ulong.MaxValue, "1bffffffffffffffff")]
    public void Writes_the_shortest_head_and_reads_it_back(ulong value, string hex)
    {
        var head = TestCbor.Head(CborMajorType.UnsignedInteger, value);
        Assert.Equal(hex, Convert.ToHexStringLower(head));
        Assert.Equal(value, new CborReader(head).ReadUInt64("v"));
    }

    private static void Skip(string hex)
    {
        var reader = new CborReader(Convert.FromHexString(hex));
        reader.SkipValue("test");
        reader.ExpectEnd("test");
    }

    /// <summary>RFC 8949 diagnostic notation of the next item, read through the public reader API.</summary>
    private static string Render(ref CborReader reader)
    {
        switch (reader.PeekMajorType("test"))
        {
            case CborMajorType.UnsignedInteger:
                return reader.ReadUInt64("test").ToString(CultureInfo.InvariantCulture);
            case CborMajorType.NegativeInteger:
                return reader.ReadInt64("test").ToString(CultureInfo.InvariantCulture);
            case CborMajorType.ByteString:
                return "h'" + Convert.ToHexStringLower(reader.ReadByteString("test")) + "'";
            case CborMajorType.TextString:
                return "\"" + reader.ReadTextString("test").Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
            case CborMajorType.Array:
            {
                var count = reader.ReadArrayHeader("test");
                var items = new StringBuilder("[");
                for (var i = 0; i < count; i++)
                {
                    items.Append(i == 0 ? string.Empty : ", ").Append(Render(ref reader));
                }

                return items.Append(']').ToString();
            }

            case CborMajorType.Map:
            {
                var count = reader.ReadMapHeader("test");
                var entries = new StringBuilder("{");
                for (var i = 0; i < count; i++)
                {
                    entries.Append(i == 0 ? string.Empty : ", ").Append(Render(ref reader)).Append(": ").Append(Render(ref reader));
                }

                return entries.Append('}').ToString();
            }

            case CborMajorType.Tag:
            {
                var tag = reader.ReadTag("test");
                return tag.ToString(CultureInfo.InvariantCulture) + "(" + Render(ref reader) + ")";
            }

            default:
                return reader.TryReadNull() ? "null" : reader.ReadBoolean("test") ? "true" : "false";
        }
    }
}
