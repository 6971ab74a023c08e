using Aro.Core;
using Aro.Core.Crypto;
using Aro.Core.Rlp;

namespace Aro.State.Trie.Nodes;

/// <summary>
/// Ethereum's node encoding. A child whose RLP is shorter than 32 bytes is embedded in its parent
/// as is; a longer one is referenced by the keccak of its RLP. Results are cached on the nodes.
/// </summary>
internal static class TrieNodeEncoder
{
    /// <summary>Encoded size of a hash reference: 0xa0 followed by 32 bytes.</summary>
    public const int HashReferenceLength = Hash256.Size + 1;

    private const int StackPathLimit = 256;

    public static byte[] GetRlp(TrieNode node) => node.Rlp ??= Encode(node);

    /// <summary>Keccak of the node's RLP, whatever its size (the root is hashed even when small).</summary>
    public static Hash256 GetHash(TrieNode node)
    {
        if (!node.HasHash)
        {
            node.Hash = Keccak256.Hash(GetRlp(node));
            node.HasHash = true;
        }

        return node.Hash;
    }

    /// <summary>True when the parent refers to <paramref name="node"/> by hash rather than embedding it.</summary>
    public static bool IsReferencedByHash(TrieNode node) =>
        node is HashNode || GetRlp(node).Length >= Hash256.Size;

    private static byte[] Encode(TrieNode node) => node switch
    {
        LeafNode leaf => EncodeShort(leaf.Path, isLeaf: true, leaf.Value, child: null),
        ExtensionNode extension => EncodeShort(extension.Path, isLeaf: false, value: default, extension.Child),
        BranchNode branch => EncodeBranch(branch),
        _ => throw new InvalidOperationException("A hash node has no encoding of its own; resolve it first."),
    };

    private static byte[] EncodeShort(byte[] path, bool isLeaf, ReadOnlySpan<byte> value, TrieNode? child)
    {
        var pathLength = HexPrefix.EncodedLength(path.Length);
        Span<byte> encodedPath = pathLength <= StackPathLimit ? stackalloc byte[pathLength] : new byte[pathLength];
        HexPrefix.Encode(path, isLeaf, encodedPath);

        var second = child is null ? RlpWriter.LengthOfBytes(value) : ReferenceLength(child);
        var content = RlpWriter.LengthOfBytes(encodedPath) + second;
        var rlp = new byte[RlpWriter.LengthOfList(content)];
        scoped var writer = new RlpWriter(rlp);
        writer.WriteListHeader(content);
        writer.WriteBytes(encodedPath);
        if (child is null)
        {
            writer.WriteBytes(value);
        }
        else
        {
            WriteReference(ref writer, child);
        }

        return rlp;
    }

    private static byte[] EncodeBranch(BranchNode branch)
    {
        var content = branch.Value is null ? 1 : RlpWriter.LengthOfBytes(branch.Value);
        foreach (var child in branch.Children)
        {
            content += child is null ? 1 : ReferenceLength(child);
        }

        var rlp = new byte[RlpWriter.LengthOfList(content)];
        var writer = new RlpWriter(rlp);
        writer.WriteListHeader(content);
        foreach (var child in branch.Children)
        {
            if (child is null)
            {
                writer.WriteBytes([]);
            }
            else
            {
                WriteReference(ref writer, child);
            }
        }

        writer.WriteBytes(branch.Value);
        return rlp;
    }

    private static int ReferenceLength(TrieNode child) =>
        IsReferencedByHash(child) ? HashReferenceLength : GetRlp(child).Length;

    private static void WriteReference(ref RlpWriter writer, TrieNode child)
    {
        if (IsReferencedByHash(child))
        {
            var hash = GetHash(child);
            writer.WriteBytes(hash.Bytes);
        }
        else
        {
            writer.WriteRaw(GetRlp(child));
        }
    }
}
