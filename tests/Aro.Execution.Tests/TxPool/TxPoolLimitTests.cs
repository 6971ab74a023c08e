using Aro.Execution.TxPool;

namespace Aro.Execution.Tests.TxPool;

public class TxPoolLimitTests
{
    [Fact]
    public void Refuses_a_senders_transaction_past_the_per_sender_limit()
    {
        var pool = TestPool.Create(options: TestPool.Options with { MaxPerSender = 3 });
        for (ulong nonce = 0; nonce < 3; nonce++)
        {
            pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(nonce).Build());
        }

        pool.AssertRefused(TestTx.From(TestTx.KeyA).Nonce(3).MaxFee(1_000).Tip(1_000).Build(), TxPoolError.AccountLimitExceeded);
        pool.AssertAccepted(TestTx.From(TestTx.KeyB).Nonce(0).Build());
    }

    [Fact]
    public void Still_accepts_a_replacement_at_the_per_sender_limit()
    {
        var pool = TestPool.Create(options: TestPool.Options with { MaxPerSender = 1 });
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Tip(10).MaxFee(100).Build());

        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Tip(11).MaxFee(110).Build());
    }

    [Fact]
    public void Refuses_when_full_and_the_newcomer_pays_no_more_than_the_cheapest()
    {
        var pool = TestPool.Create(options: TestPool.Options with { MaxPoolSize = 2 });
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Tip(5).MaxFee(100).Build());
        pool.AssertAccepted(TestTx.From(TestTx.KeyB).Tip(3).MaxFee(100).Build());

        pool.AssertRefused(TestTx.From(TestTx.KeyC).Tip(3).MaxFee(100).Build(), TxPoolError.TxPoolFull);
    }

    [Fact]
    public void Evicts_the_cheapest_transaction_for_a_newcomer_that_pays_more()
    {
        var pool = TestPool.Create(options: TestPool.Options with { MaxPoolSize = 2 });
        var a = TestTx.From(TestTx.KeyA).Tip(5).MaxFee(100).Build();
        var cheapest = TestTx.From(TestTx.KeyB).Tip(3).MaxFee(100).Build();
        pool.AssertAccepted(a);
        pool.AssertAccepted(cheapest);

        pool.AssertAccepted(TestTx.From(TestTx.KeyC).Tip(4).MaxFee(100).Build());

        Assert.False(pool.TryGet(cheapest.Hash, out _));
        Assert.True(pool.TryGet(a.Hash, out _));
        Assert.Equal(2, pool.Count);
        Assert.Equal(2, pool.PendingCount);
    }

    [Fact]
    public void Evicts_by_effective_tip_at_the_base_fee_not_by_tip_alone()
    {
        // Base fee 95: A earns min(50, 100 − 95) = 5, B earns min(8, 200 − 95) = 8.
        var pool = TestPool.Create(options: TestPool.Options with { MaxPoolSize = 2, BaseFee = 95 });
        var a = TestTx.From(TestTx.KeyA).Tip(50).MaxFee(100).Build();
        pool.AssertAccepted(a);
        pool.AssertAccepted(TestTx.From(TestTx.KeyB).Tip(8).MaxFee(200).Build());

        pool.AssertAccepted(TestTx.From(TestTx.KeyC).Tip(6).MaxFee(200).Build());

        Assert.False(pool.TryGet(a.Hash, out _));
    }

    [Fact]
    public void Evicts_only_a_senders_highest_nonce_so_no_gap_opens()
    {
        // A's nonce 0 is the cheapest transaction, but evicting it would strand nonce 1: A's tail goes.
        var pool = TestPool.Create(options: TestPool.Options with { MaxPoolSize = 3 });
        var head = TestTx.From(TestTx.KeyA).Nonce(0).Tip(2).MaxFee(100).Build();
        var tail = TestTx.From(TestTx.KeyA).Nonce(1).Tip(4).MaxFee(100).Build();
        pool.AssertAccepted(head);
        pool.AssertAccepted(tail);
        pool.AssertAccepted(TestTx.From(TestTx.KeyB).Tip(6).MaxFee(100).Build());

        pool.AssertAccepted(TestTx.From(TestTx.KeyC).Tip(5).MaxFee(100).Build());

        Assert.True(pool.TryGet(head.Hash, out _));
        Assert.False(pool.TryGet(tail.Hash, out _));
        Assert.Equal((3, 0), (pool.PendingCount, pool.QueuedCount));
    }

    [Fact]
    public void Evicts_the_newer_of_two_equally_priced_transactions_first()
    {
        var pool = TestPool.Create(options: TestPool.Options with { MaxPoolSize = 2 });
        var older = TestTx.From(TestTx.KeyA).Tip(3).MaxFee(100).Build();
        var newer = TestTx.From(TestTx.KeyB).Tip(3).MaxFee(100).Build();
        pool.AssertAccepted(older);
        pool.AssertAccepted(newer);

        pool.AssertAccepted(TestTx.From(TestTx.KeyC).Tip(4).MaxFee(100).Build());

        Assert.True(pool.TryGet(older.Hash, out _));
        Assert.False(pool.TryGet(newer.Hash, out _));
    }

    [Fact]
    public void Evicts_repeatedly_in_price_order_as_richer_transactions_arrive()
    {
        var pool = TestPool.Create(options: TestPool.Options with { MaxPoolSize = 2 });
        var tip3 = TestTx.From(TestTx.KeyA).Tip(3).MaxFee(100).Build();
        var tip4 = TestTx.From(TestTx.KeyB).Tip(4).MaxFee(100).Build();
        pool.AssertAccepted(tip3);
        pool.AssertAccepted(tip4);

        pool.AssertAccepted(TestTx.From(TestTx.KeyC).Nonce(0).Tip(5).MaxFee(100).Build());
        Assert.False(pool.TryGet(tip3.Hash, out _));
        pool.AssertAccepted(TestTx.From(TestTx.KeyC).Nonce(1).Tip(6).MaxFee(100).Build());
        Assert.False(pool.TryGet(tip4.Hash, out _));

        Assert.Equal([TestPool.C], pool.GetContent().Senders.Select(s => s.Sender));
    }
}
