using System.Collections.Immutable;
using System.Text.Json;
using Aro.Core;
using Aro.Core.Abi;
using Aro.Core.Transactions;
using Aro.Execution.Tests;
using Aro.Execution.Tests.Modules;
using Aro.Testing;

namespace Aro.Node.Tests.Rpc;

/// <summary>
/// Our block, transaction, receipt and log objects against the ones ethereum/execution-apis recorded from
/// geth: the same field names in the same order (minus what belongs to later forks, plus Aro's header
/// extras), and each field in the same encoding.
/// </summary>
public sealed class ResponseShapeTests : IAsyncLifetime
{
    private static readonly string[] AroHeaderExtras = ["epoch", "validatorSetHash", "lastCommitHash", "evidenceHash", "evidence"];

    // Fields of forks after London (and of proof of work's last days) that this chain has no use for.
    private static readonly string[] LaterForkBlockFields =
        ["withdrawals", "withdrawalsRoot", "blobGasUsed", "excessBlobGas", "parentBeaconBlockRoot", "requestsHash", "totalDifficulty"];

    private RpcHarness _rpc = null!;

    public async Task InitializeAsync() => _rpc = await RpcHarness.StartAsync(new CounterModule());

    public async Task DisposeAsync() => await _rpc.DisposeAsync();

    [Fact]
    public async Task Block_objects_have_gethʼs_fields_in_order_and_encodings()
    {
        var block = _rpc.Chain.Commit(TestTx.From(TestTx.KeyA).Nonce(0).Build());
        var ours = await _rpc.ResultAsync("eth_getBlockByHash", $"[{Wire.S(block.Hash)}, false]");
        var ourNames = ExecutionApisCases.FieldNames(ours);
        Assert.Equal(AroHeaderExtras, ourNames[^AroHeaderExtras.Length..]);

        var run = new VectorRun("execution-apis block objects");
        foreach (var (name, recorded) in ExecutionApisCases.ObjectResults("eth_getBlockByNumber").Concat(ExecutionApisCases.ObjectResults("eth_getBlockByHash")))
        {
            if (!recorded.TryGetProperty("baseFeePerGas", out _))
            {
                run.Skip(); // blocks before London
                continue;
            }

            run.Case(name, () =>
            {
                var expected = ExecutionApisCases.FieldNames(recorded).Where(f => !LaterForkBlockFields.Contains(f)).ToArray();
                Assert.Equal(expected, ourNames[..^AroHeaderExtras.Length]);
                foreach (var field in expected.Where(f => f != "transactions"))
                {
                    AssertSameEncoding(recorded.GetProperty(field), ours.GetProperty(field), field);
                }
            });
        }

        run.AssertAll(atLeast: 7);
    }

    [Fact]
    public async Task Transaction_objects_match_geth_per_type()
    {
        var counterCall = CounterModule.Increment.EncodeCall(AbiValue.UInt(1UL));
        var byType = new Dictionary<string, Transaction>
        {
            ["0x0"] = TestTx.From(TestTx.KeyA).Nonce(0).Legacy().Unprotected().Build(),
            ["0x0+chainId"] = TestTx.From(TestTx.KeyA).Nonce(1).Legacy().Build(),
            ["0x1"] = TxSigner.Sign(
                Transaction.WithAccessList(TestTx.ChainId, 2, 10UL, 100_000, CounterModule.DefaultAddress, 0UL, counterCall,
                    [new AccessListEntry(CounterModule.DefaultAddress, [Hash256.Zero])]),
                TestTx.KeyA),
            ["0x2"] = TestTx.From(TestTx.KeyA).Nonce(3).To(CounterModule.DefaultAddress).Gas(100_000).Data(counterCall).Build(),
        };
        var block = _rpc.Chain.Commit([.. byType.Values]);
        var ours = new Dictionary<string, JsonElement>();
        foreach (var (key, tx) in byType)
        {
            ours[key] = await _rpc.ResultAsync("eth_getTransactionByHash", $"[{Wire.S(tx.Hash)}]");
        }

        var run = new VectorRun("execution-apis transaction objects");
        foreach (var (name, recorded) in ExecutionApisCases.ObjectResults("eth_getTransactionByHash"))
        {
            var type = recorded.GetProperty("type").GetString()!;
            if (type is not ("0x0" or "0x1" or "0x2") || recorded.GetProperty("to").ValueKind == JsonValueKind.Null)
            {
                run.Skip(); // blob and set-code types, and contract creation, do not exist here
                continue;
            }

            run.Case(name, () =>
            {
                var mine = ours[type == "0x0" && recorded.TryGetProperty("chainId", out _) ? "0x0+chainId" : type];
                Assert.Equal(ExecutionApisCases.FieldNames(recorded), ExecutionApisCases.FieldNames(mine));
                foreach (var field in recorded.EnumerateObject())
                {
                    AssertSameEncoding(field.Value, mine.GetProperty(field.Name), field.Name);
                }
            });
        }

        run.AssertAll(atLeast: 3);
        Assert.Equal(block.Hash, Wire.Hash(ours["0x2"].GetProperty("blockHash")));
    }

