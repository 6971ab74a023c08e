using Aro.Core.Abi;

namespace Aro.Core.Tests.Abi;

public class AbiTypeParseTests
{
    [Theory]
    [InlineData("uint8")]
    [InlineData("uint256")]
    [InlineData("int64")]
    [InlineData("address")]
    [InlineData("bool")]
    [InlineData("bytes1")]
    [InlineData("bytes32")]
    [InlineData("bytes")]
    [InlineData("string")]
    [InlineData("address[]")]
    [InlineData("uint256[2][]")]
    [InlineData("(uint64,bytes32)[2]")]
    [InlineData("(uint256,bytes)[]")]
    [InlineData("((address,uint256[]),string)")]
    public void Canonical_text_round_trips(string text) => Assert.Equal(text, AbiType.Parse(text).ToString());

    [Theory]
    [InlineData("uint", "uint256")]
    [InlineData("int", "int256")]
    [InlineData("(uint,int[])", "(uint256,int256[])")]
    public void Reads_uint_and_int_as_their_256_bit_synonyms(string text, string canonical) =>
        Assert.Equal(canonical, AbiType.Parse(text).ToString());

    [Theory]
    [InlineData("uint7")]
    [InlineData("uint264")]
    [InlineData("uint0")]
    [InlineData("int0")]
    [InlineData("uint08")]
    [InlineData("bytes0")]
    [InlineData("bytes33")]
    [InlineData("uint256[0]")]
    [InlineData("uint256[01]")]
    [InlineData("uint256[99999999999999999999]")]
    [InlineData("uint256[")]
    [InlineData("uint256]")]
    [InlineData("(uint256")]
    [InlineData("uint256)")]
    [InlineData("(uint256,)")]
    [InlineData("(,uint256)")]
    [InlineData("()")]
    [InlineData("")]
    [InlineData(" uint256")]
    [InlineData("uint256 ")]
    [InlineData("(uint256, bool)")]
    [InlineData("Uint256")]
    [InlineData("tuple")]
    [InlineData("function")]
    [InlineData("fixed128x18")]
    [InlineData("address20")]
    [InlineData("bool1")]
    [InlineData("string[]x")]
    public void Rejects_malformed_type_strings(string text) =>
        Assert.Throws<AbiFormatException>(() => AbiType.Parse(text));

    [Fact]
    public void Rejects_nesting_deeper_than_the_limit()
    {
        Assert.Throws<AbiFormatException>(() => AbiType.Parse(new string('(', 40) + "bool" + new string(')', 40)));
        Assert.Throws<AbiFormatException>(() => AbiType.Parse("bool" + string.Concat(Enumerable.Repeat("[]", 40))));
    }

    [Fact]
    public void Rejects_heads_above_the_size_limit() =>
        Assert.Throws<AbiFormatException>(() => AbiType.Parse("uint256[1000][1000]"));

    [Fact]
    public void Static_types_have_in_place_head_sizes()
    {
        Assert.Equal(32, AbiType.Parse("uint8").HeadSize);
        Assert.Equal(64, AbiType.Parse("bytes3[2]").HeadSize);
        Assert.Equal(96, AbiType.Parse("(uint64,(bool,address))").HeadSize);
        Assert.Equal(192, AbiType.Parse("(uint64,bytes32)[3]").HeadSize);
    }

    [Theory]
    [InlineData("bytes")]
    [InlineData("string")]
    [InlineData("uint8[]")]
    [InlineData("string[2]")]
    [InlineData("(uint256,bytes)")]
    [InlineData("(uint256,uint256[])[2]")]
    public void Dynamic_types_take_one_offset_word_in_the_head(string text)
    {
        var type = AbiType.Parse(text);
        Assert.True(type.IsDynamic);
        Assert.Equal(32, type.HeadSize);
    }

    [Fact]
    public void Exposes_the_structure_of_a_parsed_type()
    {
        var type = AbiType.Parse("(uint64,bytes32)[2]");
        Assert.Equal(AbiTypeKind.FixedArray, type.Kind);
        Assert.Equal(2, type.Size);
        Assert.Equal(AbiTypeKind.Tuple, type.Element!.Kind);
        Assert.Equal([AbiType.UInt(64), AbiType.FixedBytes(32)], type.Element.Components);
        Assert.False(type.IsDynamic);
    }

    [Fact]
    public void Types_equal_by_canonical_form()
    {
        Assert.Equal(AbiType.Parse("uint[]"), AbiType.DynamicArray(AbiType.UInt256));
        Assert.NotEqual(AbiType.Parse("uint128"), AbiType.Parse("int128"));
    }

    [Fact]
    public void Factories_reject_out_of_range_widths()
    {
        Assert.Throws<AbiFormatException>(() => AbiType.UInt(7));
        Assert.Throws<AbiFormatException>(() => AbiType.Int(264));
        Assert.Throws<AbiFormatException>(() => AbiType.FixedBytes(33));
        Assert.Throws<AbiFormatException>(() => AbiType.FixedArray(AbiType.Bool, 0));
        Assert.Throws<AbiFormatException>(() => AbiType.Tuple());
    }

    [Theory]
    [InlineData("transfer(address,uint256)", "transfer", 2)]
    [InlineData("totalSupply()", "totalSupply", 0)]
    [InlineData("submit((uint64,bytes32)[],bytes)", "submit", 2)]
    public void Parses_function_signatures(string signature, string name, int inputs)
    {
        var function = AbiFunction.Parse(signature);
        Assert.Equal(name, function.Name);
        Assert.Equal(inputs, function.Inputs.Count);
        Assert.Equal(signature, function.Signature);
    }

    [Theory]
    [InlineData("transfer")]
    [InlineData("(address)")]
    [InlineData("1transfer(address)")]
    [InlineData("trans fer(address)")]
    [InlineData("transfer(address))")]
    [InlineData("transfer(address")]
    public void Rejects_malformed_signatures(string signature) =>
        Assert.Throws<AbiFormatException>(() => AbiFunction.Parse(signature));
}
