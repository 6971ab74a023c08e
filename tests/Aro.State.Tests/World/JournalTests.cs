using Aro.Core;
using Aro.State.Trie;
using Aro.State.World;
using static Aro.State.Tests.World.StateFixtures;

namespace Aro.State.Tests.World;

public class JournalTests
{
    private readonly MemoryTrieNodeStore _nodes = new();

    private WorldState CommittedState()
    {
        var state = new WorldState(_nodes);
        state.AddBalance(Alice, 100);
        state.IncrementNonce(Alice);
        state.SetStorage(Staking, [1], [0x11]);
        state.Commit(_nodes);
        return state;
    }

    [Fact]
    public void Revert_restores_balances_nonces_and_storage_exactly()
    {
        var state = CommittedState();
        var root = state.StateRoot;
        var snapshot = state.TakeSnapshot();

        state.SubtractBalance(Alice, 40);
        state.AddBalance(Bob, 40);
        state.IncrementNonce(Alice);
        state.SetStorage(Staking, [1], []);
        state.SetStorage(Staking, [2], [0x22]);
        state.RevertToSnapshot(snapshot);

        Assert.Equal((UInt256)100u, state.GetBalance(Alice));
        Assert.Equal(1ul, state.GetNonce(Alice));
        Assert.Null(state.GetAccount(Bob));
        Assert.Equal(new byte[] { 0x11 }, state.GetStorage(Staking, [1]));
        Assert.Null(state.GetStorage(Staking, [2]));
        Assert.Equal(root, state.ComputeRoot());
    }

    [Fact]
    public void Reverting_an_inner_snapshot_keeps_the_outer_changes()
    {
        var state = CommittedState();
        var outer = state.TakeSnapshot();
        state.AddBalance(Bob, 5);
        var inner = state.TakeSnapshot();
        state.AddBalance(Bob, 7);
        state.SetStorage(Staking, [1], [0x99]);

        state.RevertToSnapshot(inner);

        Assert.Equal((UInt256)5u, state.GetBalance(Bob));
        Assert.Equal(new byte[] { 0x11 }, state.GetStorage(Staking, [1]));
        state.RevertToSnapshot(outer);
        Assert.Null(state.GetAccount(Bob));
    }

    [Fact]
    public void Reverting_an_outer_snapshot_undoes_the_inner_ones_too()
    {
        var state = CommittedState();
        var root = state.StateRoot;
        var outer = state.TakeSnapshot();
        state.AddBalance(Bob, 5);
        var inner = state.TakeSnapshot();
        state.AddBalance(Bob, 7);

        state.RevertToSnapshot(outer);

        Assert.Null(state.GetAccount(Bob));
        Assert.Equal(root, state.ComputeRoot());
        Assert.Throws<InvalidOperationException>(() => state.RevertToSnapshot(inner));
    }

    [Fact]
    public void A_snapshot_cannot_be_reverted_to_twice()
    {
        var state = CommittedState();
        var snapshot = state.TakeSnapshot();
        state.AddBalance(Bob, 1);
        state.RevertToSnapshot(snapshot);

        Assert.Throws<InvalidOperationException>(() => state.RevertToSnapshot(snapshot));
    }

    [Fact]
    public void Snapshots_taken_before_a_commit_cannot_revert_committed_state()
    {
        var state = CommittedState();
        var snapshot = state.TakeSnapshot();
        state.AddBalance(Bob, 1);
        state.Commit(_nodes);

        Assert.Throws<InvalidOperationException>(() => state.RevertToSnapshot(snapshot));
        Assert.Equal((UInt256)1u, state.GetBalance(Bob));
    }

    [Fact]
    public void Unknown_snapshot_ids_are_rejected()
    {
        var state = CommittedState();

        Assert.Throws<InvalidOperationException>(() => state.RevertToSnapshot(12345));
    }

    [Fact]
    public void Revert_after_a_mid_block_root_computation_still_restores_the_root()
    {
        var state = CommittedState();
        var root = state.StateRoot;
        var snapshot = state.TakeSnapshot();
        state.AddBalance(Bob, 5);
        state.SetStorage(Staking, [1], [0x77]);
        state.SetStorage(Staking, [3], [0x33]);
        Assert.NotEqual(root, state.ComputeRoot());

        state.RevertToSnapshot(snapshot);

        Assert.Equal(root, state.ComputeRoot());
        Assert.Equal(root, state.Commit(_nodes));
        Assert.Equal(new byte[] { 0x11 }, state.GetStorage(Staking, [1]));
        Assert.Null(state.GetStorage(Staking, [3]));
    }

    [Fact]
    public void Revert_of_a_new_account_with_storage_leaves_no_account()
    {
        var state = CommittedState();
        var root = state.StateRoot;
        var snapshot = state.TakeSnapshot();
        state.SetStorage(WorkProof, [1], [0x01]);
        state.ComputeRoot();

        state.RevertToSnapshot(snapshot);

        Assert.Null(state.GetAccount(WorkProof));
        Assert.Equal(root, state.Commit(_nodes));
    }

    [Fact]
    public void Failed_call_reverts_its_changes_while_the_fee_charged_before_it_stays()
    {
        var state = CommittedState();

        state.SubtractBalance(Alice, 10); // fee
        state.IncrementNonce(Alice);
        var call = state.TakeSnapshot();
        state.SubtractBalance(Alice, 50);
        state.SetStorage(Staking, [5], [0x55]);
        state.RevertToSnapshot(call);

        Assert.Equal((UInt256)90u, state.GetBalance(Alice));
        Assert.Equal(2ul, state.GetNonce(Alice));
        Assert.Null(state.GetStorage(Staking, [5]));
    }

    [Fact]
    public void Revert_restores_an_account_deleted_for_being_empty()
    {
        var state = CommittedState();
        var root = state.StateRoot;
        var snapshot = state.TakeSnapshot();
        state.SubtractBalance(Alice, 100);
        state.SetNonce(Alice, 0);
        Assert.Null(state.GetAccount(Alice));

        state.RevertToSnapshot(snapshot);

        Assert.Equal((UInt256)100u, state.GetBalance(Alice));
        Assert.Equal(root, state.ComputeRoot());
    }
}
