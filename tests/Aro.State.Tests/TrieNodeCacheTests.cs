using System.Text;
using Aro.Core;
using Aro.Core.Crypto;
using Aro.State.Trie;
using Aro.State.Trie.Nodes;
using Aro.Storage.Memory;

namespace Aro.State.Tests;

public class TrieNodeCacheTests
{
    [Fact]
    public void Returns_the_node_added_under_a_hash()
    {
        var cache = new TrieNodeCache(16);
        var node = Leaf(1);
        cache.Add(Hash(1), node);

        Assert.True(cache.TryGet(Hash(1), out var found));
        Assert.Same(node, found);
    }

    [Fact]
    public void Misses_a_hash_never_added()
    {
        var cache = new TrieNodeCache(16);
        cache.Add(Hash(1), Leaf(1));

        Assert.False(cache.TryGet(Hash(2), out _));
    }

    [Fact]
    public void Never_holds_more_nodes_than_its_capacity()
    {
        var cache = new TrieNodeCache(64);
        for (var i = 0; i < 1000; i++)
        {
            cache.Add(Hash(i), Leaf(i));
        }

        var held = 0;
        for (var i = 0; i < 1000; i++)
        {
            held += cache.TryGet(Hash(i), out _) ? 1 : 0;
        }

        Assert.InRange(held, 1, 64);
    }

    [Fact]
    public void Evicts_the_entry_not_used_since_it_was_added_when_a_set_is_full()
    {
        var cache = new TrieNodeCache(2); // one set of two
        cache.Add(Hash(1), Leaf(1));
        cache.Add(Hash(2), Leaf(2));
        Assert.True(cache.TryGet(Hash(2), out _));

        cache.Add(Hash(3), Leaf(3));

        Assert.False(cache.TryGet(Hash(1), out _));
        Assert.True(cache.TryGet(Hash(2), out _));
        Assert.True(cache.TryGet(Hash(3), out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(100)]
    public void Rejects_a_capacity_that_is_not_a_power_of_two_of_at_least_two(int capacity) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrieNodeCache(capacity));

    [Fact]
    public void Readers_of_one_store_share_one_cache_and_snapshot_readers_have_their_own()
    {
        using var store = new MemoryStore();
        using var snapshot = store.CreateSnapshot();

        Assert.Same(new StoreTrieNodes(store).NodeCache, new StoreTrieNodes(store).NodeCache);
        Assert.NotSame(new StoreTrieNodes(store).NodeCache, new StoreTrieNodes(snapshot).NodeCache);
        using var other = new MemoryStore();
        Assert.NotSame(new StoreTrieNodes(store).NodeCache, new StoreTrieNodes(other).NodeCache);
    }

    [Fact]
    public void Changing_one_trie_leaves_the_cached_nodes_another_reader_of_the_store_uses_intact()
    {
        using var store = new MemoryStore();
        var builder = new PatriciaTrie(new StoreTrieNodes(store));
        for (var i = 0; i < 300; i++)
        {
            builder.Set(Key(i), Value(i, "old"));
        }

        Hash256 root;
        using (var batch = store.CreateBatch())
        {
            root = builder.Commit(new TrieNodeBatch(batch));
            batch.Commit();
        }

        var writer = new PatriciaTrie(new StoreTrieNodes(store), root);
        var reader = new PatriciaTrie(new StoreTrieNodes(store), root);
        for (var i = 0; i < 300; i++)
        {
            Assert.Equal(Value(i, "old"), reader.Get(Key(i)));
            writer.Set(Key(i), Value(i, "new"));
        }

        Assert.NotEqual(root, writer.RootHash);
        Assert.Equal(root, reader.RootHash);
        for (var i = 0; i < 300; i++)
        {
            Assert.Equal(Value(i, "old"), reader.Get(Key(i)));
            Assert.Equal(Value(i, "new"), writer.Get(Key(i)));
        }
    }

    private static Hash256 Hash(int i) => Keccak256.Hash(BitConverter.GetBytes(i));

    private static LeafNode Leaf(int i) => new([1, 2], BitConverter.GetBytes(i), isDirty: false);

    private static byte[] Key(int i) => Keccak256.Hash(BitConverter.GetBytes(i)).ToArray();

    private static byte[] Value(int i, string tag) => Encoding.ASCII.GetBytes(tag + "-" + i);
}
