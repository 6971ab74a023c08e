using Aro.Core.Abi;
using static Aro.Core.Tests.Abi.AbiTestHex;

namespace Aro.Core.Tests.Abi;

/// <summary>One test per rule of the strict decoder: only canonical encodings are accepted.</summary>
public class AbiStrictDecodingTests
{
    private static byte[] Word(string hex) => Parse(hex.PadLeft(64, '0'));

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static void Rejects(string types, byte[] data) =>
        Assert.Throws<AbiFormatException>(() => AbiDecoder.Decode(AbiTypeList(types), data));

    private static AbiType[] AbiTypeList(string types) => types.Length == 0 ? [] : types.Split(';').Select(AbiType.Parse).ToArray();

    [Fact]
    public void Accepts_the_canonical_encoding_of_the_same_values()
    {
        var values = AbiDecoder.Decode([AbiType.UInt(64), AbiType.Bytes], Concat(Word("05"), Word("40"), Word("02"), Parse("abcd".PadRight(64, '0'))));
        Assert.Equal(5UL, values[0].AsUInt64());
        Assert.Equal(new byte[] { 0xab, 0xcd }, values[1].AsBytes());
    }

    [Fact]
    public void Rejects_high_bits_set_on_a_uint64() => Rejects("uint64", Word("010000000000000000"));

    [Fact]
    public void Rejects_a_uint8_of_256() => Rejects("uint8", Word("0100"));

    [Fact]
    public void Rejects_an_int8_that_is_not_sign_extended()
    {
        Rejects("int8", Word("80"));
        Rejects("int8", Parse(new string('f', 62) + "7f"));
    }

    [Fact]
    public void Accepts_a_sign_extended_negative_int8() =>
        Assert.Equal(-1L, AbiDecoder.Decode([AbiType.Int(8)], Parse(new string('f', 64)))[0].AsInt64());

    [Fact]
    public void Rejects_a_bool_other_than_0_or_1()
    {
        Rejects("bool", Word("02"));
        Rejects("bool", Word("0100"));
    }

    [Fact]
    public void Rejects_an_address_with_dirty_high_bytes() =>
        Rejects("address", Word("01" + new string('0', 22) + "1111111111111111111111111111111111111111"));

    [Fact]
    public void Rejects_non_zero_padding_after_bytesN() => Rejects("bytes3", Parse("616263" + new string('0', 59) + "1"));

    [Fact]
    public void Rejects_non_zero_padding_after_bytes() =>
        Rejects("bytes", Concat(Word("20"), Word("03"), Parse("61626301".PadRight(64, '0'))));

    [Fact]
    public void Rejects_non_zero_padding_after_string() =>
        Rejects("string", Concat(Word("20"), Word("03"), Parse("616263".PadRight(62, '0') + "01")));

    [Fact]
    public void Rejects_a_string_that_is_not_utf8() =>
        Rejects("string", Concat(Word("20"), Word("02"), Parse("c328".PadRight(64, '0'))));

    [Fact]
    public void Rejects_an_offset_pointing_past_the_input() => Rejects("bytes", Concat(Word("40"), Word("00")));

    [Fact]
    public void Rejects_an_offset_too_large_for_the_input() =>
        Rejects("bytes", Concat(Word("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0"), Word("00")));

    [Fact]
    public void Rejects_a_non_canonical_offset_with_a_gap() =>
        Rejects("bytes", Concat(Word("40"), Word("00"), Word("00")));

    [Fact]
    public void Rejects_overlapping_offsets() =>
        Rejects("bytes;bytes", Concat(Word("40"), Word("40"), Word("00")));

    [Fact]
    public void Rejects_a_byte_length_beyond_the_input() => Rejects("bytes", Concat(Word("20"), Word("21"), Word("00")));

    [Fact]
    public void Rejects_a_byte_length_that_overflows() =>
        Rejects("bytes", Concat(Word("20"), Word("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")));

    [Fact]
    public void Rejects_an_array_length_beyond_the_input() =>
        Rejects("uint256[]", Concat(Word("20"), Word("02"), Word("01")));

    [Fact]
    public void Rejects_a_huge_array_length_without_allocating_it() =>
        Rejects("uint8[][]", Concat(Word("20"), Word("7fffffff")));

    [Fact]
    public void Rejects_a_truncated_static_value() => Rejects("uint256", new byte[31]);

    [Fact]
    public void Rejects_trailing_bytes() => Rejects("uint256", new byte[33]);

    [Fact]
    public void Rejects_a_missing_padding_word() =>
        Rejects("bytes", Concat(Word("20"), Word("01"), Parse("61")));

    [Fact]
    public void Rejects_any_bytes_for_an_empty_parameter_list()
    {
        Rejects(string.Empty, new byte[32]);
        Assert.Empty(AbiDecoder.Decode([], []));
    }

    [Fact]
    public void Decode_call_rejects_a_different_selector() =>
        Assert.Throws<AbiFormatException>(() => AbiFunction.Parse("transfer(address,uint256)").DecodeCall(Parse("70a08231" + new string('0', 128))));

    [Fact]
    public void Decode_call_rejects_calldata_shorter_than_a_selector() =>
        Assert.Throws<AbiFormatException>(() => AbiFunction.Parse("totalSupply()").DecodeCall(Parse("18160d")));
}
