using Aro.Core;
using Aro.State.Trie;

namespace Aro.State.Tests;

/// <summary>
/// Random insert/delete sequences against a dictionary and an independent from-scratch root
/// builder; the trie is committed and reopened from its store part-way through every run.
/// </summary>
public class TriePropertyTests
{
    [Theory]
    [InlineData(1, 8)]
    [InlineData(2, 20)]
    [InlineData(3, 60)]
    [InlineData(4, 300)]
    public void Random_inserts_and_deletes_match_a_from_scratch_build(int seed, int keySpace)
    {
        var random = new Random(seed);
        var keys = Enumerable.Range(0, keySpace).Select(_ => RandomKey(random)).DistinctBy(Convert.ToHexString).ToArray();
        var expected = new SortedDictionary<string, KeyValuePair<byte[], byte[]>>(StringComparer.Ordinal);
        var store = new MemoryTrieNodeStore();
        var trie = new PatriciaTrie(store);

        for (var step = 0; step < 1500; step++)
        {
            var key = keys[random.Next(keys.Length)];
            var name = Convert.ToHexString(key);
            if (random.Next(10) < 6)
            {
                var value = RandomValue(random);
                trie.Set(key, value);
                expected[name] = new(key, value);
            }
            else
            {
                trie.Delete(key);
                expected.Remove(name);
            }

            if (step % 25 == 0)
            {
                Assert.Equal(ReferenceTrie.Root(expected.Values), trie.RootHash);
            }

            if (step % 200 == 199)
            {
                var root = trie.Commit(store);
                trie = new PatriciaTrie(store, root);
                Assert.Equal(root, trie.RootHash);
            }
        }

        Assert.Equal(ReferenceTrie.Root(expected.Values), trie.RootHash);
        foreach (var key in keys)
        {
            var value = expected.TryGetValue(Convert.ToHexString(key), out var entry) ? entry.Value : null;
            Assert.Equal(value, trie.Get(key));
        }

        var finalRoot = trie.Commit(store);
        var reopened = new PatriciaTrie(store, finalRoot);
        foreach (var key in keys)
        {
            Assert.Equal(trie.Get(key), reopened.Get(key));
        }
    }

    [Fact]
    public void Deleting_every_key_in_random_order_returns_to_the_empty_root()
    {
        var random = new Random(5);
        var keys = Enumerable.Range(0, 400).Select(_ => RandomKey(random)).DistinctBy(Convert.ToHexString).ToArray();
        var store = new MemoryTrieNodeStore();
        var trie = new PatriciaTrie(store);
        foreach (var key in keys)
        {
            trie.Set(key, RandomValue(random));
        }

        trie = new PatriciaTrie(store, trie.Commit(store));
        random.Shuffle(keys);
        foreach (var key in keys)
        {
            trie.Delete(key);
        }

        Assert.Equal(PatriciaTrie.EmptyRootHash, trie.RootHash);
    }

    /// <summary>Short keys sharing prefixes (keys that end inside others' paths) mixed with 32-byte keys.</summary>
    internal static byte[] RandomKey(Random random)
    {
        if (random.Next(4) == 0)
        {
            var hashed = new byte[32];
            random.NextBytes(hashed);
            return hashed;
        }

        var key = new byte[random.Next(1, 5)];
        for (var i = 0; i < key.Length; i++)
        {
            key[i] = (byte)(random.Next(4) * 0x11 + random.Next(2));
        }

        return key;
    }

    /// <summary>Values from 1 to 40 bytes, so nodes fall on both sides of the 32-byte embedding limit.</summary>
    internal static byte[] RandomValue(Random random)
    {
        var value = new byte[random.Next(1, 41)];
        random.NextBytes(value);
        return value;
    }
}
