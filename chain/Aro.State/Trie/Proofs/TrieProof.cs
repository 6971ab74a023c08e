using Aro.Core;
using Aro.Core.Crypto;
using Aro.State.Trie.Nodes;

namespace Aro.State.Trie;

/// <summary>
/// Merkle proofs as eth_getProof returns them: the RLP of every node on the key's path from the
/// root down, except nodes embedded in their parent (they travel inside it). The root is always
/// included. The same list proves presence (the path ends at the key's value) or absence (the path
/// ends where the key would diverge).
/// </summary>
public static class TrieProof
{
    /// <exception cref="MissingTrieNodeException">A node on the path is not in the node store.</exception>
    public static IReadOnlyList<byte[]> Create(PatriciaTrie trie, ReadOnlySpan<byte> key)
    {
        ArgumentNullException.ThrowIfNull(trie);
        Span<byte> path = key.Length <= Nibbles.StackKeyLimit ? stackalloc byte[key.Length * 2] : new byte[key.Length * 2];
        Nibbles.FromBytes(key, path);

        var proof = new List<byte[]>();
        var node = trie.Root;
        var isRoot = true;
        while (node is not null)
        {
            node = trie.Load(node);
            var rlp = TrieNodeEncoder.GetRlp(node);
            if (isRoot || rlp.Length >= Hash256.Size)
            {
                proof.Add(rlp.AsSpan().ToArray());
            }

            isRoot = false;
            switch (node)
            {
                case ExtensionNode extension when path.StartsWith(extension.Path):
                    path = path[extension.Path.Length..];
                    node = extension.Child;
                    break;
                case BranchNode branch when !path.IsEmpty:
                    node = branch.Children[path[0]];
                    path = path[1..];
                    break;
                default:
                    // A leaf, a branch where the key ends, or a divergence: the path is complete.
                    node = null;
                    break;
            }
        }

        return proof;
    }

    /// <summary>A proof for <paramref name="key"/> in a secure trie: the path of keccak256(key).</summary>
    public static IReadOnlyList<byte[]> Create(SecureTrie trie, ReadOnlySpan<byte> key)
    {
        ArgumentNullException.ThrowIfNull(trie);
        Span<byte> hashed = stackalloc byte[Keccak256.Size];
        Keccak256.Hash(key, hashed);
        return Create(trie.Inner, hashed);
    }
}
