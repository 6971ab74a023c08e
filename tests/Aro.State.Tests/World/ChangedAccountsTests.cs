using Aro.Core;
using Aro.State.Trie;
using Aro.State.World;
using static Aro.State.Tests.World.StateFixtures;

namespace Aro.State.Tests.World;

public class ChangedAccountsTests
{
    private readonly MemoryTrieNodeStore _nodes = new();

    [Fact]
    public void Lists_the_written_accounts_with_their_values_and_not_the_ones_only_read()
    {
        var state = CommittedState();

        state.SubtractBalance(Alice, 40);
        state.AddBalance(Bob, 40);
        _ = state.GetBalance(Staking);

        var changed = state.GetChangedAccounts();
        Assert.Equal([Bob, Alice], changed.Keys.Order());
        Assert.Equal(((UInt256)60u, 1ul), (changed[Alice]!.Value.Balance, changed[Alice]!.Value.Nonce));
        Assert.Equal((UInt256)40u, changed[Bob]!.Value.Balance);
    }

    [Fact]
    public void A_reverted_write_stays_listed_with_the_value_it_reverted_to()
    {
        var state = CommittedState();
        var snapshot = state.TakeSnapshot();
        state.AddBalance(Alice, 5);
        state.AddBalance(Bob, 40);

        state.RevertToSnapshot(snapshot);

        var changed = state.GetChangedAccounts();
        Assert.Equal((UInt256)100u, changed[Alice]!.Value.Balance);
        Assert.Null(changed[Bob]);
    }

    [Fact]
    public void An_account_left_empty_is_listed_as_absent()
    {
        var state = CommittedState();
        state.AddBalance(Bob, 40);
        state.SubtractBalance(Bob, 40);

        Assert.Null(state.GetChangedAccounts()[Bob]);
    }

    [Fact]
    public void Commit_starts_an_empty_list()
    {
        var state = CommittedState();
        state.AddBalance(Bob, 40);

        state.Commit(_nodes);

        Assert.Empty(state.GetChangedAccounts());
    }

    private WorldState CommittedState()
    {
        var state = new WorldState(_nodes);
        state.AddBalance(Alice, 100);
        state.IncrementNonce(Alice);
        state.SetStorage(Staking, [1], [0x11]);
        state.Commit(_nodes);
        return state;
    }
}
