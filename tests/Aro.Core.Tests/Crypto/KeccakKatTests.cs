using Aro.Core.Crypto;
using Aro.Testing;

namespace Aro.Core.Tests.Crypto;

public class KeccakKatTests
{
    [Fact]
    public void Matches_ShortMsgKAT_256() => RunKatFile("ShortMsgKAT_256.txt", atLeast: 256);

    [Fact]
    public void Matches_LongMsgKAT_256() => RunKatFile("LongMsgKAT_256.txt", atLeast: 65);

    [Fact]
    [Trait("Category", "Soak")]
    public void Matches_ExtremelyLongMsgKAT_256_streamed()
    {
        var lines = File.ReadAllLines(TestData.Path("ethereum", "keccak", "ExtremelyLongMsgKAT_256.txt"));
        string Field(string name) => lines.Single(l => l.StartsWith(name + " =", StringComparison.Ordinal))
            .Split('=', 2)[1].Trim();
        var repeat = int.Parse(Field("Repeat"), System.Globalization.CultureInfo.InvariantCulture);
        var text = System.Text.Encoding.ASCII.GetBytes(Field("Text"));

        var hasher = new Keccak256Hasher();
        for (var i = 0; i < repeat; i++)
        {
            hasher.Append(text);
        }

        Assert.Equal(Hash256.Parse(Field("MD")), hasher.Finish());
    }

    private static void RunKatFile(string file, int atLeast)
    {
        var run = new VectorRun(file);
        foreach (var kat in KeccakKatFile.Read(TestData.Path("ethereum", "keccak", file)))
        {
            run.Case($"Len={kat.LengthBits}", () =>
            {
                Assert.Equal(0, kat.LengthBits % 8);
                var message = Hex.Decode(kat.Message).AsSpan(0, kat.LengthBits / 8);
                var expected = Hash256.Parse(kat.Digest);

                Assert.Equal(expected, Keccak256.Hash(message));
                var hasher = new Keccak256Hasher();
                hasher.Append(message);
                Assert.Equal(expected, hasher.Finish());
            });
        }

        run.AssertAll(atLeast);
    }
}
