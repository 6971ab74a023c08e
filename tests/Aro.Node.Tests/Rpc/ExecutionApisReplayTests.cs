using System.Text.Json;
using Aro.Testing;

namespace Aro.Node.Tests.Rpc;

/// <summary>
/// Replays the execution-apis cases whose recorded answer does not depend on that test chain's contents
/// (unknown blocks, transactions and accounts, argument and range errors) against our server, over a
/// chain as high as theirs (54 blocks). Results must be equal; errors must have the same code and end in geth's message.
/// </summary>
public sealed class ExecutionApisReplayTests
{
    private static readonly string[] Cases =
    [
        "eth_getBalance/get-balance-unknown-account",
        "eth_getBlockByHash/get-block-by-notfound-hash",
        "eth_getBlockByNumber/get-block-notfound",
        "eth_getBlockReceipts/get-block-receipts-0",
        "eth_getBlockReceipts/get-block-receipts-earliest",
        "eth_getBlockReceipts/get-block-receipts-empty",
        "eth_getBlockReceipts/get-block-receipts-future",
        "eth_getBlockReceipts/get-block-receipts-not-found",
        "eth_getBlockTransactionCountByNumber/get-genesis",
        "eth_getCode/get-code-unknown-account",
        "eth_getLogs/filter-error-future-block-range",
        "eth_getLogs/filter-error-invalid-blockHash-and-range",
        "eth_getLogs/filter-error-reversed-block-range",
        "eth_getStorageAt/get-storage-invalid-key-too-large",
        "eth_getStorageAt/get-storage-invalid-key",
        "eth_getStorageAt/get-storage-unknown-account",
        "eth_getTransactionByHash/get-notfound-tx",
        "eth_getTransactionCount/get-nonce-unknown-account",
        "eth_getTransactionReceipt/get-notfound-tx",
        "eth_estimateGas/estimate-simple-transfer",
        "eth_syncing/check-syncing",
    ];

    [Fact]
    public async Task Chain_independent_cases_answer_as_geth_recorded()
    {
        await using var rpc = await RpcHarness.StartAsync();
        rpc.Chain.CommitEmptyUntil(0x36);
        var run = new VectorRun("execution-apis chain-independent replays");
        foreach (var name in Cases)
        {
            var lines = File.ReadAllLines(TestData.Path("ethereum", "execution-apis", "tests", name + ".io"));
            var request = lines.Single(l => l.StartsWith(">> ", StringComparison.Ordinal))[3..];
            var expected = JsonDocument.Parse(lines.Single(l => l.StartsWith("<< ", StringComparison.Ordinal))[3..]).RootElement;
            var actual = JsonDocument.Parse(await rpc.PostAsync(request)).RootElement.Clone();
            run.Case(name, () =>
            {
                if (expected.TryGetProperty("error", out var error))
                {
                    var ours = actual.GetProperty("error");
                    Assert.Equal(error.GetProperty("code").GetInt32(), ours.GetProperty("code").GetInt32());
                    // The binder names the argument in front of geth's text ("invalid argument 1: …") where geth does not.
                    Assert.EndsWith(error.GetProperty("message").GetString()!, ours.GetProperty("message").GetString(), StringComparison.Ordinal);
                }
                else
                {
                    Assert.True(JsonElement.DeepEquals(expected, actual), $"recorded {expected.GetRawText()}, ours {actual.GetRawText()}");
                }
            });
        }

        run.AssertAll(atLeast: Cases.Length);
    }
}
