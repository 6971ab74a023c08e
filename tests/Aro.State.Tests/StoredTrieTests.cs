using System.Text;
using Aro.Core.Crypto;
using Aro.Core;
using Aro.State.Trie;
using Aro.Storage.Memory;
using Aro.Storage.RocksDb;
using Aro.Storage;
using Aro.Testing;

namespace Aro.State.Tests;

/// <summary>The trie over the chain's key-value stores: RocksDB in a temporary directory, and MemoryStore.</summary>
public sealed class StoredTrieTests : IDisposable
{
    private readonly TempDirectory _temp = new("aro-trie");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Trie_committed_to_RocksDB_reopens_after_the_database_is_closed()
    {
        Hash256 root;
        using (var store = RocksDbStore.Open(_temp.Path))
        {
            var trie = new SecureTrie(new StoreTrieNodes(store));
            for (var i = 0; i < 1000; i++)
            {
                trie.Set(Key(i), Value(i));
            }

            using var batch = store.CreateBatch();
            root = trie.Commit(new TrieNodeBatch(batch));
            batch.Commit(sync: true);
        }

        using (var store = RocksDbStore.Open(_temp.Path))
        {
            var reopened = new SecureTrie(new StoreTrieNodes(store), root);
            Assert.Equal(root, reopened.RootHash);
            for (var i = 0; i < 1000; i++)
            {
                Assert.Equal(Value(i), reopened.Get(Key(i)));
            }
        }
    }

    [Fact]
    public void Random_changes_committed_block_by_block_to_RocksDB_match_a_from_scratch_build()
    {
        using var store = RocksDbStore.Open(_temp.Path);
        AssertBlockByBlockCommits(store, seed: 21);
    }

    [Fact]
    public void Random_changes_committed_block_by_block_to_MemoryStore_match_a_from_scratch_build()
    {
        using var store = new MemoryStore();
        AssertBlockByBlockCommits(store, seed: 22);
    }

    [Fact]
    public void Nodes_are_invisible_until_the_batch_is_committed()
    {
        using var store = RocksDbStore.Open(_temp.Path);
        var trie = new PatriciaTrie(new StoreTrieNodes(store));
        for (var i = 0; i < 50; i++)
        {
            trie.Set(Key(i), Value(i));
        }

        using var batch = store.CreateBatch();
        var root = trie.Commit(new TrieNodeBatch(batch));

        Assert.Throws<MissingTrieNodeException>(() => new PatriciaTrie(new StoreTrieNodes(store), root).Get(Key(1)));
        batch.Commit();
        Assert.Equal(Value(1), new PatriciaTrie(new StoreTrieNodes(store), root).Get(Key(1)));
    }

    [Fact]
    public void Trie_over_a_snapshot_keeps_reading_the_state_it_was_opened_at()
    {
        using var store = RocksDbStore.Open(_temp.Path);
        var trie = new PatriciaTrie(new StoreTrieNodes(store));
        trie.Set(Key(1), Value(1));
        var root = CommitBlock(store, trie);

        using var snapshot = store.CreateSnapshot();
        trie.Set(Key(1), Value(2));
        trie.Set(Key(2), Value(2));
        CommitBlock(store, trie);

        Assert.Equal(Value(1), new PatriciaTrie(new StoreTrieNodes(snapshot), root).Get(Key(1)));
    }

    private static void AssertBlockByBlockCommits(IKeyValueStore store, int seed)
    {
        var random = new Random(seed);
        var keys = Enumerable.Range(0, 200).Select(_ => TriePropertyTests.RandomKey(random)).DistinctBy(Convert.ToHexString).ToArray();
        var expected = new Dictionary<string, KeyValuePair<byte[], byte[]>>();
        var root = PatriciaTrie.EmptyRootHash;
        for (var block = 0; block < 20; block++)
        {
            var trie = new PatriciaTrie(new StoreTrieNodes(store), root);
            for (var change = 0; change < 40; change++)
            {
                var key = keys[random.Next(keys.Length)];
                if (random.Next(3) == 0)
                {
                    trie.Delete(key);
                    expected.Remove(Convert.ToHexString(key));
                }
                else
                {
                    var value = TriePropertyTests.RandomValue(random);
                    trie.Set(key, value);
                    expected[Convert.ToHexString(key)] = new(key, value);
                }
            }

            root = CommitBlock(store, trie);
            Assert.Equal(ReferenceTrie.Root(expected.Values), root);
        }

        var final = new PatriciaTrie(new StoreTrieNodes(store), root);
        foreach (var key in keys)
        {
            Assert.Equal(expected.GetValueOrDefault(Convert.ToHexString(key)).Value, final.Get(key));
        }
    }

    private static Hash256 CommitBlock(IKeyValueStore store, PatriciaTrie trie)
    {
        using var batch = store.CreateBatch();
        var root = trie.Commit(new TrieNodeBatch(batch));
        batch.Commit();
        return root;
    }

    private static byte[] Key(int i) => Keccak256.Hash(BitConverter.GetBytes(i)).ToArray();

    private static byte[] Value(int i) => Encoding.ASCII.GetBytes("account-" + i);
}
