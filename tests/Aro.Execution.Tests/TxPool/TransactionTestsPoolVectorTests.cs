using System.Text.Json;
using Aro.Core;
using Aro.Execution.TxPool;
using Aro.Testing;
using Pool = Aro.Execution.TxPool.TxPool;

namespace Aro.Execution.Tests.TxPool;

/// <summary>
/// ethereum/tests TransactionTests: every vector its newest fork calls invalid is refused by the pool
/// for a decode, validation or signature reason, and leaves the pool exactly as it was.
/// </summary>
public class TransactionTestsPoolVectorTests
{
    // The vectors are signed for chain id 1; their senders are funded so only the transaction itself can fail.
    private static readonly TxPoolOptions VectorOptions = new() { ChainId = 1, MinPriorityFee = 0, BlockGasLimit = ulong.MaxValue };

    private static readonly string[] ForkPreference = ["Prague", "Cancun", "Shanghai"];

    [Fact]
    public void Every_invalid_TransactionTests_vector_is_refused_and_changes_nothing()
    {
        var root = TestData.Path("ethereum", "ethereum-tests", "TransactionTests");
        var files = Directory.GetFiles(root, "*.json", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        var pool = new Pool(VectorOptions, new FundedState());

        // A resident transaction, so "changes nothing" is checked against a non-empty pool.
        var resident = TestTx.From(TestTx.KeyA).OnChain(1).Build();
        Assert.True(pool.Add(resident).IsAccepted);
        var run = new VectorRun("TransactionTests (invalid, via TxPool.Add)");
        foreach (var file in files)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var test in document.RootElement.EnumerateObject())
            {
                if (!NewestFork(test.Value.GetProperty("result")).TryGetProperty("exception", out var exception))
                {
                    continue;
                }

                var raw = Hex.Decode(test.Value.GetProperty("txbytes").GetString()!);
                run.Case($"{Path.GetFileName(file)}/{test.Name} ({exception.GetString()})", () =>
                {
                    var before = TestPool.Snapshot(pool);
                    var result = pool.Add(raw);
                    Assert.False(result.IsAccepted);
                    Assert.NotNull(result.TxError);
                    Assert.NotEqual(0, result.JsonRpcCode);
                    Assert.StartsWith(TxPoolErrors.Message(result.Error), result.Message, StringComparison.Ordinal);
                    Assert.Equal(before, TestPool.Snapshot(pool));
                });
            }
        }

        run.AssertAll(atLeast: 27);
        Assert.True(pool.TryGet(resident.Hash, out _));
    }

    private static JsonElement NewestFork(JsonElement result)
    {
        foreach (var fork in ForkPreference)
        {
            if (result.TryGetProperty(fork, out var entry))
            {
                return entry;
            }
        }

        throw new InvalidOperationException("No Prague, Cancun or Shanghai result in the vector.");
    }

    private sealed class FundedState : ITxPoolStateReader
    {
        public ulong GetNonce(Address address) => 0;

        public UInt256 GetBalance(Address address) => UInt256.MaxValue;
    }
}
