using System.Text;
using Aro.Core;
using Aro.Core.Crypto;
using Aro.State.Trie;

namespace Aro.State.Tests;

public class PatriciaTrieTests
{
    private static readonly byte[][] Keys = Enumerable.Range(0, 300).Select(i => Keccak256.Hash(BitConverter.GetBytes(i)).ToArray()).ToArray();

    [Fact]
    public void Empty_trie_has_the_keccak_of_the_empty_string_rlp_as_root()
    {
        Assert.Equal(Hash256.Parse("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421"), new PatriciaTrie(new MemoryTrieNodeStore()).RootHash);
    }

    [Fact]
    public void Absent_key_reads_as_null()
    {
        var trie = Filled(new MemoryTrieNodeStore(), 50);
        Assert.Null(trie.Get(Keys[60]));
        Assert.Null(trie.Get([]));
        Assert.Null(trie.Get(Keys[0].AsSpan(0, 31)));
    }

    [Fact]
    public void Setting_an_empty_value_deletes_the_key()
    {
        var trie = Filled(new MemoryTrieNodeStore(), 10);
        var withoutKey = Filled(new MemoryTrieNodeStore(), 10);
        withoutKey.Delete(Keys[3]);

        trie.Set(Keys[3], []);

        Assert.Null(trie.Get(Keys[3]));
        Assert.Equal(withoutKey.RootHash, trie.RootHash);
    }

    [Fact]
    public void Deleting_an_absent_key_keeps_the_root()
    {
        var trie = Filled(new MemoryTrieNodeStore(), 20);
        var root = trie.RootHash;
        trie.Delete(Keys[25]);
        Assert.Equal(root, trie.RootHash);
    }

    [Fact]
    public void Value_under_the_empty_key_is_stored_and_deleted()
    {
        var trie = new PatriciaTrie(new MemoryTrieNodeStore());
        trie.Set([], [1]);
        trie.Set([0x12], [2]);
        Assert.Equal([1], trie.Get([]));
        trie.Delete([]);
        Assert.Null(trie.Get([]));
        Assert.Equal([2], trie.Get([0x12]));
        Assert.Equal(ReferenceTrie.Root([new([0x12], [2])]), trie.RootHash);
    }

