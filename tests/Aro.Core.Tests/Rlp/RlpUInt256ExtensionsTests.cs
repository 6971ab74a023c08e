using Aro.Core.Rlp;

namespace Aro.Core.Tests.Rlp;

public class RlpUInt256ExtensionsTests
{
    [Theory]
    [InlineData("0x0", "80")]
    [InlineData("0x7f", "7f")]
    [InlineData("0x80", "8180")]
    [InlineData("0x0100", "820100")]
    [InlineData("0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "a0ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    public void Writes_the_minimal_big_endian_form_and_reads_it_back(string value, string encoded)
    {
        var number = UInt256.Parse(value);
        var buffer = new byte[RlpUInt256Extensions.LengthOfUInt256(number)];
        var writer = new RlpWriter(buffer);
        writer.WriteUInt256(number);
        Assert.Equal(buffer.Length, writer.Position);
        Assert.Equal(encoded, Convert.ToHexStringLower(buffer));

        var reader = new RlpReader(buffer);
        Assert.Equal(number, reader.ReadUInt256());
        reader.EnsureEnd();
    }

    [Fact]
    public void Reading_a_33_byte_integer_fails_with_IntegerTooLarge()
    {
        var encoded = RlpCodec.EncodeBytes(Enumerable.Repeat((byte)1, 33).ToArray());
        var error = Assert.Throws<RlpException>(() =>
        {
            var reader = new RlpReader(encoded);
            reader.ReadUInt256();
        });
        Assert.Equal(RlpError.IntegerTooLarge, error.Error);
    }

    [Fact]
    public void Reading_an_integer_with_a_leading_zero_fails_with_LeadingZeros()
    {
        var error = Assert.Throws<RlpException>(() =>
        {
            var reader = new RlpReader([0x82, 0x00, 0x01]);
            reader.ReadUInt256();
        });
        Assert.Equal(RlpError.LeadingZeros, error.Error);
    }

    [Fact]
    public void An_address_encodes_as_0x94_and_its_20_bytes()
    {
        var address = Address.Parse("0x3535353535353535353535353535353535353535");
        var buffer = new byte[RlpUInt256Extensions.AddressLength];
        var writer = new RlpWriter(buffer);
        writer.WriteAddress(address);
        Assert.Equal(address.ToArray(), buffer[1..]);
        Assert.Equal(0x94, buffer[0]);
    }
}
