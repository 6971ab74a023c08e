using Aro.Core.Abi;
using static Aro.Core.Tests.Abi.AbiTestHex;

namespace Aro.Core.Tests.Abi;

/// <summary>
/// Truncations and random corruptions of valid encodings: decoding either fails with
/// <see cref="AbiFormatException"/> or returns values that re-encode to exactly the input.
/// </summary>
public class AbiFuzzTests
{
    public static TheoryData<string> Shapes() => new()
    {
        "uint32;bool",
        "bytes3[2]",
        "bytes;bool;uint256[]",
        "uint256;uint32[];bytes10;bytes",
        "uint256[][];string[]",
        "(address,(int32,string)[],bool[2])",
        "((uint8,bytes)[2],string)[];int8",
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_truncation_is_rejected(string shape)
    {
        var types = Types(shape);
        var generator = new AbiValueGenerator(shape.Length);
        for (var sample = 0; sample < 5; sample++)
        {
            var encoded = AbiEncoder.Encode(types, types.Select(generator.Next).ToArray());
            for (var length = 0; length < encoded.Length; length++)
            {
                Assert.Throws<AbiFormatException>(() => AbiDecoder.Decode(types, encoded.AsSpan(0, length)));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Random_corruptions_decode_canonically_or_throw_abi_format_exception(string shape)
    {
        var types = Types(shape);
        var generator = new AbiValueGenerator(shape.Length + 1000);
        var random = new Random(shape.Length);
        var interesting = new byte[] { 0x00, 0x01, 0x02, 0x1f, 0x20, 0x21, 0x40, 0x7f, 0x80, 0xff };
        for (var sample = 0; sample < 20; sample++)
        {
            var encoded = AbiEncoder.Encode(types, types.Select(generator.Next).ToArray());
            for (var flip = 0; flip < 100; flip++)
            {
                var corrupted = (byte[])encoded.Clone();
                var changes = 1 + random.Next(3);
                for (var c = 0; c < changes; c++)
                {
                    corrupted[random.Next(corrupted.Length)] = random.Next(2) == 0
                        ? interesting[random.Next(interesting.Length)]
                        : (byte)random.Next(256);
                }

                AssertCanonicalOrRejected(types, corrupted);
            }
        }
    }

    public static TheoryData<string, string> SpecificationCalls() => new()
    {
        { "uint32;bool", AbiSpecificationExampleTests.BazCall },
        { "bytes3[2]", AbiSpecificationExampleTests.BarCall },
        { "bytes;bool;uint256[]", AbiSpecificationExampleTests.SamCall },
        { "uint256;uint32[];bytes10;bytes", AbiSpecificationExampleTests.FCall },
        { "uint256[][];string[]", AbiSpecificationExampleTests.GCall },
    };

    [Theory]
    [MemberData(nameof(SpecificationCalls))]
    public void Specification_calls_with_any_byte_replaced_are_canonical_or_rejected(string shape, string call)
    {
        var types = Types(shape);
        var arguments = Parse(call)[4..];
        foreach (var replacement in new byte[] { 0x00, 0x01, 0x20, 0x80, 0xff })
        {
            for (var i = 0; i < arguments.Length; i++)
            {
                var corrupted = (byte[])arguments.Clone();
                corrupted[i] = replacement;
                AssertCanonicalOrRejected(types, corrupted);
            }
        }
    }

    [Theory]
    [MemberData(nameof(SpecificationCalls))]
    public void Specification_calls_truncated_anywhere_are_rejected(string shape, string call)
    {
        var types = Types(shape);
        var arguments = Parse(call)[4..];
        for (var length = 0; length < arguments.Length; length++)
        {
            Assert.Throws<AbiFormatException>(() => AbiDecoder.Decode(types, arguments.AsSpan(0, length)));
        }
    }

    private static void AssertCanonicalOrRejected(AbiType[] types, byte[] data)
    {
        AbiValue[] decoded;
        try
        {
            decoded = AbiDecoder.Decode(types, data);
        }
        catch (AbiFormatException)
        {
            return;
        }

        Assert.Equal(data, AbiEncoder.Encode(types, decoded));
    }

    private static AbiType[] Types(string shape) => shape.Split(';').Select(AbiType.Parse).ToArray();
}
