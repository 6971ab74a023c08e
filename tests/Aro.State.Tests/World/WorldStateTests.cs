using Aro.Core;
using Aro.State.Trie;
using Aro.State.World;
using static Aro.State.Tests.World.StateFixtures;

namespace Aro.State.Tests.World;

public class WorldStateTests
{
    private readonly MemoryTrieNodeStore _nodes = new();

    [Fact]
    public void Empty_state_has_the_empty_trie_root()
    {
        var state = new WorldState(_nodes);

        Assert.Equal(PatriciaTrie.EmptyRootHash, state.ComputeRoot());
        Assert.Null(state.GetAccount(Alice));
    }

    [Fact]
    public void Balance_transfer_changes_the_root_to_that_of_the_new_balances()
    {
        var state = new WorldState(_nodes);
        state.AddBalance(Alice, 100);
        var before = state.Commit(_nodes);

        state.SubtractBalance(Alice, 30);
        state.AddBalance(Bob, 30);
        var after = state.ComputeRoot();

        Assert.Equal(ExpectedRoot((Alice, WithBalance(100))), before);
        Assert.Equal(ExpectedRoot((Alice, WithBalance(70)), (Bob, WithBalance(30))), after);
    }

    [Fact]
    public void Reads_see_pending_changes_before_the_root_is_computed()
    {
        var state = new WorldState(_nodes);

        state.AddBalance(Alice, 5);
        state.IncrementNonce(Alice);
        state.IncrementNonce(Alice);

        Assert.Equal((UInt256)5u, state.GetBalance(Alice));
        Assert.Equal(2ul, state.GetNonce(Alice));
        Assert.True(state.AccountExists(Alice));
    }

    [Fact]
    public void Debit_beyond_the_balance_throws_and_changes_nothing()
    {
        var state = new WorldState(_nodes);
        state.AddBalance(Alice, 10);

        var error = Assert.Throws<InsufficientBalanceException>(() => state.SubtractBalance(Alice, 11));

        Assert.Equal(Alice, error.Address);
        Assert.Equal((UInt256)10u, error.Balance);
        Assert.Equal((UInt256)11u, error.Amount);
        Assert.Equal((UInt256)10u, state.GetBalance(Alice));
    }

    [Fact]
    public void Credit_past_the_maximum_balance_throws_and_changes_nothing()
    {
        var state = new WorldState(_nodes);
        state.AddBalance(Alice, UInt256.MaxValue);

        Assert.Throws<BalanceOverflowException>(() => state.AddBalance(Alice, 1));
        Assert.Equal(UInt256.MaxValue, state.GetBalance(Alice));
    }

    [Fact]
    public void Nonce_increment_past_the_maximum_throws_and_changes_nothing()
    {
        var state = new WorldState(_nodes);
        state.SetNonce(Alice, ulong.MaxValue);

        Assert.Throws<NonceOverflowException>(() => state.IncrementNonce(Alice));
        Assert.Equal(ulong.MaxValue, state.GetNonce(Alice));
    }

    [Fact]
    public void Account_emptied_by_a_debit_is_deleted_from_the_trie()
    {
        var state = new WorldState(_nodes);
        state.AddBalance(Alice, 10);
        state.AddBalance(Bob, 1);
        state.Commit(_nodes);

        state.SubtractBalance(Alice, 10);

        Assert.Null(state.GetAccount(Alice));
        Assert.Equal(ExpectedRoot((Bob, WithBalance(1))), state.Commit(_nodes));
        Assert.Null(new WorldState(_nodes, state.StateRoot).GetAccount(Alice));
    }

    [Fact]
    public void Zero_credit_to_an_absent_account_creates_nothing()
    {
        var state = new WorldState(_nodes);

        state.AddBalance(Alice, 0);

        Assert.Null(state.GetAccount(Alice));
        Assert.Equal(PatriciaTrie.EmptyRootHash, state.ComputeRoot());
    }

    [Fact]
    public void Account_with_a_nonce_is_not_empty_and_stays()
    {
        var state = new WorldState(_nodes);

        state.IncrementNonce(Alice);

        Assert.Equal(ExpectedRoot((Alice, WithBalance(0, nonce: 1))), state.ComputeRoot());
    }

    [Fact]
    public void Account_with_only_storage_is_not_empty()
    {
        var state = new WorldState(_nodes);

        state.SetStorage(Staking, [1], [0x42]);
        var root = state.Commit(_nodes);

        var storageRoot = ExpectedStorageRoot(([1], [0x42]));
        Assert.Equal(ExpectedRoot((Staking, Account.Empty with { StorageRoot = storageRoot })), root);
    }

    [Fact]
    public void Storage_written_after_a_zero_credit_to_a_fresh_address_creates_the_account()
    {
        var state = new WorldState(_nodes);
        state.AddBalance(Staking, UInt256.Zero);

        state.SetStorage(Staking, [1], [0x42]);

        var storageRoot = ExpectedStorageRoot(([1], [0x42]));
        Assert.Equal(ExpectedRoot((Staking, Account.Empty with { StorageRoot = storageRoot })), state.Commit(_nodes));
        Assert.Equal([0x42], state.GetStorage(Staking, [1]));
    }

