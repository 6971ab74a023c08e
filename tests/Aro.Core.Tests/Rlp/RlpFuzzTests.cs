using System.Text.Json;
using Aro.Core.Rlp;
using Aro.Testing;

namespace Aro.Core.Tests.Rlp;

/// <summary>
/// Every truncation and every single-byte change of each valid vector either decodes or raises
/// RlpException: no other exception type may escape the parser.
/// </summary>
public class RlpFuzzTests
{
    private static readonly byte[] Replacements = [0x00, 0x01, 0x7f, 0x80, 0x81, 0xb7, 0xb8, 0xbf, 0xc0, 0xf7, 0xf8, 0xff];

    [Fact]
    public void Truncated_and_mutated_vectors_decode_or_throw_RlpException()
    {
        var run = new VectorRun("rlp mutations");
        foreach (var vector in ValidEncodings())
        {
            for (var length = 0; length < vector.Length; length++)
            {
                var truncated = vector[..length];
                run.Case($"{Convert.ToHexString(vector)}[..{length}]", () => Assert.Throws<RlpException>(() => RlpCodec.Validate(truncated)));
            }

            for (var index = 0; index < vector.Length; index++)
            {
                foreach (var replacement in Replacements)
                {
                    var mutated = (byte[])vector.Clone();
                    mutated[index] = replacement;
                    run.Case($"{Convert.ToHexString(vector)}[{index}]={replacement:x2}", () => DecodesOrThrowsRlpException(mutated));
                }
            }
        }

        run.AssertAll(atLeast: 10_000);
    }

    private static void DecodesOrThrowsRlpException(byte[] bytes)
    {
        try
        {
            RlpCodec.DecodeTree(bytes);
        }
        catch (RlpException)
        {
        }
    }

    private static List<byte[]> ValidEncodings()
    {
        using var document = JsonDocument.Parse(TestData.ReadText("ethereum", "ethereum-tests", "RLPTests", "rlptest.json"));
        var encodings = new List<byte[]>();
        foreach (var test in document.RootElement.EnumerateObject())
        {
            encodings.Add(TestHex.Parse(test.Value.GetProperty("out").GetString()!));
        }

        return encodings;
    }
}
