using Aro.Core;
using Aro.Core.Rlp;

namespace Aro.State.Trie.Nodes;

/// <summary>
/// Parses stored node RLP back into nodes. Child hashes become <see cref="HashNode"/>s (loaded on
/// demand); embedded children are parsed in place. Anything that is not a node this trie could
/// have written raises <see cref="TrieNodeFormatException"/>.
/// </summary>
internal static class TrieNodeDecoder
{
    private const int ShortNodeItems = 2;
    private const int BranchNodeItems = BranchNode.Width + 1;
    private const int StackPathLimit = 128;

    /// <summary>Decodes a stored node; <paramref name="rlp"/> becomes its cached encoding.</summary>
    public static TrieNode Decode(byte[] rlp, in Hash256 hash)
    {
        try
        {
            var node = DecodeNode(rlp, hash);
            node.Rlp = rlp;
            node.Hash = hash;
            node.HasHash = true;
            return node;
        }
        catch (RlpException ex)
        {
            throw new TrieNodeFormatException($"invalid RLP ({ex.Error} at offset {ex.Offset})", hash, ex);
        }
    }

    private static TrieNode DecodeNode(ReadOnlySpan<byte> rlp, in Hash256 owner)
    {
        var outer = new RlpReader(rlp);
        var items = outer.ReadList();
        outer.EnsureEnd();

        var count = 0;
        for (var counter = items; counter.HasMore; count++)
        {
            counter.Skip();
        }

        return count switch
        {
            ShortNodeItems => DecodeShort(ref items, owner),
            BranchNodeItems => DecodeBranch(ref items, owner),
            _ => throw new TrieNodeFormatException($"a node has 2 or 17 items, this one {count}", owner),
        };
    }

    private static TrieNode DecodeShort(ref RlpReader items, in Hash256 owner)
    {
        var encodedPath = items.ReadBytes();
        var capacity = encodedPath.Length * 2;
        Span<byte> nibbles = capacity <= StackPathLimit ? stackalloc byte[capacity] : new byte[capacity];
        if (!HexPrefix.TryDecode(encodedPath, nibbles, out var length, out var isLeaf))
        {
            throw new TrieNodeFormatException("invalid hex-prefix path", owner);
        }

        var path = nibbles[..length].ToArray();
        if (isLeaf)
        {
            var value = items.ReadBytes();
            if (value.IsEmpty)
            {
                throw new TrieNodeFormatException("leaf with an empty value", owner);
            }

            return new LeafNode(path, value.ToArray(), isDirty: false);
        }

        if (path.Length == 0)
        {
            throw new TrieNodeFormatException("extension with an empty path", owner);
        }

        var child = DecodeReference(ref items, owner)
            ?? throw new TrieNodeFormatException("extension without a child", owner);
        return new ExtensionNode(path, child, isDirty: false);
    }

    private static BranchNode DecodeBranch(ref RlpReader items, in Hash256 owner)
    {
        var children = new TrieNode?[BranchNode.Width];
        for (var i = 0; i < children.Length; i++)
        {
            children[i] = DecodeReference(ref items, owner);
        }

        var value = items.ReadBytes();
        return new BranchNode(children, value.IsEmpty ? null : value.ToArray(), isDirty: false);
    }

    private static TrieNode? DecodeReference(ref RlpReader items, in Hash256 owner)
    {
        if (items.IsNextList)
        {
            var embedded = items.ReadRaw();
            if (embedded.Length >= Hash256.Size)
            {
                throw new TrieNodeFormatException($"embedded child of {embedded.Length} bytes (32 or more are referenced by hash)", owner);
            }

            var node = DecodeNode(embedded, owner);
            node.Rlp = embedded.ToArray();
            return node;
        }

        var reference = items.ReadBytes();
        return reference.Length switch
        {
            0 => null,
            Hash256.Size => new HashNode(new Hash256(reference)),
            _ => throw new TrieNodeFormatException($"child reference of {reference.Length} bytes", owner),
        };
    }
}
