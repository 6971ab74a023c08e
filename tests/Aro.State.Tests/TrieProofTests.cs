using System.Text;
using Aro.Core;
using Aro.Core.Crypto;
using Aro.State.Trie;
using Aro.Testing;

namespace Aro.State.Tests;

public class TrieProofTests
{
    [Theory]
    [InlineData("trietest.json", 5)]
    [InlineData("trieanyorder.json", 7)]
    public void Every_key_of_the_vector_tries_has_a_verifying_proof(string file, int cases)
    {
        using var document = TrieVectors.Load(file);
        var run = new VectorRun(file + " proofs");
        foreach (var testCase in document.RootElement.EnumerateObject())
        {
            run.Case(testCase.Name, () =>
            {
                var operations = TrieVectors.Operations(testCase.Value);
                var state = TrieVectors.FinalState(operations);
                var trie = new PatriciaTrie(new MemoryTrieNodeStore());
                foreach (var (key, value) in operations)
                {
                    trie.Set(key, value ?? []);
                }

                foreach (var (key, _) in operations)
                {
                    var result = TrieProofVerifier.Verify(trie.RootHash, key, TrieProof.Create(trie, key));
                    Assert.Equal(state.GetValueOrDefault(Convert.ToHexString(key)), result.Value);
                }

                foreach (var absent in new[] { "", "d", "dogs", "zzz", "0x00" })
                {
                    var key = Encoding.ASCII.GetBytes(absent);
                    if (!state.ContainsKey(Convert.ToHexString(key)))
                    {
                        Assert.False(TrieProofVerifier.Verify(trie.RootHash, key, TrieProof.Create(trie, key)).Exists);
                    }
                }
            });
        }

        run.AssertAll(atLeast: cases);
    }

    [Fact]
    public void Proofs_of_inclusion_and_exclusion_verify_on_a_random_committed_trie()
    {
        var random = new Random(11);
        var keys = Enumerable.Range(0, 600).Select(_ => TriePropertyTests.RandomKey(random)).DistinctBy(Convert.ToHexString).ToArray();
        var present = keys[..400];
        var values = present.ToDictionary(Convert.ToHexString, _ => TriePropertyTests.RandomValue(random));
        var store = new MemoryTrieNodeStore();
        var root = Build(present, k => values[Convert.ToHexString(k)]).Commit(store);
        var trie = new PatriciaTrie(store, root);

        foreach (var key in keys)
        {
            var result = TrieProofVerifier.Verify(root, key, TrieProof.Create(trie, key));
            Assert.Equal(values.GetValueOrDefault(Convert.ToHexString(key)), result.Value);
        }
    }

    [Fact]
    public void Secure_trie_proof_verifies_with_the_hashed_key()
    {
        using var document = TrieVectors.Load("hex_encoded_securetrie_test.json");
        var operations = TrieVectors.Operations(document.RootElement.GetProperty("test1"));
        var trie = new SecureTrie(new MemoryTrieNodeStore());
        foreach (var (address, account) in operations)
        {
            trie.Set(address, account!);
        }

        Assert.Equal(TrieVectors.ExpectedRoot(document.RootElement.GetProperty("test1")), trie.RootHash);
        foreach (var (address, account) in operations)
        {
            var proof = TrieProof.Create(trie, address);
            Assert.Equal(account, TrieProofVerifier.Verify(trie.RootHash, Keccak256.Hash(address).Bytes, proof).Value);
            Assert.False(ProvesValue(trie.RootHash, address, proof));
        }
    }

    [Fact]
    public void Empty_trie_proves_absence_with_an_empty_proof()
    {
        var trie = new PatriciaTrie(new MemoryTrieNodeStore());
        var proof = TrieProof.Create(trie, [1, 2]);

        Assert.Empty(proof);
        Assert.False(TrieProofVerifier.Verify(PatriciaTrie.EmptyRootHash, [1, 2], proof).Exists);
    }

    [Fact]
    public void Empty_proof_for_a_non_empty_root_is_incomplete()
    {
        var trie = Sample();
        AssertRejected(TrieProofError.Incomplete, () => TrieProofVerifier.Verify(trie.RootHash, Key(1), []));
    }

    [Fact]
    public void Flipping_any_byte_of_any_proof_node_is_rejected()
    {
        var trie = Sample();
        var proof = TrieProof.Create(trie, Key(3));
        Assert.True(proof.Count >= 3);
        for (var node = 0; node < proof.Count; node++)
        {
            for (var offset = 0; offset < proof[node].Length; offset++)
            {
                var tampered = proof.Select(n => n.ToArray()).ToList();
                tampered[node][offset] ^= 0x01;
                var error = Assert.Throws<TrieProofException>(() => TrieProofVerifier.Verify(trie.RootHash, Key(3), tampered));
                Assert.Equal(TrieProofError.HashMismatch, error.Error);
                Assert.Equal(node, error.NodeIndex);
            }
        }
    }