    [Fact]
    public void Account_left_with_no_storage_and_nothing_else_is_deleted()
    {
        var state = new WorldState(_nodes);
        state.SetStorage(Staking, [1], [0x42]);
        state.AddBalance(Bob, 1);
        state.Commit(_nodes);

        state.SetStorage(Staking, [1], []);

        Assert.Equal(ExpectedRoot((Bob, WithBalance(1))), state.Commit(_nodes));
        Assert.Null(state.GetAccount(Staking));
    }

    [Fact]
    public void Imported_empty_account_stays_until_a_change_touches_it()
    {
        var state = new WorldState(_nodes);
        state.SetAccount(Alice, Account.Empty);
        var imported = state.Commit(_nodes);

        state.AddBalance(Alice, 0);
        var touched = state.Commit(_nodes);

        Assert.Equal(ExpectedRoot((Alice, Account.Empty)), imported);
        Assert.Equal(PatriciaTrie.EmptyRootHash, touched);
    }

    [Fact]
    public void Setting_storage_updates_the_storage_root_of_the_account()
    {
        var state = new WorldState(_nodes);
        state.AddBalance(Alice, 1);

        state.SetStorage(Alice, [1], [0xaa, 0xbb]);
        state.SetStorage(Alice, Bytes("0x0102030405"), Bytes("0xc3010203"));
        state.ComputeRoot();

        var expected = ExpectedStorageRoot(([1], [0xaa, 0xbb]), (Bytes("0x0102030405"), Bytes("0xc3010203")));
        Assert.Equal(expected, state.GetAccount(Alice)!.Value.StorageRoot);
    }

    [Fact]
    public void Deleting_storage_restores_the_previous_storage_root()
    {
        var state = new WorldState(_nodes);
        state.AddBalance(Alice, 1);
        state.SetStorage(Alice, [1], [0xaa]);
        state.Commit(_nodes);
        var withOne = state.GetAccount(Alice)!.Value.StorageRoot;

        state.SetStorage(Alice, [2], [0xbb]);
        state.Commit(_nodes);
        state.SetStorage(Alice, [2], []);
        state.Commit(_nodes);

        Assert.Equal(withOne, state.GetAccount(Alice)!.Value.StorageRoot);
        Assert.Null(state.GetStorage(Alice, [2]));
    }

    [Fact]
    public void Storage_values_of_any_length_read_back_exactly()
    {
        var state = new WorldState(_nodes);
        var record = new byte[300];
        record.AsSpan().Fill(0x5a);

        state.SetStorage(Staking, [7], record);
        state.SetStorage(Staking, [8], [0x00]);
        state.Commit(_nodes);

        Assert.Equal(record, state.GetStorage(Staking, [7]));
        Assert.Equal(new byte[] { 0x00 }, state.GetStorage(Staking, [8]));
        Assert.Null(state.GetStorage(Staking, [9]));
    }

    [Fact]
    public void Returned_storage_values_are_copies()
    {
        var state = new WorldState(_nodes);
        state.SetStorage(Staking, [7], [1, 2, 3]);

        state.GetStorage(Staking, [7])![0] = 9;

        Assert.Equal(new byte[] { 1, 2, 3 }, state.GetStorage(Staking, [7]));
    }

    [Fact]
    public void Storage_word_is_the_value_left_padded_to_32_bytes()
    {
        var word = StorageValue.ToWord([0x01, 0x02]);

        Assert.Equal(32, word.Length);
        Assert.Equal(new byte[] { 0x01, 0x02 }, word[30..]);
        Assert.All(word[..30], b => Assert.Equal(0, b));
        Assert.Equal(new byte[32], StorageValue.ToWord(null));
    }

    [Fact]
    public void Evm_word_is_stored_as_its_minimal_bytes_and_a_zero_word_deletes()
    {
        var word = new byte[32];
        word[31] = 0x07;
        word[30] = 0x01;

        Assert.Equal(new byte[] { 0x01, 0x07 }, StorageValue.FromWord(word));
        Assert.Empty(StorageValue.FromWord(new byte[32]));
        Assert.Equal(word, StorageValue.ToWord(StorageValue.FromWord(word)));
    }

    [Fact]
    public void Storage_word_of_a_record_longer_than_32_bytes_is_the_whole_record()
    {
        var record = new byte[40];
        record[0] = 0xf8;

        Assert.Equal(record, StorageValue.ToWord(record));
    }

    [Fact]
    public void Commit_continues_at_the_new_root_with_no_pending_changes()
    {
        var state = new WorldState(_nodes);
        state.AddBalance(Alice, 3);

        var root = state.Commit(_nodes);

        Assert.Equal(root, state.StateRoot);
        Assert.False(state.HasChanges);
        Assert.Equal((UInt256)3u, state.GetBalance(Alice));
        Assert.Equal(root, state.ComputeRoot());
    }

    [Fact]
    public void Commit_writes_nothing_when_nothing_changed()
    {
        var state = new WorldState(_nodes);
        state.AddBalance(Alice, 3);
        state.Commit(_nodes);
        var written = new MemoryTrieNodeStore();

        state.Commit(written);

        Assert.Equal(0, written.Count);
    }
}
