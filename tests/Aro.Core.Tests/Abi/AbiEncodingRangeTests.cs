using System.Numerics;
using Aro.Core.Abi;

namespace Aro.Core.Tests.Abi;

/// <summary>Values are checked against their types before anything is written.</summary>
public class AbiEncodingRangeTests
{
    private static void Rejects(string type, AbiValue value) =>
        Assert.Throws<AbiFormatException>(() => AbiEncoder.Encode([AbiType.Parse(type)], [value]));

    private static byte[] Encodes(string type, AbiValue value) => AbiEncoder.Encode([AbiType.Parse(type)], [value]);

    [Fact]
    public void Rejects_uint8_of_256() => Rejects("uint8", AbiValue.UInt(256));

    [Fact]
    public void Accepts_uint8_of_255() => Assert.Equal(0xff, Encodes("uint8", AbiValue.UInt(255))[31]);

    [Fact]
    public void Rejects_uint64_above_its_range() => Rejects("uint64", AbiValue.UInt(new UInt256(0, 1, 0, 0)));

    [Fact]
    public void Rejects_int8_of_128_and_minus_129()
    {
        Rejects("int8", AbiValue.Int(128));
        Rejects("int8", AbiValue.Int(-129));
    }

    [Fact]
    public void Encodes_int8_minus_128_sign_extended()
    {
        var encoded = Encodes("int8", AbiValue.Int(-128));
        Assert.All(encoded[..31], b => Assert.Equal(0xff, b));
        Assert.Equal(0x80, encoded[31]);
    }

    [Fact]
    public void Rejects_int256_values_outside_its_range()
    {
        Assert.Throws<AbiFormatException>(() => AbiValue.Int(BigInteger.One << 255));
        Assert.Throws<AbiFormatException>(() => AbiValue.Int(-(BigInteger.One << 255) - 1));
    }

    [Fact]
    public void Rejects_bytesN_of_the_wrong_length()
    {
        Rejects("bytes4", AbiValue.Bytes([1, 2, 3]));
        Rejects("bytes4", AbiValue.Bytes([1, 2, 3, 4, 5]));
    }

    [Fact]
    public void Rejects_a_value_of_the_wrong_kind()
    {
        Rejects("uint256", AbiValue.Int(1));
        Rejects("address", AbiValue.UInt(1));
        Rejects("bool", AbiValue.UInt(1));
        Rejects("uint256[]", AbiValue.UInt(1));
        Rejects("string", AbiValue.Bytes([]));
        Rejects("uint256", default);
    }

    [Fact]
    public void Rejects_a_fixed_array_of_the_wrong_length() =>
        Rejects("uint8[2]", AbiValue.List(AbiValue.UInt(1)));

    [Fact]
    public void Rejects_a_tuple_of_the_wrong_arity() =>
        Rejects("(uint8,bool)", AbiValue.List(AbiValue.UInt(1)));

    [Fact]
    public void Rejects_a_value_count_different_from_the_type_count() =>
        Assert.Throws<AbiFormatException>(() => AbiEncoder.Encode([AbiType.Bool], []));

    [Fact]
    public void Rejects_a_string_with_an_unpaired_surrogate() => Rejects("string", AbiValue.String("a\ud800b"));

    [Fact]
    public void Encodes_strings_as_utf8_with_a_byte_length()
    {
        var encoded = Encodes("string", AbiValue.String("é"));
        Assert.Equal(2, encoded[63]);
        Assert.Equal(new byte[] { 0xc3, 0xa9 }, encoded[64..66]);
    }
}
