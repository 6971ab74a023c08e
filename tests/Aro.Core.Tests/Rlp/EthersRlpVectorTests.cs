using System.Text.Json;
using Aro.Core.Rlp;
using Aro.Testing;

namespace Aro.Core.Tests.Rlp;

/// <summary>ethers.js rlp.json: nested hex trees against their encodings, both directions.</summary>
public class EthersRlpVectorTests
{
    [Fact]
    public void Encodes_and_decodes_every_ethers_rlp_case()
    {
        var run = new VectorRun("ethers rlp.json.gz");
        using var document = JsonDocument.Parse(TestData.ReadGzipText("ethereum", "ethers", "testcases", "rlp.json.gz"));
        foreach (var test in document.RootElement.EnumerateArray())
        {
            var name = test.GetProperty("name").GetString()!;
            var decoded = ToItem(test.GetProperty("decoded"));
            var encoded = TestHex.Parse(test.GetProperty("encoded").GetString()!);
            run.Case(name, () =>
            {
                Assert.Equal(Convert.ToHexString(encoded), Convert.ToHexString(RlpCodec.Encode(decoded)));
                AssertSameTree(decoded, RlpCodec.DecodeTree(encoded));
            });
        }

        run.AssertAll(atLeast: 61);
    }

    private static RlpItem ToItem(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array
            ? RlpItem.FromList([.. element.EnumerateArray().Select(ToItem)])
            : RlpItem.FromBytes(TestHex.Parse(element.GetString()!));

    private static void AssertSameTree(RlpItem expected, RlpItem actual)
    {
        Assert.Equal(expected.IsList, actual.IsList);
        if (!expected.IsList)
        {
            Assert.Equal(Convert.ToHexString(expected.Bytes), Convert.ToHexString(actual.Bytes));
            return;
        }

        Assert.Equal(expected.Items.Count, actual.Items.Count);
        for (var i = 0; i < expected.Items.Count; i++)
        {
            AssertSameTree(expected.Items[i], actual.Items[i]);
        }
    }
}
