using Aro.Execution.TxPool;

namespace Aro.Execution.Tests.TxPool;

public class TxPoolHeadTests
{
    [Fact]
    public void Drops_transactions_below_the_new_account_nonce()
    {
        var state = TestState.Funded();
        var pool = TestPool.Create(state);
        var included = TestTx.From(TestTx.KeyA).Nonce(0).Build();
        var next = TestTx.From(TestTx.KeyA).Nonce(1).Build();
        pool.AssertAccepted(included);
        pool.AssertAccepted(next);

        var dropped = pool.OnNewHead(state.WithNonce(TestTx.KeyA, 1), 1);

        Assert.Equal(1, dropped);
        Assert.False(pool.TryGet(included.Hash, out _));
        Assert.True(pool.TryGet(next.Hash, out _));
        Assert.Equal((1, 0), (pool.PendingCount, pool.QueuedCount));
    }

    [Fact]
    public void Promotes_queued_transactions_the_new_nonce_reaches()
    {
        var state = TestState.Funded();
        var pool = TestPool.Create(state);
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(2).Build());
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(3).Build());
        var announced = new List<ulong>();
        pool.NewPending += (_, e) => announced.AddRange(e.Transactions.Select(tx => tx.Nonce));

        pool.OnNewHead(state.WithNonce(TestTx.KeyA, 2), 1);

        Assert.Equal((2, 0), (pool.PendingCount, pool.QueuedCount));
        Assert.Equal([2UL, 3], announced);
    }

    [Fact]
    public void Drops_the_first_transaction_the_balance_no_longer_covers_and_those_after_it()
    {
        var state = TestState.Funded();
        var pool = TestPool.Create(state);
        var kept = TestTx.From(TestTx.KeyA).Nonce(0).MaxFee(10).Build();
        pool.AssertAccepted(kept);
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(1).MaxFee(10).Build());
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(2).MaxFee(10).Build());

        var dropped = pool.OnNewHead(state.Fund(TestTx.KeyA, (21_000 * 10 * 2) - 1), 1);

        Assert.Equal(2, dropped);
        var sender = Assert.Single(pool.GetContent().Senders);
        Assert.Equal([kept.Hash], sender.Pending.Select(tx => tx.Hash));
    }

    [Fact]
    public void Drops_a_sender_with_nothing_left_from_the_content()
    {
        var state = TestState.Funded();
        var pool = TestPool.Create(state);
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(0).Build());

        pool.OnNewHead(state.WithNonce(TestTx.KeyA, 1), 1);

        Assert.Empty(pool.GetContent().Senders);
        Assert.Equal((0, 0, 0), (pool.Count, pool.PendingCount, pool.QueuedCount));
    }

    [Fact]
    public void Adopts_the_new_base_fee_for_admission()
    {
        var state = TestState.Funded();
        var pool = TestPool.Create(state);

        pool.OnNewHead(state, 50);

        Assert.Equal(50UL, (ulong)pool.BaseFee);
        pool.AssertRefused(TestTx.From(TestTx.KeyA).MaxFee(49).Build(), TxPoolError.FeeCapBelowBaseFee);
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).MaxFee(50).Build());
    }

    [Fact]
    public void Reads_state_from_the_new_head_for_later_admissions()
    {
        var pool = TestPool.Create(new TestState());
        pool.AssertRefused(TestTx.From(TestTx.KeyA).Build(), TxPoolError.InsufficientFunds);

        pool.OnNewHead(TestState.Funded(), 1);

        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Build());
    }

    [Fact]
    public void Removes_included_transactions_and_lower_nonces_before_the_new_state_is_read()
    {
        var pool = TestPool.Create();
        for (ulong nonce = 0; nonce < 4; nonce++)
        {
            pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(nonce).Build());
        }

        pool.AssertAccepted(TestTx.From(TestTx.KeyB).Nonce(0).Build());

        pool.RemoveIncluded([(TestPool.A, 1UL), (TestPool.C, 0UL)]);

        var a = pool.GetContent().Senders.Single(s => s.Sender == TestPool.A);
        Assert.Equal([2UL, 3], a.Pending.Select(tx => tx.Nonce));
        Assert.Equal((3, 0), (pool.PendingCount, pool.QueuedCount));
        pool.AssertRefused(TestTx.From(TestTx.KeyA).Nonce(1).Tip(5).MaxFee(50).Build(), TxPoolError.NonceTooLow);
    }

    [Fact]
    public void Promotes_a_queued_transaction_once_inclusion_closes_the_gap()
    {
        var pool = TestPool.Create();
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(2).Build());

        pool.RemoveIncluded([(TestPool.A, 1UL)]);

        Assert.Equal((1, 0), (pool.PendingCount, pool.QueuedCount));
    }
}
