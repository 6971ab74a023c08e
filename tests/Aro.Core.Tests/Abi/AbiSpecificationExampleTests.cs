using Aro.Core.Abi;
using static Aro.Core.Tests.Abi.AbiTestHex;

namespace Aro.Core.Tests.Abi;

/// <summary>
/// The worked examples of the Solidity "Contract ABI Specification" (contract Foo, "Use of Dynamic
/// Types"), byte for byte, encoded and decoded back.
/// </summary>
public class AbiSpecificationExampleTests
{
    internal const string BazCall =
        "cdcd77c0"
        + "0000000000000000000000000000000000000000000000000000000000000045"
        + "0000000000000000000000000000000000000000000000000000000000000001";

    internal const string BarCall =
        "fce353f6"
        + "6162630000000000000000000000000000000000000000000000000000000000"
        + "6465660000000000000000000000000000000000000000000000000000000000";

    internal const string SamCall =
        "a5643bf2"
        + "0000000000000000000000000000000000000000000000000000000000000060"
        + "0000000000000000000000000000000000000000000000000000000000000001"
        + "00000000000000000000000000000000000000000000000000000000000000a0"
        + "0000000000000000000000000000000000000000000000000000000000000004"
        + "6461766500000000000000000000000000000000000000000000000000000000"
        + "0000000000000000000000000000000000000000000000000000000000000003"
        + "0000000000000000000000000000000000000000000000000000000000000001"
        + "0000000000000000000000000000000000000000000000000000000000000002"
        + "0000000000000000000000000000000000000000000000000000000000000003";

    internal const string FCall =
        "8be65246"
        + "0000000000000000000000000000000000000000000000000000000000000123"
        + "0000000000000000000000000000000000000000000000000000000000000080"
        + "3132333435363738393000000000000000000000000000000000000000000000"
        + "00000000000000000000000000000000000000000000000000000000000000e0"
        + "0000000000000000000000000000000000000000000000000000000000000002"
        + "0000000000000000000000000000000000000000000000000000000000000456"
        + "0000000000000000000000000000000000000000000000000000000000000789"
        + "000000000000000000000000000000000000000000000000000000000000000d"
        + "48656c6c6f2c20776f726c642100000000000000000000000000000000000000";

    internal const string GCall =
        "2289b18c"
        + "0000000000000000000000000000000000000000000000000000000000000040"
        + "0000000000000000000000000000000000000000000000000000000000000140"
        + "0000000000000000000000000000000000000000000000000000000000000002"
        + "0000000000000000000000000000000000000000000000000000000000000040"
        + "00000000000000000000000000000000000000000000000000000000000000a0"
        + "0000000000000000000000000000000000000000000000000000000000000002"
        + "0000000000000000000000000000000000000000000000000000000000000001"
        + "0000000000000000000000000000000000000000000000000000000000000002"
        + "0000000000000000000000000000000000000000000000000000000000000001"
        + "0000000000000000000000000000000000000000000000000000000000000003"
        + "0000000000000000000000000000000000000000000000000000000000000003"
        + "0000000000000000000000000000000000000000000000000000000000000060"
        + "00000000000000000000000000000000000000000000000000000000000000a0"
        + "00000000000000000000000000000000000000000000000000000000000000e0"
        + "0000000000000000000000000000000000000000000000000000000000000003"
        + "6f6e650000000000000000000000000000000000000000000000000000000000"
        + "0000000000000000000000000000000000000000000000000000000000000003"
        + "74776f0000000000000000000000000000000000000000000000000000000000"
        + "0000000000000000000000000000000000000000000000000000000000000005"
        + "7468726565000000000000000000000000000000000000000000000000000000";

    private static readonly AbiFunction Baz = AbiFunction.Parse("baz(uint32,bool)", "(bool)", AbiStateMutability.Pure);
    private static readonly AbiFunction Bar = AbiFunction.Parse("bar(bytes3[2])");
    private static readonly AbiFunction Sam = AbiFunction.Parse("sam(bytes,bool,uint[])");
    private static readonly AbiFunction F = AbiFunction.Parse("f(uint,uint32[],bytes10,bytes)");
    private static readonly AbiFunction G = AbiFunction.Parse("g(uint[][],string[])");

    public static TheoryData<string, string> Selectors => new()
    {
        { "baz(uint32,bool)", "0xcdcd77c0" },
        { "bar(bytes3[2])", "0xfce353f6" },
        { "sam(bytes,bool,uint256[])", "0xa5643bf2" },
        { "f(uint256,uint32[],bytes10,bytes)", "0x8be65246" },
        { "g(uint256[][],string[])", "0x2289b18c" },
    };