    [Fact]
    public void Commit_stores_every_node_the_reopened_trie_needs()
    {
        var store = new MemoryTrieNodeStore();
        var root = Filled(store, 200).Commit(store);
        var reopened = new PatriciaTrie(store, root);
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(Value(i), reopened.Get(Keys[i]));
        }
    }

    [Fact]
    public void Second_commit_without_changes_writes_nothing()
    {
        var store = new CountingNodeStore();
        var trie = Filled(store, 100);
        trie.Commit(store);
        store.Written.Clear();

        trie.Commit(store);
        trie.Set(Keys[7], Value(7));
        trie.Delete(Keys[150]);
        trie.Commit(store);

        Assert.Empty(store.Written);
    }

    [Fact]
    public void Commit_after_one_change_writes_only_the_nodes_on_its_path()
    {
        var store = new CountingNodeStore();
        var trie = Filled(store, 200);
        trie.Commit(store);
        var before = store.Inner.Count;
        store.Written.Clear();

        trie.Set(Keys[5], [9, 9, 9]);
        trie.Commit(store);

        // 200 random keys: a root branch, at most a few levels of branches, then the leaf.
        Assert.InRange(store.Written.Count, 2, 5);
        Assert.Equal(before + store.Written.Count, store.Inner.Count);
    }

    [Fact]
    public void Reopened_trie_loads_only_the_nodes_on_a_read_path()
    {
        var store = new CountingNodeStore();
        var root = Filled(store, 200).Commit(store);
        var reopened = new PatriciaTrie(store, root);

        Assert.Equal(Value(42), reopened.Get(Keys[42]));
        Assert.InRange(store.Reads, 2, 5);
    }

    [Fact]
    public void Changes_on_a_reopened_trie_match_the_same_changes_in_memory()
    {
        var store = new MemoryTrieNodeStore();
        var memory = Filled(store, 120);
        var reopened = new PatriciaTrie(store, memory.Commit(store));

        foreach (var trie in new[] { memory, reopened })
        {
            for (var i = 0; i < 120; i += 3)
            {
                trie.Delete(Keys[i]);
            }

            trie.Set(Keys[200], Value(200));
        }

        Assert.Equal(memory.RootHash, reopened.RootHash);
    }

    [Fact]
    public void Root_smaller_than_a_hash_is_stored_under_its_hash()
    {
        var store = new MemoryTrieNodeStore();
        var trie = new PatriciaTrie(store);
        trie.Set([1], [2]);
        var root = trie.Commit(store);

        Assert.True(store.TryGet(root, out var rlp));
        Assert.True(rlp.Length < 32);
        Assert.Equal([2], new PatriciaTrie(store, root).Get([1]));
    }

    [Fact]
    public void Missing_node_raises_MissingTrieNodeException_with_its_hash()
    {
        var root = Keccak256.Hash(Encoding.ASCII.GetBytes("not stored"));
        var trie = new PatriciaTrie(new MemoryTrieNodeStore(), root);

        var error = Assert.Throws<MissingTrieNodeException>(() => trie.Get([1]));
        Assert.Equal(root, error.NodeHash);
    }

    [Theory]
    [InlineData("c3010203")] // three items
    [InlineData("c2")] // truncated list
    [InlineData("c22080")] // leaf with an empty value
    [InlineData("c3820012")] // a single item
    [InlineData("c51183001234")] // extension child reference of 3 bytes
    [InlineData("c2408180")] // unknown hex-prefix flag
    [InlineData("c20080")] // extension with an empty path and no child
    public void Malformed_stored_node_raises_TrieNodeFormatException(string rlpHex)
    {
        var store = new MemoryTrieNodeStore();
        var rlp = Hex.Decode(rlpHex);
        var root = Keccak256.Hash(rlp);
        store.Put(root, rlp);

        var error = Assert.Throws<TrieNodeFormatException>(() => new PatriciaTrie(store, root).Get([1]));
        Assert.Equal(root, error.NodeHash);
    }

    [Fact]
    public void Embedded_child_of_32_bytes_or_more_is_malformed()
    {
        // An extension whose child is inlined although its RLP is 34 bytes long.
        var inner = new byte[34];
        inner[0] = 0xe1;
        inner[1] = 0x20;
        inner[2] = 0x9f;
        var node = new byte[] { 0xe4, 0x11 }.Concat(inner).ToArray();
        node[0] = (byte)(0xc0 + node.Length - 1);
        var store = new MemoryTrieNodeStore();
        var root = Keccak256.Hash(node);
        store.Put(root, node);

        var error = Assert.Throws<TrieNodeFormatException>(() => new PatriciaTrie(store, root).Get([0x10]));
        Assert.Contains("embedded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Secure_trie_stores_values_under_the_keccak_of_the_key()
    {
        var store = new MemoryTrieNodeStore();
        var secure = new SecureTrie(store);
        var plain = new PatriciaTrie(store);
        var address = Hex.Decode("0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b");

        secure.Set(address, [7]);
        plain.Set(Keccak256.Hash(address).Bytes, [7]);

        Assert.Equal(plain.RootHash, secure.RootHash);
        Assert.Equal([7], secure.Get(address));
        Assert.Equal([7], secure.Inner.Get(Keccak256.Hash(address).Bytes));
    }

    private static PatriciaTrie Filled(ITrieNodeReader reader, int count)
    {
        var trie = new PatriciaTrie(reader);
        for (var i = 0; i < count; i++)
        {
            trie.Set(Keys[i], Value(i));
        }

        return trie;
    }

    private static byte[] Value(int i) => Encoding.ASCII.GetBytes("value-" + i);
}
