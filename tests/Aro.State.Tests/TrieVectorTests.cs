using System.Text.Json;
using Aro.State.Trie;
using Aro.Testing;

namespace Aro.State.Tests;

/// <summary>ethereum/tests TrieTests: the root after applying each case, plain and secure.</summary>
public class TrieVectorTests
{
    private const int ShufflesPerCase = 6;

    [Theory]
    [InlineData("trietest.json", false, 5)]
    [InlineData("trietest_secureTrie.json", true, 3)]
    public void Ordered_operations_give_the_expected_root(string file, bool secure, int cases)
    {
        using var document = TrieVectors.Load(file);
        var run = new VectorRun(file);
        foreach (var testCase in document.RootElement.EnumerateObject())
        {
            run.Case(testCase.Name, () =>
            {
                var operations = TrieVectors.Operations(testCase.Value);
                var expected = TrieVectors.ExpectedRoot(testCase.Value);
                Assert.Equal(expected, Apply(operations, secure).RootHash);
            });
        }

        run.AssertAll(atLeast: cases);
    }

    [Theory]
    [InlineData("trieanyorder.json", false, 7)]
    [InlineData("trieanyorder_secureTrie.json", true, 7)]
    [InlineData("hex_encoded_securetrie_test.json", true, 3)]
    public void Any_insertion_order_gives_the_expected_root(string file, bool secure, int cases)
    {
        using var document = TrieVectors.Load(file);
        var run = new VectorRun(file);
        foreach (var testCase in document.RootElement.EnumerateObject())
        {
            run.Case(testCase.Name, () =>
            {
                var operations = TrieVectors.Operations(testCase.Value);
                var expected = TrieVectors.ExpectedRoot(testCase.Value);
                var random = new Random(StableSeed(testCase.Name));
                Assert.Equal(expected, Apply(operations, secure).RootHash);
                Assert.Equal(expected, Apply(Enumerable.Reverse(operations).ToList(), secure).RootHash);
                for (var i = 0; i < ShufflesPerCase; i++)
                {
                    var shuffled = operations.ToArray();
                    random.Shuffle(shuffled);
                    Assert.Equal(expected, Apply(shuffled, secure).RootHash);
                }
            });
        }

        run.AssertAll(atLeast: cases);
    }

    [Theory]
    [InlineData("trietest.json", false, 5)]
    [InlineData("trietest_secureTrie.json", true, 3)]
    [InlineData("trieanyorder.json", false, 7)]
    [InlineData("trieanyorder_secureTrie.json", true, 7)]
    [InlineData("hex_encoded_securetrie_test.json", true, 3)]
    public void Committed_vector_trie_reopens_with_the_same_root_and_values(string file, bool secure, int cases)
    {
        using var document = TrieVectors.Load(file);
        var run = new VectorRun(file);
        foreach (var testCase in document.RootElement.EnumerateObject())
        {
            run.Case(testCase.Name, () =>
            {
                var operations = TrieVectors.Operations(testCase.Value);
                var store = new MemoryTrieNodeStore();
                var root = Apply(operations, secure).Commit(store);

                Assert.Equal(TrieVectors.ExpectedRoot(testCase.Value), root);
                var reopened = new TrieView(store, root, secure);
                foreach (var (key, value) in operations)
                {
                    var expected = TrieVectors.FinalState(operations).GetValueOrDefault(Convert.ToHexString(key));
                    Assert.Equal(expected, reopened.Get(key));
                }
            });
        }

        run.AssertAll(atLeast: cases);
    }

    internal static TrieView Apply(IReadOnlyList<(byte[] Key, byte[]? Value)> operations, bool secure)
    {
        var trie = new TrieView(new MemoryTrieNodeStore(), PatriciaTrie.EmptyRootHash, secure);
        foreach (var (key, value) in operations)
        {
            if (value is null)
            {
                trie.Delete(key);
            }
            else
            {
                trie.Set(key, value);
            }
        }

        return trie;
    }

    private static int StableSeed(string name)
    {
        var seed = 17;
        foreach (var c in name)
        {
            seed = unchecked((seed * 31) + c);
        }

        return seed;
    }
}

/// <summary>One face for plain and secure tries so each vector file runs through the same test.</summary>
internal sealed class TrieView
{
    private readonly PatriciaTrie? _plain;
    private readonly SecureTrie? _secure;

    public TrieView(MemoryTrieNodeStore store, Aro.Core.Hash256 root, bool secure)
    {
        if (secure)
        {
            _secure = new SecureTrie(store, root);
        }
        else
        {
            _plain = new PatriciaTrie(store, root);
        }
    }

    public Aro.Core.Hash256 RootHash => _plain?.RootHash ?? _secure!.RootHash;

    public byte[]? Get(byte[] key) => _plain is not null ? _plain.Get(key) : _secure!.Get(key);

    public void Set(byte[] key, byte[] value)
    {
        if (_plain is not null)
        {
            _plain.Set(key, value);
        }
        else
        {
            _secure!.Set(key, value);
        }
    }

    public void Delete(byte[] key)
    {
        if (_plain is not null)
        {
            _plain.Delete(key);
        }
        else
        {
            _secure!.Delete(key);
        }
    }

    public Aro.Core.Hash256 Commit(ITrieNodeWriter writer) => _plain is not null ? _plain.Commit(writer) : _secure!.Commit(writer);
}