    [Theory]
    [MemberData(nameof(Selectors))]
    public void Selector_is_the_first_four_bytes_of_the_signature_hash(string signature, string selector) =>
        Assert.Equal(selector, AbiFunction.Parse(signature).Selector.ToString());

    [Fact]
    public void Signature_uses_canonical_uint256_for_uint() =>
        Assert.Equal("sam(bytes,bool,uint256[])", Sam.Signature);

    [Fact]
    public void Encodes_baz_69_true() =>
        Assert.Equal(BazCall, Of(Baz.EncodeCall(AbiValue.UInt(69), AbiValue.Bool(true))));

    [Fact]
    public void Decodes_baz_69_true()
    {
        var values = Baz.DecodeCall(Parse(BazCall));
        Assert.Equal(69UL, values[0].AsUInt64());
        Assert.True(values[1].AsBool());
    }

    [Fact]
    public void Baz_result_false_is_one_zero_word()
    {
        Assert.Equal(new string('0', 64), Of(Baz.EncodeResult(AbiValue.Bool(false))));
        Assert.False(Baz.DecodeResult(new byte[32])[0].AsBool());
    }

    [Fact]
    public void Encodes_bar_abc_def() =>
        Assert.Equal(BarCall, Of(Bar.EncodeCall(AbiValue.List(AbiValue.Bytes(Ascii("abc")), AbiValue.Bytes(Ascii("def"))))));

    [Fact]
    public void Decodes_bar_abc_def()
    {
        var array = Bar.DecodeCall(Parse(BarCall))[0].AsList();
        Assert.Equal(Ascii("abc"), array[0].AsBytes());
        Assert.Equal(Ascii("def"), array[1].AsBytes());
    }

    [Fact]
    public void Encodes_sam_dave_true_1_2_3() =>
        Assert.Equal(SamCall, Of(Sam.EncodeCall(SamValues())));

    [Fact]
    public void Decodes_sam_dave_true_1_2_3() =>
        Assert.Equal(SamValues(), Sam.DecodeCall(Parse(SamCall)));

    [Fact]
    public void Encodes_f_with_dynamic_types() =>
        Assert.Equal(FCall, Of(F.EncodeCall(FValues())));

    [Fact]
    public void Decodes_f_with_dynamic_types() =>
        Assert.Equal(FValues(), F.DecodeCall(Parse(FCall)));

    [Fact]
    public void Encodes_g_with_nested_dynamic_arrays() =>
        Assert.Equal(GCall, Of(G.EncodeCall(GValues())));

    [Fact]
    public void Decodes_g_with_nested_dynamic_arrays() =>
        Assert.Equal(GValues(), G.DecodeCall(Parse(GCall)));

    [Fact]
    public void Inner_encodings_of_g_do_not_depend_on_argument_order()
    {
        // The specification notes g(string[],uint[][]) encodes the same embedded parts.
        var swapped = AbiFunction.Parse("g(string[],uint256[][])");
        var values = GValues();
        var encoded = swapped.EncodeCall(values[1], values[0]);
        var original = Parse(GCall);

        // Original: uint[][] data at words 2..9, string[] data at words 10..19; swapped: the reverse.
        Assert.Equal(Words(original, 2, 8), Words(encoded, 12, 8));
        Assert.Equal(Words(original, 10, 10), Words(encoded, 2, 10));
    }

    private static byte[] Words(byte[] call, int first, int count) => call.AsSpan(4 + (first * 32), count * 32).ToArray();

    private static AbiValue[] SamValues() =>
        [AbiValue.Bytes(Ascii("dave")), AbiValue.Bool(true), AbiValue.List(AbiValue.UInt(1), AbiValue.UInt(2), AbiValue.UInt(3))];

    private static AbiValue[] FValues() =>
    [
        AbiValue.UInt(0x123),
        AbiValue.List(AbiValue.UInt(0x456), AbiValue.UInt(0x789)),
        AbiValue.Bytes(Ascii("1234567890")),
        AbiValue.Bytes(Ascii("Hello, world!")),
    ];

    private static AbiValue[] GValues() =>
    [
        AbiValue.List(AbiValue.List(AbiValue.UInt(1), AbiValue.UInt(2)), AbiValue.List(AbiValue.UInt(3))),
        AbiValue.List(AbiValue.String("one"), AbiValue.String("two"), AbiValue.String("three")),
    ];
}
