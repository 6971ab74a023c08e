using Aro.Execution.TxPool;

namespace Aro.Execution.Tests.TxPool;

/// <summary>The eviction candidates after a head: kept in step when the base fee stays, re-ordered when it moves.</summary>
public class TxPoolHeadEvictionTests
{
    [Fact]
    public void After_a_head_drops_a_senders_tail_its_new_tail_is_the_candidate()
    {
        var pool = TestPool.Create(new TestState().Fund(TestTx.KeyA, TestState.Rich).Fund(TestTx.KeyB, TestState.Rich), TestPool.Options with { MaxPoolSize = 3 });
        var a0 = TestTx.From(TestTx.KeyA).Nonce(0).Tip(6).MaxFee(100).Build();
        pool.AssertAccepted(a0);
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(1).Tip(2).MaxFee(100).Build());
        var b0 = TestTx.From(TestTx.KeyB).Nonce(0).Tip(4).MaxFee(100).Build();
        pool.AssertAccepted(b0);

        // Same base fee; A can now pay for nonce 0 only, so its cheap nonce 1 leaves.
        pool.OnNewHead(TestState.Funded().Fund(TestTx.KeyA, 21_000 * 100), 1);
        pool.AssertAccepted(TestTx.From(TestTx.KeyC).Nonce(0).Tip(5).MaxFee(100).Build());
        pool.AssertAccepted(TestTx.From(TestTx.KeyC).Nonce(1).Tip(5).MaxFee(100).Build());

        Assert.False(pool.TryGet(b0.Hash, out _));
        Assert.True(pool.TryGet(a0.Hash, out _));
        Assert.Equal(3, pool.Count);
    }

    [Fact]
    public void After_a_head_moves_the_base_fee_eviction_orders_by_the_new_one()
    {
        // At base fee 1, A earns 50 and B 8; at 95, A earns min(50, 100 − 95) = 5 and B still 8.
        var pool = TestPool.Create(options: TestPool.Options with { MaxPoolSize = 2 });
        var a = TestTx.From(TestTx.KeyA).Tip(50).MaxFee(100).Build();
        pool.AssertAccepted(a);
        pool.AssertAccepted(TestTx.From(TestTx.KeyB).Tip(8).MaxFee(200).Build());

        pool.OnNewHead(TestState.Funded(), 95);
        pool.AssertAccepted(TestTx.From(TestTx.KeyC).Tip(6).MaxFee(200).Build());

        Assert.False(pool.TryGet(a.Hash, out _));
    }
}
