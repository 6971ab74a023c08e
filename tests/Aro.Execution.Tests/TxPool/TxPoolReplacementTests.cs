using Aro.Execution.TxPool;

namespace Aro.Execution.Tests.TxPool;

/// <summary>geth's rule with the default 10% bump: both fee caps must reach old × 110 / 100 (integer division) and rise.</summary>
public class TxPoolReplacementTests
{
    [Fact]
    public void Replaces_when_max_fee_and_tip_rise_by_exactly_the_bump()
    {
        var pool = TestPool.Create();
        var old = TestTx.From(TestTx.KeyA).Tip(10).MaxFee(100).Build();
        pool.AssertAccepted(old);
        var replacement = TestTx.From(TestTx.KeyA).Tip(11).MaxFee(110).Build();

        var result = pool.AssertAccepted(replacement);

        Assert.Equal(old.Hash, result.Replaced);
        Assert.True(result.IsPending);
        Assert.False(pool.TryGet(old.Hash, out _));
        Assert.True(pool.TryGet(replacement.Hash, out _));
        Assert.Equal((1, 0), (pool.PendingCount, pool.QueuedCount));
    }

    [Fact]
    public void Refuses_a_max_fee_one_wei_below_the_bump()
    {
        var pool = TestPool.Create();
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Tip(10).MaxFee(100).Build());

        pool.AssertRefused(TestTx.From(TestTx.KeyA).Tip(11).MaxFee(109).Build(), TxPoolError.ReplacementUnderpriced);
    }

    [Fact]
    public void Refuses_a_tip_one_wei_below_the_bump()
    {
        var pool = TestPool.Create();
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Tip(20).MaxFee(100).Build());

        pool.AssertRefused(TestTx.From(TestTx.KeyA).Tip(21).MaxFee(200).Build(), TxPoolError.ReplacementUnderpriced);
    }

    [Fact]
    public void Requires_a_strict_rise_where_the_bump_rounds_to_nothing()
    {
        // 5 × 110 / 100 = 5: the threshold alone would accept an equal tip.
        var pool = TestPool.Create();
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Tip(5).MaxFee(100).Build());

        pool.AssertRefused(TestTx.From(TestTx.KeyA).Tip(5).MaxFee(200).Build(), TxPoolError.ReplacementUnderpriced);
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Tip(6).MaxFee(200).Build());
    }

    [Fact]
    public void Honours_a_configured_bump()
    {
        var pool = TestPool.Create(options: TestPool.Options with { PriceBumpPercent = 100 });
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Tip(10).MaxFee(100).Build());

        pool.AssertRefused(TestTx.From(TestTx.KeyA).Tip(20).MaxFee(199).Build(), TxPoolError.ReplacementUnderpriced);
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Tip(20).MaxFee(200).Build());
    }

    [Fact]
    public void Replaces_a_queued_transaction_and_keeps_it_queued()
    {
        var pool = TestPool.Create();
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(3).Tip(10).MaxFee(100).Build());

        var result = pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(3).Tip(11).MaxFee(110).Build());

        Assert.False(result.IsPending);
        Assert.Equal((0, 1), (pool.PendingCount, pool.QueuedCount));
    }

    [Fact]
    public void Counts_the_replaced_transactions_cost_out_of_the_balance_check()
    {
        // Room for one transaction at max fee 110 but not for two.
        var pool = TestPool.Create(new TestState().Fund(TestTx.KeyA, 21_000 * 110));
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Tip(10).MaxFee(100).Build());

        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Tip(11).MaxFee(110).Build());
    }

    [Fact]
    public void Announces_a_replacement_of_a_pending_transaction()
    {
        var pool = TestPool.Create();
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Tip(10).MaxFee(100).Build());
        var announced = new List<PooledTx>();
        pool.NewPending += (_, e) => announced.AddRange(e.Transactions);
        var replacement = TestTx.From(TestTx.KeyA).Tip(11).MaxFee(110).Build();

        pool.AssertAccepted(replacement);

        Assert.Equal(replacement.Hash, Assert.Single(announced).Hash);
    }
}
