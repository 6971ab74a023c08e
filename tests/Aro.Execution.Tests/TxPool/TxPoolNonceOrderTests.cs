using Aro.Execution.TxPool;

namespace Aro.Execution.Tests.TxPool;

public class TxPoolNonceOrderTests
{
    [Fact]
    public void Queues_a_transaction_behind_a_nonce_gap()
    {
        var pool = TestPool.Create();

        var result = pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(1).Build());

        Assert.False(result.IsPending);
        Assert.Equal((0, 1), (pool.PendingCount, pool.QueuedCount));
    }

    [Fact]
    public void Promotes_queued_transactions_when_the_gap_fills()
    {
        var pool = TestPool.Create();
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(2).Build());
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(1).Build());
        Assert.Equal((0, 2), (pool.PendingCount, pool.QueuedCount));

        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(0).Build());

        Assert.Equal((3, 0), (pool.PendingCount, pool.QueuedCount));
        var sender = Assert.Single(pool.GetContent().Senders);
        Assert.Equal([0UL, 1, 2], sender.Pending.Select(tx => tx.Nonce));
    }

    [Fact]
    public void Keeps_transactions_past_a_second_gap_queued()
    {
        var pool = TestPool.Create();
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(1).Build());
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(3).Build());

        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(0).Build());

        var sender = Assert.Single(pool.GetContent().Senders);
        Assert.Equal([0UL, 1], sender.Pending.Select(tx => tx.Nonce));
        Assert.Equal([3UL], sender.Queued.Select(tx => tx.Nonce));
    }

    [Fact]
    public void Announces_newly_pending_transactions_in_nonce_order_and_not_queued_ones()
    {
        var pool = TestPool.Create();
        var announced = new List<ulong>();
        pool.NewPending += (_, e) => announced.AddRange(e.Transactions.Select(tx => tx.Nonce));

        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(2).Build());
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(1).Build());
        Assert.Empty(announced);
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(0).Build());

        Assert.Equal([0UL, 1, 2], announced);
    }

    [Fact]
    public void Uses_the_account_nonce_of_the_head_as_the_first_pending_nonce()
    {
        var pool = TestPool.Create(TestState.Funded().WithNonce(TestTx.KeyA, 7));

        Assert.True(pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(7).Build()).IsPending);
        Assert.False(pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(9).Build()).IsPending);
    }

    [Fact]
    public void Lists_content_senders_in_address_order_with_pending_and_queued_apart()
    {
        var pool = TestPool.Create();
        pool.AssertAccepted(TestTx.From(TestTx.KeyC).Nonce(0).Build());
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(1).Build());
        pool.AssertAccepted(TestTx.From(TestTx.KeyB).Nonce(0).Build());

        var content = pool.GetContent();

        Assert.Equal(new[] { TestPool.A, TestPool.B, TestPool.C }.Order(), content.Senders.Select(s => s.Sender));
        var a = content.Senders.Single(s => s.Sender == TestPool.A);
        Assert.Empty(a.Pending);
        Assert.Single(a.Queued);
    }
}
