using Aro.Core;
using Aro.Core.Transactions;
using Aro.Execution.TxPool;

namespace Aro.Execution.Tests.TxPool;

public class TxPoolBlockTests
{
    private const ulong Plenty = 30_000_000;

    [Fact]
    public void Orders_senders_by_effective_tip_and_each_sender_by_nonce()
    {
        var pool = TestPool.Create();
        var a0 = pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(0).Tip(2).MaxFee(100).Build()).Hash;
        var a1 = pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(1).Tip(9).MaxFee(100).Build()).Hash;
        var b0 = pool.AssertAccepted(TestTx.From(TestTx.KeyB).Nonce(0).Tip(5).MaxFee(100).Build()).Hash;
        var c0 = pool.AssertAccepted(TestTx.From(TestTx.KeyC).Nonce(0).Tip(3).MaxFee(100).Build()).Hash;

        var block = pool.GetPendingForBlock(Plenty, 1, 100);

        // A's tip-9 nonce 1 must wait for its tip-2 nonce 0, which comes last among the heads.
        Assert.Equal([b0, c0, a0, a1], block.Select(tx => tx.Hash));
    }

    [Fact]
    public void Ranks_by_the_effective_tip_the_base_fee_leaves()
    {
        // Base fee 95: A earns min(50, 5) = 5, B earns min(8, 105) = 8.
        var pool = TestPool.Create();
        var a = pool.AssertAccepted(TestTx.From(TestTx.KeyA).Tip(50).MaxFee(100).Build()).Hash;
        var b = pool.AssertAccepted(TestTx.From(TestTx.KeyB).Tip(8).MaxFee(200).Build()).Hash;

        Assert.Equal([b, a], pool.GetPendingForBlock(Plenty, 95, 10).Select(tx => tx.Hash));
        Assert.Equal([a, b], pool.GetPendingForBlock(Plenty, 1, 10).Select(tx => tx.Hash));
    }

    [Fact]
    public void Skips_a_sender_whose_next_transaction_cannot_pay_the_base_fee()
    {
        var pool = TestPool.Create();
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(0).Tip(2).MaxFee(50).Build());
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(1).Tip(2).MaxFee(500).Build());
        var b = pool.AssertAccepted(TestTx.From(TestTx.KeyB).Tip(2).MaxFee(500).Build()).Hash;

        Assert.Equal([b], pool.GetPendingForBlock(Plenty, 100, 10).Select(tx => tx.Hash));
    }

    [Fact]
    public void Leaves_out_queued_transactions()
    {
        var pool = TestPool.Create();
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(1).Build());

        Assert.Empty(pool.GetPendingForBlock(Plenty, 1, 10));
    }

    [Fact]
    public void Stays_within_the_gas_limit_and_skips_a_sender_that_does_not_fit()
    {
        var pool = TestPool.Create();
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(0).Gas(50_000).Tip(9).MaxFee(100).Build());
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(1).Gas(21_000).Tip(9).MaxFee(100).Build());
        var b = pool.AssertAccepted(TestTx.From(TestTx.KeyB).Gas(21_000).Tip(5).MaxFee(100).Build()).Hash;

        Assert.Equal([b], pool.GetPendingForBlock(49_999, 1, 10).Select(tx => tx.Hash));
    }

    [Fact]
    public void Stops_at_the_maximum_count()
    {
        var pool = TestPool.Create();
        for (ulong nonce = 0; nonce < 5; nonce++)
        {
            pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(nonce).Build());
        }

        Assert.Equal([0UL, 1, 2], pool.GetPendingForBlock(Plenty, 1, 3).Select(tx => tx.Nonce));
        Assert.Empty(pool.GetPendingForBlock(Plenty, 1, 0));
    }

    [Fact]
    public void Breaks_equal_tips_by_arrival_order()
    {
        var pool = TestPool.Create();
        var c = pool.AssertAccepted(TestTx.From(TestTx.KeyC).Tip(4).MaxFee(100).Build()).Hash;
        var a = pool.AssertAccepted(TestTx.From(TestTx.KeyA).Tip(4).MaxFee(100).Build()).Hash;
        var b = pool.AssertAccepted(TestTx.From(TestTx.KeyB).Tip(4).MaxFee(100).Build()).Hash;

        Assert.Equal([c, a, b], pool.GetPendingForBlock(Plenty, 1, 10).Select(tx => tx.Hash));
    }

    [Fact]
    public void Gives_the_same_block_for_the_same_arrivals_whatever_the_sender_count()
    {
        // Many senders with colliding tips: the dictionary's layout differs between the pools, the order must not.
        var txs = new List<Transaction>();
        for (var k = 0; k < 64; k++)
        {
            var key = TestTx.Key(0x100 + k);
            txs.Add(TestTx.From(key).Nonce(0).Tip((ulong)(k % 4) + 1).MaxFee(100).Build());
            txs.Add(TestTx.From(key).Nonce(1).Tip((ulong)(k % 3) + 1).MaxFee(100).Build());
        }

        var first = Fill(txs, extraSenders: 0);
        var second = Fill(txs, extraSenders: 50);

        Assert.Equal(128, first.Count);
        Assert.Equal(first, second);
        Assert.Equal(first, Fill(txs, extraSenders: 0));
    }

    private static List<Hash256> Fill(List<Transaction> txs, int extraSenders)
    {
        var state = new TestState();
        var pool = TestPool.Create(state);
        foreach (var tx in txs)
        {
            state.Fund(TxSender.Recover(tx), TestState.Rich);
        }

        // Senders that come and go change the dictionary's internal layout.
        for (var k = 0; k < extraSenders; k++)
        {
            var key = TestTx.Key(0x900 + k);
            state.Fund(key, TestState.Rich);
            pool.AssertAccepted(TestTx.From(key).Nonce(0).Build());
            state.WithNonce(key, 1);
        }

        pool.OnNewHead(state, 1);
        Assert.Equal(0, pool.Count);
        foreach (var tx in txs)
        {
            pool.AssertAccepted(tx);
        }

        var hashes = new List<Hash256>();
        foreach (var pooled in pool.GetPendingForBlock(Plenty, 1, 1_000))
        {
            hashes.Add(pooled.Hash);
        }

        return hashes;
    }
}
