using Aro.Core;
using Aro.Core.Crypto;
using Aro.State.Trie;
using Aro.State.Trie.Nodes;

namespace Aro.State.Tests;

/// <summary>A root hashed after many changes (subtrees spread over cores) is the one hashed change by change.</summary>
public class ParallelHashTests
{
    private const int Many = ParallelHasher.MinChanges * 8;

    [Fact]
    public void Root_after_many_inserts_equals_the_root_hashed_after_every_insert()
    {
        var batched = new PatriciaTrie(new MemoryTrieNodeStore());
        var stepwise = new PatriciaTrie(new MemoryTrieNodeStore());
        for (var i = 0; i < Many; i++)
        {
            batched.Set(Key(i), Value(i, 1));
            stepwise.Set(Key(i), Value(i, 1));
            _ = stepwise.RootHash;
        }

        Assert.Equal(stepwise.RootHash, batched.RootHash);
    }

    [Fact]
    public void Commit_after_many_changes_over_a_stored_trie_writes_what_a_stepwise_trie_writes()
    {
        var store = new MemoryTrieNodeStore();
        var committed = new PatriciaTrie(store);
        for (var i = 0; i < Many; i++)
        {
            committed.Set(Key(i), Value(i, 1));
        }

        var root = committed.Commit(store);
        var batched = new PatriciaTrie(store, root);
        var stepwise = new PatriciaTrie(store, root);
        for (var i = 0; i < Many; i += 2)
        {
            // Every other key changes, every fourth is deleted, and as many new keys arrive.
            Apply(batched, i);
            Apply(stepwise, i);
            _ = stepwise.RootHash;
        }

        var batchedNodes = new CountingNodeStore();
        var stepwiseNodes = new CountingNodeStore();
        var batchedRoot = batched.Commit(batchedNodes);
        Assert.Equal(stepwise.Commit(stepwiseNodes), batchedRoot);
        Assert.Equal(stepwiseNodes.Written.Order(), batchedNodes.Written.Order());

        var reopened = new PatriciaTrie(new CombinedReader(store, batchedNodes.Inner), batchedRoot);
        Assert.Equal(Value(2, 2), reopened.Get(Key(2)));
        Assert.Null(reopened.Get(Key(4)));
        Assert.Equal(Value(Many + 2, 2), reopened.Get(Key(Many + 2)));
    }

    private static void Apply(PatriciaTrie trie, int i)
    {
        if (i % 4 == 0)
        {
            trie.Delete(Key(i));
        }
        else
        {
            trie.Set(Key(i), Value(i, 2));
        }

        trie.Set(Key(Many + i), Value(Many + i, 2));
    }

    private static byte[] Key(int i) => Keccak256.Hash(BitConverter.GetBytes(i)).ToArray();

    private static byte[] Value(int i, byte version) => [version, .. BitConverter.GetBytes(i), .. new byte[40]];

    private sealed class CombinedReader(ITrieNodeReader first, ITrieNodeReader second) : ITrieNodeReader
    {
        public bool TryGet(in Hash256 hash, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? rlp) =>
            first.TryGet(hash, out rlp) || second.TryGet(hash, out rlp);
    }
}
