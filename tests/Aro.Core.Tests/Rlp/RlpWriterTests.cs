using Aro.Core.Rlp;

namespace Aro.Core.Tests.Rlp;

public class RlpWriterTests
{
    [Theory]
    [InlineData(0UL, "80")]
    [InlineData(1UL, "01")]
    [InlineData(0x7fUL, "7f")]
    [InlineData(0x80UL, "8180")]
    [InlineData(0x0100UL, "820100")]
    [InlineData(ulong.MaxValue, "88FFFFFFFFFFFFFFFF")]
    public void Writes_integers_minimally(ulong value, string expected)
    {
        Assert.Equal(expected, Convert.ToHexString(RlpCodec.EncodeUInt64(value)), ignoreCase: true);
        Assert.Equal(expected.Length / 2, RlpWriter.LengthOfUInt64(value));
    }

    [Theory]
    [InlineData("", "80")]
    [InlineData("00", "80")]
    [InlineData("000000", "80")]
    [InlineData("0001", "01")]
    [InlineData("000080", "8180")]
    [InlineData("00ff01", "82ff01")]
    public void Strips_leading_zeros_from_big_endian_integers(string bigEndian, string expected)
    {
        var value = TestHex.Parse(bigEndian);
        var buffer = new byte[RlpWriter.LengthOfBigEndianInteger(value)];
        var writer = new RlpWriter(buffer);
        writer.WriteBigEndianInteger(value);
        Assert.Equal(buffer.Length, writer.Position);
        Assert.Equal(expected, Convert.ToHexString(buffer), ignoreCase: true);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(55, 1)]
    [InlineData(56, 2)]
    [InlineData(255, 2)]
    [InlineData(256, 3)]
    [InlineData(65536, 4)]
    public void Sizes_list_headers_by_content_length(int contentLength, int headerLength)
    {
        Assert.Equal(headerLength, RlpWriter.LengthOfListHeader(contentLength));
        Assert.Equal(headerLength + contentLength, RlpWriter.LengthOfList(contentLength));
        var buffer = new byte[headerLength];
        var writer = new RlpWriter(buffer);
        writer.WriteListHeader(contentLength);
        Assert.Equal(headerLength, writer.Position);
    }

    [Theory]
    [InlineData(55)]
    [InlineData(56)]
    [InlineData(1024)]
    public void Writes_strings_that_the_reader_reads_back(int length)
    {
        var payload = new byte[length];
        for (var i = 0; i < length; i++)
        {
            payload[i] = (byte)(i * 7);
        }

        var encoded = RlpCodec.EncodeBytes(payload);
        Assert.Equal(RlpWriter.LengthOfBytes(payload), encoded.Length);
        var reader = new RlpReader(encoded);
        Assert.Equal(payload, reader.ReadBytes().ToArray());
        reader.EnsureEnd();
    }

    [Fact]
    public void Refuses_to_write_past_the_buffer()
    {
        var buffer = new byte[2];
        Assert.Throws<InvalidOperationException>(() =>
        {
            var writer = new RlpWriter(buffer);
            writer.WriteBytes([1, 2, 3]);
        });
    }
}
