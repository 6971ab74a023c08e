using Aro.Core;
using Aro.State.Trie;
using Aro.Testing;

namespace Aro.State.Tests;

public class HexPrefixTests
{
    [Fact]
    public void Encodes_the_hexencodetest_vectors_and_decodes_them_back()
    {
        using var document = System.Text.Json.JsonDocument.Parse(
            TestData.ReadText("ethereum", "ethereum-tests", "BasicTests", "hexencodetest.json"));
        var run = new VectorRun("hexencodetest.json");
        foreach (var testCase in document.RootElement.EnumerateObject())
        {
            run.Case(testCase.Name, () =>
            {
                var nibbles = testCase.Value.GetProperty("seq").EnumerateArray().Select(n => n.GetByte()).ToArray();
                var isLeaf = testCase.Value.GetProperty("term").GetBoolean();
                var expected = Hex.Decode(testCase.Value.GetProperty("out").GetString()!);

                Assert.Equal(expected, HexPrefix.Encode(nibbles, isLeaf));

                var decoded = new byte[expected.Length * 2];
                Assert.True(HexPrefix.TryDecode(expected, decoded, out var count, out var decodedLeaf));
                Assert.Equal(nibbles, decoded[..count]);
                Assert.Equal(isLeaf, decodedLeaf);
            });
        }

        run.AssertAll(atLeast: 12);
    }

    [Theory]
    [InlineData("40")]
    [InlineData("f1")]
    public void Rejects_an_unknown_flag_nibble(string encoded) =>
        Assert.False(HexPrefix.TryDecode(Hex.Decode(encoded), new byte[4], out _, out _));

    [Theory]
    [InlineData("0112")]
    [InlineData("2f")]
    public void Rejects_a_non_zero_padding_nibble_on_an_even_path(string encoded) =>
        Assert.False(HexPrefix.TryDecode(Hex.Decode(encoded), new byte[4], out _, out _));

    [Fact]
    public void Rejects_an_empty_encoding() =>
        Assert.False(HexPrefix.TryDecode([], new byte[2], out _, out _));

    [Fact]
    public void Encodes_an_empty_leaf_path_as_the_bare_flag() =>
        Assert.Equal([0x20], HexPrefix.Encode([], isLeaf: true));
}
