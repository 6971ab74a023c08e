using Aro.Execution.TxPool;

namespace Aro.Execution.Tests.TxPool;

/// <summary>A pooled sender's account is read once per head: by its first admission or by the head's own pass.</summary>
public class TxPoolHeadAccountTests
{
    // One plain transfer at max fee 10: 21,000 × 10 wei.
    private const ulong TransferCost = 210_000;

    [Fact]
    public void The_second_transaction_of_a_pooled_sender_reads_no_state()
    {
        var state = new CountingState(TestState.Funded());
        var pool = new Aro.Execution.TxPool.TxPool(TestPool.Options, state);
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(0).Build());

        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(1).Build());
        pool.AssertAccepted(TestTx.From(TestTx.KeyB).Nonce(0).Build());

        Assert.Equal(2, state.AccountReads);
        Assert.Equal(0, state.SingleReads);
    }

    [Fact]
    public void After_a_new_head_admission_uses_the_balance_of_that_head()
    {
        var pool = TestPool.Create(new TestState().Fund(TestTx.KeyA, 3 * TransferCost));
        pool.AssertAccepted(Transfer(0));
        var head = new CountingState(new TestState().Fund(TestTx.KeyA, 2 * TransferCost));

        pool.OnNewHead(head, 1);

        pool.AssertAccepted(Transfer(1));
        pool.AssertRefused(Transfer(2), TxPoolError.InsufficientFunds);
        Assert.Equal(1, head.AccountReads);
    }

    [Fact]
    public void An_admission_while_the_head_pass_reads_uses_the_new_head()
    {
        var pool = TestPool.Create(new TestState().Fund(TestTx.KeyA, 3 * TransferCost).Fund(TestTx.KeyB, TestState.Rich));
        pool.AssertAccepted(Transfer(0));
        pool.AssertAccepted(TestTx.From(TestTx.KeyB).Nonce(0).Build());
        var head = new CountingState(new TestState().Fund(TestTx.KeyA, TransferCost).Fund(TestTx.KeyB, TestState.Rich));
        TxPoolAddResult? during = null;
        head.OnRead = _ =>
        {
            head.OnRead = null; // The admission's own read must not start another one.
            during = pool.Add(Transfer(1));
        };

        pool.OnNewHead(head, 1);

        // The old head's balance (3 transfers) would have taken it; the new one covers only nonce 0.
        Assert.Equal(TxPoolError.InsufficientFunds, during!.Value.Error);
        Assert.Single(pool.GetContent().Senders.Single(s => s.Sender == TestPool.A).Pending);
    }

    [Fact]
    public void A_sender_whose_queue_emptied_is_read_again()
    {
        var state = new CountingState(TestState.Funded());
        var pool = new Aro.Execution.TxPool.TxPool(TestPool.Options, state);
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(0).Build());
        pool.RemoveIncluded([(TestPool.A, 0UL)]);

        // The head has not moved, so its state still says nonce 0: exactly what a read-every-time pool answers.
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(0).Tip(2).Build());

        Assert.Equal(2, state.AccountReads);
    }

    [Fact]
    public void Affordability_across_a_senders_transactions_refuses_as_with_a_read_each_time()
    {
        // Two transfers at max fee 10 plus the 21,000 wei a replacement at max fee 11 costs more.
        var state = new CountingState(new TestState().Fund(TestTx.KeyA, (2 * TransferCost) + 21_000));
        var pool = new Aro.Execution.TxPool.TxPool(TestPool.Options, state);
        pool.AssertAccepted(Transfer(0));
        pool.AssertAccepted(Transfer(1));

        pool.AssertRefused(Transfer(2), TxPoolError.InsufficientFunds);
        pool.AssertRefused(TestTx.From(TestTx.KeyA).Nonce(1).Tip(2).MaxFee(12).Build(), TxPoolError.InsufficientFunds);
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(1).Tip(2).MaxFee(11).Build());

        Assert.Equal(1, state.AccountReads);
    }

    [Fact]
    public void A_lower_balance_at_the_new_head_drops_then_refuses_as_with_a_read_each_time()
    {
        var pool = TestPool.Create(new TestState().Fund(TestTx.KeyA, 3 * TransferCost));
        pool.AssertAccepted(Transfer(0));
        pool.AssertAccepted(Transfer(1));
        pool.AssertAccepted(Transfer(2));

        var dropped = pool.OnNewHead(new TestState().Fund(TestTx.KeyA, (2 * TransferCost) - 1), 1);

        Assert.Equal(2, dropped);
        pool.AssertRefused(Transfer(1), TxPoolError.InsufficientFunds);
    }

    private static Core.Transactions.Transaction Transfer(ulong nonce) => TestTx.From(TestTx.KeyA).Nonce(nonce).MaxFee(10).Build();
}