    [Fact]
    public void Dropping_the_last_node_makes_the_proof_incomplete()
    {
        var trie = Sample();
        var proof = TrieProof.Create(trie, Key(3));
        AssertRejected(TrieProofError.Incomplete, () => TrieProofVerifier.Verify(trie.RootHash, Key(3), proof.Take(proof.Count - 1).ToList()));
    }

    [Fact]
    public void Dropping_the_root_node_is_rejected()
    {
        var trie = Sample();
        var proof = TrieProof.Create(trie, Key(3));
        AssertRejected(TrieProofError.HashMismatch, () => TrieProofVerifier.Verify(trie.RootHash, Key(3), proof.Skip(1).ToList()));
    }

    [Fact]
    public void Swapping_two_nodes_is_rejected()
    {
        var trie = Sample();
        var proof = TrieProof.Create(trie, Key(3)).ToList();
        (proof[1], proof[2]) = (proof[2], proof[1]);
        AssertRejected(TrieProofError.HashMismatch, () => TrieProofVerifier.Verify(trie.RootHash, Key(3), proof));
    }

    [Fact]
    public void Proof_checked_against_another_root_is_rejected()
    {
        var trie = Sample();
        var proof = TrieProof.Create(trie, Key(3));
        var otherRoot = Keccak256.Hash(trie.RootHash.Bytes);
        AssertRejected(TrieProofError.HashMismatch, () => TrieProofVerifier.Verify(otherRoot, Key(3), proof));
    }

    [Fact]
    public void Proof_with_an_extra_node_is_rejected()
    {
        var trie = Sample();
        var proof = TrieProof.Create(trie, Key(3)).Append(TrieProof.Create(trie, Key(4))[^1]).ToList();
        AssertRejected(TrieProofError.UnusedNodes, () => TrieProofVerifier.Verify(trie.RootHash, Key(3), proof));
    }

    [Fact]
    public void Proof_for_one_key_does_not_prove_a_key_on_another_path()
    {
        var trie = Sample();
        var proof = TrieProof.Create(trie, Key(3));
        var error = Assert.Throws<TrieProofException>(() => TrieProofVerifier.Verify(trie.RootHash, Key(4), proof));
        Assert.True(error.Error is TrieProofError.HashMismatch or TrieProofError.Incomplete or TrieProofError.UnusedNodes);
    }

    [Theory]
    [InlineData("c3010203", TrieProofError.MalformedNode)] // three items
    [InlineData("c2408180", TrieProofError.MalformedNode)] // unknown hex-prefix flag
    [InlineData("c22080", TrieProofError.MalformedNode)] // leaf with an empty value
    [InlineData("c1", TrieProofError.MalformedNode)] // truncated RLP
    [InlineData("c51183001234", TrieProofError.MalformedNode)] // 3-byte child reference
    public void Node_that_hashes_right_but_is_no_trie_node_is_malformed(string rlpHex, TrieProofError expected)
    {
        var node = Hex.Decode(rlpHex);
        AssertRejected(expected, () => TrieProofVerifier.Verify(Keccak256.Hash(node), [0x12], [node]));
    }

    private static PatriciaTrie Sample()
    {
        var trie = Build(Enumerable.Range(0, 500).Select(Key), k => Keccak256.Hash(k).ToArray());
        trie.Commit(new MemoryTrieNodeStore());
        return trie;
    }

    private static byte[] Key(int i) => Keccak256.Hash(BitConverter.GetBytes(i)).ToArray();

    private static PatriciaTrie Build(IEnumerable<byte[]> keys, Func<byte[], byte[]?> value)
    {
        var trie = new PatriciaTrie(new MemoryTrieNodeStore());
        foreach (var key in keys)
        {
            var v = value(key);
            if (v is not null)
            {
                trie.Set(key, v);
            }
        }

        return trie;
    }

    private static bool ProvesValue(Hash256 root, byte[] key, IReadOnlyList<byte[]> proof)
    {
        try
        {
            return TrieProofVerifier.Verify(root, key, proof).Exists;
        }
        catch (TrieProofException)
        {
            return false;
        }
    }

    private static void AssertRejected(TrieProofError expected, Func<TrieProofResult> verify) =>
        Assert.Equal(expected, Assert.Throws<TrieProofException>(() => verify()).Error);
}
