using System.Text.Json;
using Aro.Core;
using Aro.Core.Blocks;
using Aro.Testing;

namespace Aro.State.Tests;

/// <summary>Logs blooms of recorded receipts and logs against the execution-apis test chain.</summary>
public class DerivedRootsBloomVectorTests
{
    [Fact]
    public void Each_rpc_receipt_bloom_is_the_bloom_of_its_logs()
    {
        var run = new VectorRun("receipt blooms");
        var withLogs = 0;
        foreach (var file in DerivedRootsVectors.IoFiles("eth_getBlockReceipts").Concat(DerivedRootsVectors.IoFiles("eth_getTransactionReceipt")))
        {
            using var response = DerivedRootsVectors.Response(file);
            foreach (var (receipt, index) in Receipts(response).Select((r, i) => (r, i)))
            {
                run.Case($"{System.IO.Path.GetFileName(file)} #{index}", () =>
                {
                    var expected = Bloom.Parse(receipt.GetProperty("logsBloom").GetString()!);
                    var logs = DerivedRootsVectors.Logs(receipt);
                    Assert.Equal(expected, Bloom.FromLogs(logs));
                    withLogs += logs.IsEmpty ? 0 : 1;
                });
            }
        }

        run.AssertAll(atLeast: 19);
        Assert.True(withLogs >= 3, $"only {withLogs} receipts had logs");
    }

    [Fact]
    public void Block_bloom_is_the_union_of_its_receipt_blooms()
    {
        var run = new VectorRun("block blooms");
        foreach (var file in DerivedRootsVectors.IoFiles("eth_getBlockReceipts"))
        {
            using var response = DerivedRootsVectors.Response(file);
            var receipts = Receipts(response).ToList();
            if (receipts.Count == 0)
            {
                run.Skip();
                continue;
            }

            run.Case(System.IO.Path.GetFileName(file), () =>
            {
                var block = DerivedRootsVectors.BlockNumber(DerivedRootsVectors.Quantity(receipts[0].GetProperty("blockNumber")));
                var builder = new BloomBuilder();
                foreach (var receipt in receipts)
                {
                    builder.Add(Bloom.FromLogs(DerivedRootsVectors.Logs(receipt)));
                }

                Assert.Equal(block.LogsBloom, builder.ToBloom());
            });
        }

        run.AssertAll(atLeast: 3);
    }

    [Fact]
    public void Block_bloom_contains_the_address_and_topics_of_every_log_eth_getLogs_returned()
    {
        var run = new VectorRun("eth_getLogs blooms");
        foreach (var file in DerivedRootsVectors.IoFiles("eth_getLogs"))
        {
            using var response = DerivedRootsVectors.Response(file);
            if (!response.RootElement.TryGetProperty("result", out var logs))
            {
                continue;
            }

            foreach (var (log, index) in logs.EnumerateArray().Select((l, i) => (l, i)))
            {
                run.Case($"{System.IO.Path.GetFileName(file)} #{index}", () =>
                {
                    var bloom = DerivedRootsVectors.BlockNumber(DerivedRootsVectors.Quantity(log.GetProperty("blockNumber"))).LogsBloom;
                    var parsed = DerivedRootsVectors.Log(log);
                    Assert.True(bloom.Contains(parsed.Address));
                    Assert.All(parsed.Topics, topic => Assert.True(bloom.Contains(topic)));
                });
            }
        }

        run.AssertAll(atLeast: 7);
    }

    private static IEnumerable<JsonElement> Receipts(JsonDocument response)
    {
        if (!response.RootElement.TryGetProperty("result", out var result))
        {
            return [];
        }

        return result.ValueKind switch
        {
            JsonValueKind.Array => result.EnumerateArray().ToList(),
            JsonValueKind.Object => [result],
            _ => [],
        };
    }
}
