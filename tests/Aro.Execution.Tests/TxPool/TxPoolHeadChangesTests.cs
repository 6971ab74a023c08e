using Aro.Core;
using Aro.Execution.TxPool;
using Aro.State.World;

namespace Aro.Execution.Tests.TxPool;

/// <summary>A head pass given the block's changed accounts reads only what it cannot know otherwise.</summary>
public class TxPoolHeadChangesTests
{
    private const ulong TransferCost = 210_000;

    [Fact]
    public void Changed_senders_take_the_new_values_and_the_others_keep_theirs_without_a_read()
    {
        var parent = new TestState().Fund(TestTx.KeyA, 2 * TransferCost).Fund(TestTx.KeyB, TestState.Rich);
        var pool = TestPool.Create(parent);
        pool.AssertAccepted(Transfer(TestTx.KeyA, 0));
        pool.AssertAccepted(Transfer(TestTx.KeyA, 1));
        pool.AssertAccepted(Transfer(TestTx.KeyB, 0));
        var head = new CountingState(new TestState().Fund(TestTx.KeyA, TransferCost).Fund(TestTx.KeyB, TestState.Rich));

        var dropped = pool.OnNewHead(head, 1, Changes(parent, (TestPool.A, 0, TransferCost)));

        Assert.Equal(1, dropped);
        Assert.Equal(0, head.AccountReads);
        Assert.Equal(0, pool.LastHeadPassReads);
        Assert.Equal((2, 0), (pool.PendingCount, pool.QueuedCount));
        pool.AssertAccepted(Transfer(TestTx.KeyB, 1));
    }

    [Fact]
    public void A_changed_nonce_drops_the_included_and_promotes_as_a_full_read_does()
    {
        var parent = TestState.Funded();
        var pool = TestPool.Create(parent);
        pool.AssertAccepted(Transfer(TestTx.KeyA, 0));
        pool.AssertAccepted(Transfer(TestTx.KeyA, 2));
        var head = new CountingState(TestState.Funded().WithNonce(TestTx.KeyA, 2));

        var dropped = pool.OnNewHead(head, 1, Changes(parent, (TestPool.A, 2, TestState.Rich)));

        Assert.Equal(1, dropped);
        Assert.Equal((1, 0), (pool.PendingCount, pool.QueuedCount));
        Assert.Equal(0, head.AccountReads);
    }

    [Fact]
    public void Changes_against_another_parent_are_ignored_and_every_sender_is_read()
    {
        var pool = TestPool.Create(TestState.Funded());
        pool.AssertAccepted(Transfer(TestTx.KeyA, 0));
        pool.AssertAccepted(Transfer(TestTx.KeyB, 0));
        var head = new CountingState(TestState.Funded());

        pool.OnNewHead(head, 1, Changes(TestState.Funded(), (TestPool.A, 5, 0)));

        Assert.Equal(2, head.AccountReads);
        Assert.Equal(2, pool.PendingCount);
    }

    [Fact]
    public void A_sender_not_brought_to_the_parent_head_is_read()
    {
        var genesis = TestState.Funded();
        var pool = TestPool.Create(genesis);
        pool.AssertAccepted(Transfer(TestTx.KeyA, 0));
        var first = new CountingState(TestState.Funded());
        var second = new CountingState(TestState.Funded());
        var third = new CountingState(TestState.Funded().Fund(TestTx.KeyA, 0));

        // Each pass is overtaken by the next head while it reads, so only the third one applies; the
        // sender was last brought to the genesis head, not to the third head's parent.
        first.OnRead = _ =>
        {
            first.OnRead = null;
            pool.OnNewHead(second, 1);
        };
        second.OnRead = _ =>
        {
            second.OnRead = null;
            pool.OnNewHead(third, 1, Changes(second));
        };
        pool.OnNewHead(first, 1);

        Assert.Equal(1, third.AccountReads);
        Assert.Equal(0, pool.Count);
    }

    private static HeadChanges Changes(ITxPoolStateReader parent, params (Address Address, ulong Nonce, UInt256 Balance)[] accounts)
    {
        var changed = new Dictionary<Address, Account?>();
        foreach (var (address, nonce, balance) in accounts)
        {
            changed.Add(address, Account.Empty with { Nonce = nonce, Balance = balance });
        }

        return new HeadChanges(parent, changed);
    }

    private static Core.Transactions.Transaction Transfer(byte[] key, ulong nonce) => TestTx.From(key).Nonce(nonce).MaxFee(10).Build();
}
