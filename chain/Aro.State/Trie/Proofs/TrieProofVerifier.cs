using Aro.Core;
using Aro.Core.Crypto;
using Aro.Core.Rlp;

namespace Aro.State.Trie;

/// <summary>
/// Checks a Merkle proof against nothing but a root hash and a key: no trie, no storage. The proof
/// must be exactly the path <see cref="TrieProof.Create(PatriciaTrie, ReadOnlySpan{byte})"/> produces,
/// in order: each hashed node must follow its parent, and no node may be left over.
/// </summary>
public static class TrieProofVerifier
{
    private const int BranchItems = 17;
    private const int ShortItems = 2;
    private const int StackPathLimit = 128;

    /// <summary>The value <paramref name="proof"/> shows for <paramref name="key"/> under <paramref name="root"/>, or absence.</summary>
    /// <exception cref="TrieProofException">The proof is forged, truncated, padded or malformed.</exception>
    public static TrieProofResult Verify(in Hash256 root, ReadOnlySpan<byte> key, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (proof.Count == 0)
        {
            return root == PatriciaTrie.EmptyRootHash
                ? TrieProofResult.Absent
                : throw new TrieProofException(TrieProofError.Incomplete, 0);
        }

        Span<byte> path = key.Length <= Nibbles.StackKeyLimit ? stackalloc byte[key.Length * 2] : new byte[key.Length * 2];
        Nibbles.FromBytes(key, path);

        var index = 0;
        scoped ReadOnlySpan<byte> node = NodeWithHash(proof, index, root.Bytes);
        try
        {
            while (true)
            {
                var step = Step(node, ref path, out var reference, index);
                if (step != Outcome.Descend)
                {
                    if (index != proof.Count - 1)
                    {
                        throw new TrieProofException(TrieProofError.UnusedNodes, index + 1);
                    }

                    return step == Outcome.Found ? TrieProofResult.Present(reference.ToArray()) : TrieProofResult.Absent;
                }

                if (reference.Length == Hash256.Size)
                {
                    node = NodeWithHash(proof, ++index, reference);
                }
                else
                {
                    node = reference;
                }
            }
        }
        catch (RlpException ex)
        {
            throw new TrieProofException(TrieProofError.MalformedNode, index, ex);
        }
    }

    private enum Outcome
    {
        Descend,
        Found,
        Absent,
    }

    /// <summary>
    /// Follows <paramref name="path"/> through one node. On <see cref="Outcome.Descend"/>,
    /// <paramref name="next"/> is the child: a 32-byte hash or an embedded node's RLP; on
    /// <see cref="Outcome.Found"/> it is the value.
    /// </summary>
    private static Outcome Step(ReadOnlySpan<byte> node, ref Span<byte> path, out ReadOnlySpan<byte> next, int index)
    {
        next = default;
        var outer = new RlpReader(node);
        var items = outer.ReadList();
        outer.EnsureEnd();

        var count = 0;
        for (var counter = items; counter.HasMore; count++)
        {
            counter.Skip();
        }

        if (count == BranchItems)
        {
            if (path.IsEmpty)
            {
                for (var i = 0; i < BranchItems - 1; i++)
                {
                    ReadReference(ref items, index);
                }

                next = items.ReadBytes();
                return next.IsEmpty ? Outcome.Absent : Outcome.Found;
            }

            for (var i = 0; i < path[0]; i++)
            {
                items.Skip();
            }

            next = ReadReference(ref items, index);
            path = path[1..];
            return next.IsEmpty ? Outcome.Absent : Outcome.Descend;
        }

        if (count != ShortItems)
        {
            throw new TrieProofException(TrieProofError.MalformedNode, index);
        }

        var encodedPath = items.ReadBytes();
        var capacity = encodedPath.Length * 2;
        Span<byte> nibbles = capacity <= StackPathLimit ? stackalloc byte[capacity] : new byte[capacity];
        if (!HexPrefix.TryDecode(encodedPath, nibbles, out var length, out var isLeaf))
        {
            throw new TrieProofException(TrieProofError.MalformedNode, index);
        }

        nibbles = nibbles[..length];
        if (isLeaf)
        {
            next = items.ReadBytes();
            if (next.IsEmpty)
            {
                throw new TrieProofException(TrieProofError.MalformedNode, index);
            }

            return path.SequenceEqual(nibbles) ? Outcome.Found : Outcome.Absent;
        }

        next = ReadReference(ref items, index);
        if (nibbles.IsEmpty || next.IsEmpty)
        {
            throw new TrieProofException(TrieProofError.MalformedNode, index);
        }

        if (!path.StartsWith(nibbles))
        {
            return Outcome.Absent;
        }

        path = path[nibbles.Length..];
        return Outcome.Descend;
    }

    /// <summary>A child reference: empty, a 32-byte hash, or an embedded node (under 32 bytes of RLP).</summary>
    private static ReadOnlySpan<byte> ReadReference(scoped ref RlpReader items, int index)
    {
        if (items.IsNextList)
        {
            var embedded = items.ReadRaw();
            return embedded.Length < Hash256.Size
                ? embedded
                : throw new TrieProofException(TrieProofError.MalformedNode, index);
        }

        var hash = items.ReadBytes();
        return hash.Length is 0 or Hash256.Size
            ? hash
            : throw new TrieProofException(TrieProofError.MalformedNode, index);
    }

    private static byte[] NodeWithHash(IReadOnlyList<byte[]> proof, int index, ReadOnlySpan<byte> expectedHash)
    {
        if (index >= proof.Count)
        {
            throw new TrieProofException(TrieProofError.Incomplete, index);
        }

        var node = proof[index] ?? throw new TrieProofException(TrieProofError.MalformedNode, index);
        Span<byte> actual = stackalloc byte[Keccak256.Size];
        Keccak256.Hash(node, actual);
        return actual.SequenceEqual(expectedHash)
            ? node
            : throw new TrieProofException(TrieProofError.HashMismatch, index);
    }
}
