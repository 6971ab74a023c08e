using Aro.Core;
using Aro.Execution.TxPool;
using Pool = Aro.Execution.TxPool.TxPool;

namespace Aro.Execution.Tests.TxPool;

internal static class TestPool
{
    public static readonly TxPoolOptions Options = new()
    {
        ChainId = TestTx.ChainId,
        BaseFee = 1,
        MinPriorityFee = 1,
        BlockGasLimit = 30_000_000,
    };

    public static Pool Create(TestState? state = null, TxPoolOptions? options = null) =>
        new(options ?? Options, state ?? TestState.Funded());

    public static TxPoolAddResult AssertAccepted(this Pool pool, Core.Transactions.Transaction tx)
    {
        var result = pool.Add(tx);
        Assert.True(result.IsAccepted, result.ToString());
        return result;
    }

    public static void AssertRefused(this Pool pool, Core.Transactions.Transaction tx, TxPoolError error) =>
        AssertRefused(pool, () => pool.Add(tx), error);

    public static void AssertRefused(this Pool pool, byte[] raw, TxPoolError error) =>
        AssertRefused(pool, () => pool.Add(raw), error);

    /// <summary>Refused for <paramref name="error"/> with geth's message, and the pool is exactly as before.</summary>
    private static void AssertRefused(Pool pool, Func<TxPoolAddResult> add, TxPoolError error)
    {
        var before = Snapshot(pool);
        var result = add();
        Assert.Equal(error, result.Error);
        Assert.False(result.IsAccepted);
        Assert.StartsWith(TxPoolErrors.Message(error), result.Message, StringComparison.Ordinal);
        Assert.NotEqual(0, result.JsonRpcCode);
        Assert.Equal(before, Snapshot(pool));
    }

    /// <summary>Every pooled hash with its sender, nonce and pending flag, in content order.</summary>
    public static string Snapshot(Pool pool)
    {
        var content = pool.GetContent();
        var lines = new List<string> { $"pending {pool.PendingCount} queued {pool.QueuedCount} count {pool.Count}" };
        foreach (var sender in content.Senders)
        {
            lines.AddRange(sender.Pending.Select(tx => $"{sender.Sender} P {tx.Nonce} {tx.Hash}"));
            lines.AddRange(sender.Queued.Select(tx => $"{sender.Sender} Q {tx.Nonce} {tx.Hash}"));
        }

        return string.Join('\n', lines);
    }

    public static Address A => TestTx.AddressOf(TestTx.KeyA);

    public static Address B => TestTx.AddressOf(TestTx.KeyB);

    public static Address C => TestTx.AddressOf(TestTx.KeyC);
}
