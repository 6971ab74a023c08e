using Aro.Core;
using Aro.Execution.TxPool;

namespace Aro.Execution.Tests.TxPool;

public class TxPoolSenderTests
{
    [Fact]
    public void FindSenders_gives_the_recovered_sender_of_each_pooled_tx_and_flags_the_others()
    {
        var pool = TestPool.Create();
        var pooled = TestTx.From(TestTx.KeyB).Nonce(0).Build();
        var unknown = TestTx.From(TestTx.KeyC).Nonce(0).Build();
        pool.AssertAccepted(pooled);
        var senders = new Address[2];
        var found = new bool[2];

        var count = pool.FindSenders([unknown, pooled], senders, found);

        Assert.Equal(1, count);
        Assert.Equal([false, true], found);
        Assert.Equal(TestPool.B, senders[1]);
    }

    [Fact]
    public void OnNewHead_reads_each_pooled_senders_account_once()
    {
        var state = new CountingState(TestState.Funded());
        var pool = TestPool.Create(TestState.Funded());
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(0).Build());
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(1).Build());
        pool.AssertAccepted(TestTx.From(TestTx.KeyB).Nonce(0).Build());

        pool.OnNewHead(state, 1);

        Assert.Equal(2, state.AccountReads);
        Assert.Equal(0, state.SingleReads);
        Assert.Equal(3, pool.PendingCount);
    }
}
