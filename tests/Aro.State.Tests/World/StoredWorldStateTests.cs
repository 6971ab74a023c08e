using Aro.Core;
using Aro.State.Trie;
using Aro.State.World;
using Aro.Storage.RocksDb;
using Aro.Storage;
using Aro.Testing;
using static Aro.State.Tests.World.StateFixtures;

namespace Aro.State.Tests.World;

/// <summary>World state committed through a real RocksDB write batch in a temporary directory.</summary>
public sealed class StoredWorldStateTests : IDisposable
{
    private readonly TempDirectory _temp = new("aro-world");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void State_committed_to_RocksDB_reopens_at_its_root_after_the_database_is_closed()
    {
        Hash256 root;
        using (var store = RocksDbStore.Open(_temp.Path))
        {
            var state = new WorldState(new StoreTrieNodes(store));
            for (var i = 0; i < 200; i++)
            {
                state.AddBalance(AddressOf(i), (ulong)(i + 1));
                state.SetNonce(AddressOf(i), (ulong)i);
            }

            var staking = state.GetModuleStore(Staking);
            for (var i = 0; i < 50; i++)
            {
                staking.Set([0x21, (byte)i], [0xc2, (byte)i, 0x01]);
            }

            using var batch = store.CreateBatch();
            root = state.Commit(new TrieNodeBatch(batch));
            batch.Commit(sync: true);
        }

        using (var store = RocksDbStore.Open(_temp.Path))
        {
            var reopened = new WorldState(new StoreTrieNodes(store), root);
            for (var i = 0; i < 200; i++)
            {
                Assert.Equal((UInt256)(ulong)(i + 1), reopened.GetBalance(AddressOf(i)));
                Assert.Equal((ulong)i, reopened.GetNonce(AddressOf(i)));
            }

            var staking = reopened.GetModuleStore(Staking);
            for (var i = 0; i < 50; i++)
            {
                Assert.Equal(new byte[] { 0xc2, (byte)i, 0x01 }, staking.Get([0x21, (byte)i]));
            }

            Assert.Equal(root, reopened.ComputeRoot());
        }
    }

    [Fact]
    public void Proofs_from_a_state_reopened_over_a_RocksDB_snapshot_verify()
    {
        using var store = RocksDbStore.Open(_temp.Path);
        var state = new WorldState(new StoreTrieNodes(store));
        for (var i = 0; i < 50; i++)
        {
            state.AddBalance(AddressOf(i), (ulong)(i + 1));
        }

        state.GetModuleStore(Staking).Set([0x21, 0x01], [0xc1, 0x01]);
        using (var batch = store.CreateBatch())
        {
            state.Commit(new TrieNodeBatch(batch));
            batch.Commit(sync: false);
        }

        using var snapshot = store.CreateSnapshot();
        var reader = new WorldState(new StoreTrieNodes(snapshot), state.StateRoot);
        var proof = reader.GetProof(Staking, [[0x21, 0x01]]);

        var account = StateProofVerifier.VerifyAccount(state.StateRoot, Staking, proof.Proof)!.Value;
        Assert.Equal(new byte[] { 0xc1, 0x01 }, StateProofVerifier.VerifyStorage(account.StorageRoot, [0x21, 0x01], proof.StorageProofs[0].Proof));
        Assert.Equal((UInt256)7u, StateProofVerifier.VerifyAccount(state.StateRoot, AddressOf(6), reader.GetProof(AddressOf(6), []).Proof)!.Value.Balance);
    }

    [Fact]
    public void Nothing_reaches_the_store_until_the_callers_batch_is_committed()
    {
        using var store = RocksDbStore.Open(_temp.Path);
        var state = new WorldState(new StoreTrieNodes(store));
        state.AddBalance(Alice, 1);
        state.SetStorage(Staking, [1], [2]);

        using var batch = store.CreateBatch();
        var root = state.Commit(new TrieNodeBatch(batch));

        Assert.False(store.TryGet(Columns.TrieNodes, root.Bytes, out _));
        batch.Commit(sync: false);
        Assert.True(store.TryGet(Columns.TrieNodes, root.Bytes, out _));
    }

    [Fact]
    public void State_keeps_reading_its_own_commit_before_the_batch_is_written()
    {
        using var store = RocksDbStore.Open(_temp.Path);
        var state = new WorldState(new StoreTrieNodes(store));
        state.SetStorage(Staking, [1], [2]);
        using var batch = store.CreateBatch();
        state.Commit(new TrieNodeBatch(batch));

        Assert.Equal(new byte[] { 2 }, state.GetStorage(Staking, [1]));
        Assert.NotNull(state.GetProof(Staking, [[1]]));
    }

    [Fact]
    public void Block_by_block_commits_keep_every_root_readable_from_a_snapshot()
    {
        using var store = RocksDbStore.Open(_temp.Path);
        var state = new WorldState(new StoreTrieNodes(store));
        var roots = new List<Hash256>();
        for (var block = 0; block < 5; block++)
        {
            state.AddBalance(Alice, 10);
            state.SetStorage(Staking, [(byte)block], [(byte)(block + 1)]);
            using var batch = store.CreateBatch();
            roots.Add(state.Commit(new TrieNodeBatch(batch)));
            batch.Commit(sync: false);
        }

        using var snapshot = store.CreateSnapshot();
        for (var block = 0; block < 5; block++)
        {
            var past = new WorldState(new StoreTrieNodes(snapshot), roots[block]);
            Assert.Equal((UInt256)(ulong)(10 * (block + 1)), past.GetBalance(Alice));
            Assert.Equal(new byte[] { (byte)(block + 1) }, past.GetStorage(Staking, [(byte)block]));
            Assert.Null(past.GetStorage(Staking, [(byte)(block + 1)]));
        }
    }
}
