using Aro.Core;
using Aro.Core.Crypto;

namespace Aro.Modules.Gpow;

/// <summary>
/// The chunk Merkle tree an edge node commits to in its work report (README §8): leaves
/// <c>keccak(0x00 ‖ chunk)</c>, inner nodes <c>keccak(0x01 ‖ left ‖ right)</c>, chunks padded with
/// empty chunks to a power of two; the proof lists siblings from the leaf up, exactly
/// ⌈log2(chunkCount)⌉ of them. Domain bytes keep a leaf from posing as an inner node.
/// </summary>
public static class StorageProof
{
    public static Hash256 Leaf(ReadOnlySpan<byte> chunk)
    {
        var buffer = new byte[chunk.Length + 1];
        chunk.CopyTo(buffer.AsSpan(1));
        return Keccak256.Hash(buffer);
    }

    public static Hash256 Node(in Hash256 left, in Hash256 right)
    {
        Span<byte> buffer = stackalloc byte[65];
        buffer[0] = 1;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[33..]);
        return Keccak256.Hash(buffer);
    }

    public static int Depth(ulong chunkCount) => chunkCount <= 1 ? 0 : 64 - System.Numerics.BitOperations.LeadingZeroCount(chunkCount - 1);

    public static bool Verify(in Hash256 root, ulong chunkCount, ulong index, ReadOnlySpan<byte> chunk, IReadOnlyList<Hash256> proof)
    {
        if (index >= chunkCount || proof.Count != Depth(chunkCount))
        {
            return false;
        }

        var node = Leaf(chunk);
        foreach (var sibling in proof)
        {
            node = (index & 1) == 0 ? Node(node, sibling) : Node(sibling, node);
            index >>= 1;
        }

        return node == root;
    }

    /// <summary>Root and proofs of a chunk list (edge side and tests); not used on chain.</summary>
    public static (Hash256 Root, Hash256[][] Proofs) Build(IReadOnlyList<byte[]> chunks)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var depth = Depth((ulong)chunks.Count);
        var level = new Hash256[1 << depth];
        for (var i = 0; i < level.Length; i++)
        {
            level[i] = Leaf(i < chunks.Count ? chunks[i] : []);
        }

        var proofs = new Hash256[chunks.Count][];
        for (var i = 0; i < chunks.Count; i++)
        {
            proofs[i] = new Hash256[depth];
        }

        for (var d = 0; d < depth; d++)
        {
            for (var i = 0; i < chunks.Count; i++)
            {
                proofs[i][d] = level[(i >> d) ^ 1];
            }

            var next = new Hash256[level.Length / 2];
            for (var i = 0; i < next.Length; i++)
            {
                next[i] = Node(level[2 * i], level[(2 * i) + 1]);
            }

            level = next;
        }

        return (level[0], proofs);
    }
}