    [Fact]
    public async Task Receipts_and_their_logs_match_geth()
    {
        var call = TestTx.From(TestTx.KeyA).Nonce(0).To(CounterModule.DefaultAddress).Gas(100_000)
            .Data(CounterModule.Increment.EncodeCall(AbiValue.UInt(1UL))).Build();
        _rpc.Chain.Commit(call);
        var ours = await _rpc.ResultAsync("eth_getTransactionReceipt", $"[{Wire.S(call.Hash)}]");
        var ourLog = ours.GetProperty("logs")[0];

        var run = new VectorRun("execution-apis receipts");
        foreach (var (name, recorded) in ExecutionApisCases.ObjectResults("eth_getTransactionReceipt"))
        {
            if (!recorded.TryGetProperty("status", out _) || recorded.GetProperty("contractAddress").ValueKind != JsonValueKind.Null
                || recorded.GetProperty("type").GetString() is not ("0x0" or "0x1" or "0x2"))
            {
                run.Skip(); // pre-Byzantium state roots, contract creations, blob and set-code receipts
                continue;
            }

            run.Case(name, () =>
            {
                Assert.Equal(ExecutionApisCases.FieldNames(recorded), ExecutionApisCases.FieldNames(ours));
                foreach (var field in recorded.EnumerateObject().Where(f => f.Name != "logs"))
                {
                    AssertSameEncoding(field.Value, ours.GetProperty(field.Name), field.Name);
                }

                foreach (var log in recorded.GetProperty("logs").EnumerateArray())
                {
                    Assert.Equal(ExecutionApisCases.FieldNames(log), ExecutionApisCases.FieldNames(ourLog));
                    foreach (var field in log.EnumerateObject())
                    {
                        AssertSameEncoding(field.Value, ourLog.GetProperty(field.Name), field.Name);
                    }
                }
            });
        }

        run.AssertAll(atLeast: 2);
    }

    [Fact]
    public async Task Proof_objects_match_geth()
    {
        var ours = await _rpc.ResultAsync("eth_getProof", $"[{Wire.S(TestChain.StorageHolder)}, [\"0x07\"], \"latest\"]");
        var run = new VectorRun("execution-apis proofs");
        foreach (var (name, recorded) in ExecutionApisCases.ObjectResults("eth_getProof"))
        {
            run.Case(name, () =>
            {
                Assert.Equal(ExecutionApisCases.FieldNames(recorded), ExecutionApisCases.FieldNames(ours));
                foreach (var field in recorded.EnumerateObject().Where(f => f.Name != "storageProof"))
                {
                    AssertSameEncoding(field.Value, ours.GetProperty(field.Name), field.Name);
                }

                foreach (var item in recorded.GetProperty("storageProof").EnumerateArray())
                {
                    Assert.Equal(ExecutionApisCases.FieldNames(item), ExecutionApisCases.FieldNames(ours.GetProperty("storageProof")[0]));
                }
            });
        }

        run.AssertAll(atLeast: 4);
    }

    [Fact]
    public async Task Fee_history_matches_geth_without_blob_fields()
    {
        _rpc.Chain.Commit(TestTx.From(TestTx.KeyA).Nonce(0).Build());
        var ours = await _rpc.ResultAsync("eth_feeHistory", "[\"0x1\", \"latest\", [95, 99]]");
        var run = new VectorRun("execution-apis fee history");
        foreach (var (name, recorded) in ExecutionApisCases.ObjectResults("eth_feeHistory"))
        {
            run.Case(name, () =>
            {
                var expected = ExecutionApisCases.FieldNames(recorded).Where(f => f is not ("baseFeePerBlobGas" or "blobGasUsedRatio")).ToArray();
                Assert.Equal(expected, ExecutionApisCases.FieldNames(ours));
                foreach (var field in expected)
                {
                    AssertSameEncoding(recorded.GetProperty(field), ours.GetProperty(field), field);
                    Assert.Equal(recorded.GetProperty(field).ValueKind == JsonValueKind.Array ? recorded.GetProperty(field).GetArrayLength() : 0,
                        ours.GetProperty(field).ValueKind == JsonValueKind.Array ? ours.GetProperty(field).GetArrayLength() : 0);
                }
            });
        }

        run.AssertAll(atLeast: 1);
    }

    /// <summary>Same JSON kind; strings alike in form: QUANTITY (no leading zeros) or DATA of the same length.</summary>
    private static void AssertSameEncoding(JsonElement expected, JsonElement actual, string field)
    {
        Assert.True(expected.ValueKind == actual.ValueKind, $"{field}: {expected.ValueKind} recorded, {actual.ValueKind} ours");
        switch (expected.ValueKind)
        {
            case JsonValueKind.String:
                var e = expected.GetString()!;
                var a = actual.GetString()!;
                Assert.StartsWith("0x", a, StringComparison.Ordinal);
                if (field is "extraData" or "input" or "data")
                {
                    Assert.True(a.Length % 2 == 0, $"{field}: DATA with an odd number of digits: {a}");
                }
                else if (field is not ("r" or "s") && e.Length is 66 or 42 or 514 or 18)
                {
                    Assert.True(e.Length == a.Length, $"{field}: DATA of {e.Length} chars recorded, {a.Length} ours ({a})");
                }
                else
                {
                    Assert.True(a == "0x0" || a[2] != '0', $"{field}: QUANTITY with a leading zero: {a}");
                }

                break;
            case JsonValueKind.Array:
                if (expected.GetArrayLength() > 0 && actual.GetArrayLength() > 0)
                {
                    AssertSameEncoding(expected[0], actual[0], field + "[0]");
                }

                break;
            case JsonValueKind.Object:
                Assert.Equal(ExecutionApisCases.FieldNames(expected), ExecutionApisCases.FieldNames(actual));
                break;
        }
    }
}
