using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Aro.Core.Rlp;
using Aro.Testing;

namespace Aro.Core.Tests.Rlp;

/// <summary>ethereum/tests RLPTests: canonical round trips and strict rejection.</summary>
public class RlpTestsVectorTests
{
    [Fact]
    public void Encodes_every_rlptest_input_to_its_output()
    {
        var run = new VectorRun("rlptest.json encode");
        foreach (var (name, input, expected) in ValidCases())
        {
            run.Case(name, () =>
            {
                var buffer = new byte[LengthOf(input)];
                var writer = new RlpWriter(buffer);
                Write(ref writer, input);
                Assert.Equal(buffer.Length, writer.Position);
                Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(buffer));
            });
        }

        run.AssertAll(atLeast: 28);
    }

    [Fact]
    public void Decodes_every_rlptest_output_to_its_input()
    {
        var run = new VectorRun("rlptest.json decode");
        foreach (var (name, input, encoded) in ValidCases())
        {
            run.Case(name, () =>
            {
                var reader = new RlpReader(encoded);
                AssertDecodes(ref reader, input);
                reader.EnsureEnd();
                RlpCodec.Validate(encoded);
            });
        }

        run.AssertAll(atLeast: 28);
    }

    [Fact]
    public void Rejects_every_invalidRLPTest_case_with_RlpException()
    {
        var run = new VectorRun("invalidRLPTest.json");
        using var document = JsonDocument.Parse(TestData.ReadText("ethereum", "ethereum-tests", "RLPTests", "invalidRLPTest.json"));
        foreach (var test in document.RootElement.EnumerateObject())
        {
            var encoded = TestHex.Parse(test.Value.GetProperty("out").GetString()!);
            run.Case(test.Name, () =>
            {
                Assert.Throws<RlpException>(() => RlpCodec.Validate(encoded));
                Assert.Throws<RlpException>(() => RlpCodec.DecodeTree(encoded));
            });
        }

        run.AssertAll(atLeast: 26);
    }

    private static IEnumerable<(string Name, JsonElement Input, byte[] Encoded)> ValidCases()
    {
        using var document = JsonDocument.Parse(TestData.ReadText("ethereum", "ethereum-tests", "RLPTests", "rlptest.json"));
        var cases = new List<(string, JsonElement, byte[])>();
        foreach (var test in document.RootElement.EnumerateObject())
        {
            cases.Add((test.Name, test.Value.GetProperty("in").Clone(), TestHex.Parse(test.Value.GetProperty("out").GetString()!)));
        }

        return cases;
    }

    private static bool IsBigInteger(JsonElement input, out byte[] bigEndian)
    {
        var text = input.ValueKind == JsonValueKind.String ? input.GetString()! : null;
        if (text is null || !text.StartsWith('#'))
        {
            bigEndian = [];
            return false;
        }

        var value = BigInteger.Parse(text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture);
        bigEndian = value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
        return true;
    }

    private static int LengthOf(JsonElement input)
    {
        switch (input.ValueKind)
        {
            case JsonValueKind.Number:
                return RlpWriter.LengthOfUInt64(input.GetUInt64());
            case JsonValueKind.String when IsBigInteger(input, out var big):
                return RlpWriter.LengthOfBigEndianInteger(big);
            case JsonValueKind.String:
                return RlpWriter.LengthOfBytes(Encoding.ASCII.GetBytes(input.GetString()!));
            default:
                return RlpWriter.LengthOfList(ContentLength(input));
        }
    }

    private static void Write(ref RlpWriter writer, JsonElement input)
    {
        switch (input.ValueKind)
        {
            case JsonValueKind.Number:
                writer.WriteUInt64(input.GetUInt64());
                break;
            case JsonValueKind.String when IsBigInteger(input, out var big):
                writer.WriteBigEndianInteger(big);
                break;
            case JsonValueKind.String:
                writer.WriteBytes(Encoding.ASCII.GetBytes(input.GetString()!));
                break;
            default:
                writer.WriteListHeader(ContentLength(input));
                foreach (var item in input.EnumerateArray())
                {
                    Write(ref writer, item);
                }

                break;
        }
    }

    private static int ContentLength(JsonElement list)
    {
        var content = 0;
        foreach (var item in list.EnumerateArray())
        {
            content += LengthOf(item);
        }

        return content;
    }

    private static void AssertDecodes(ref RlpReader reader, JsonElement expected)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Number:
                Assert.Equal(expected.GetUInt64(), reader.ReadUInt64());
                break;
            case JsonValueKind.String when IsBigInteger(expected, out var big):
                Assert.Equal(Convert.ToHexString(big), Convert.ToHexString(reader.ReadIntegerBytes(64)));
                break;
            case JsonValueKind.String:
                Assert.Equal(expected.GetString(), Encoding.ASCII.GetString(reader.ReadBytes()));
                break;
            default:
                var list = reader.ReadList();
                foreach (var item in expected.EnumerateArray())
                {
                    AssertDecodes(ref list, item);
                }

                list.EnsureEnd();
                break;
        }
    }
}
