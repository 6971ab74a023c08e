using Aro.Core;
using Aro.Core.Crypto;
using Aro.State.Trie.Nodes;

namespace Aro.State.Trie;

/// <summary>
/// Ethereum's Merkle Patricia trie over raw byte keys and values. Changes build new nodes along the
/// key's path and share the rest, so committed nodes are never modified. Hashes are computed when
/// <see cref="RootHash"/> or <see cref="Commit"/> asks for them; stored nodes are loaded on demand.
/// Not thread-safe.
/// </summary>
public sealed class PatriciaTrie
{
    /// <summary>keccak(rlp("")): the root of a trie with no keys.</summary>
    public static readonly Hash256 EmptyRootHash = Keccak256.Hash([0x80]);

    private readonly ITrieNodeReader _reader;
    private readonly TrieNodeCache? _cache;
    private TrieNode? _root;

    // Set and Delete calls since the root was last hashed: decides whether hashing is spread over cores.
    private int _changesSinceHash;

    /// <summary>An empty trie that reads stored nodes from <paramref name="reader"/> once it has any.</summary>
    public PatriciaTrie(ITrieNodeReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
        _cache = (reader as StoreTrieNodes)?.NodeCache;
    }

    /// <summary>Opens the committed trie with root <paramref name="rootHash"/>; nodes load lazily.</summary>
    public PatriciaTrie(ITrieNodeReader reader, in Hash256 rootHash)
        : this(reader)
    {
        _root = rootHash == EmptyRootHash ? null : new HashNode(rootHash);
    }

    public Hash256 RootHash => _root is null ? EmptyRootHash : HashRoot(_root);

    internal TrieNode? Root => _root;

    /// <summary>
    /// A copy of the value stored under <paramref name="key"/>, or null when the key is absent (the
    /// trie's own array is never handed out: changing it would silently change committed state).
    /// </summary>
    /// <exception cref="MissingTrieNodeException">A node on the path is not in the node store.</exception>
    /// <exception cref="TrieNodeFormatException">A stored node on the path is malformed.</exception>
    public byte[]? Get(ReadOnlySpan<byte> key)
    {
        Span<byte> path = key.Length <= Nibbles.StackKeyLimit ? stackalloc byte[key.Length * 2] : new byte[key.Length * 2];
        Nibbles.FromBytes(key, path);

        var node = _root;
        while (true)
        {
            switch (node)
            {
                case null:
                    return null;
                case HashNode hashNode:
                    node = Resolve(hashNode);
                    break;
                case LeafNode leaf:
                    return path.SequenceEqual(leaf.Path) ? leaf.Value.AsSpan().ToArray() : null;
                case ExtensionNode extension:
                    if (!path.StartsWith(extension.Path))
                    {
                        return null;
                    }

                    path = path[extension.Path.Length..];
                    node = extension.Child;
                    break;
                case BranchNode branch:
                    if (path.IsEmpty)
                    {
                        return branch.Value?.AsSpan().ToArray();
                    }

                    node = branch.Children[path[0]];
                    path = path[1..];
                    break;
                default:
                    throw new InvalidOperationException("Unknown trie node kind.");
            }
        }
    }

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/>; an empty value deletes the key.</summary>
    public void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            Delete(key);
            return;
        }

        Span<byte> path = key.Length <= Nibbles.StackKeyLimit ? stackalloc byte[key.Length * 2] : new byte[key.Length * 2];
        Nibbles.FromBytes(key, path);
        _root = TrieMutation.Insert(this, _root, path, value);
        _changesSinceHash++;
    }

    /// <summary>Removes <paramref name="key"/>; nothing happens when it is absent.</summary>
    public void Delete(ReadOnlySpan<byte> key)
    {
        Span<byte> path = key.Length <= Nibbles.StackKeyLimit ? stackalloc byte[key.Length * 2] : new byte[key.Length * 2];
        Nibbles.FromBytes(key, path);
        _root = TrieMutation.Delete(this, _root, path);
        _changesSinceHash++;
    }

    /// <summary>
    /// Hands every node built since the last commit to <paramref name="writer"/> (hash → RLP) and
    /// returns the root hash. Nodes embedded in their parent are not written on their own; the root
    /// is always written under its hash, so <c>new PatriciaTrie(reader, root)</c> can reopen it.
    /// </summary>
    public Hash256 Commit(ITrieNodeWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (_root is null)
        {
            return EmptyRootHash;
        }

        var root = HashRoot(_root);
        CommitNode(_root, writer, isRoot: true);
        return root;
    }

    /// <summary>Loads a referenced node from the reader's node cache or else from the store.</summary>
    internal TrieNode Resolve(HashNode reference)
    {
        var hash = reference.Hash;
        if (_cache is not null && _cache.TryGet(hash, out var cached))
        {
            return cached;
        }

        if (!_reader.TryGet(hash, out var rlp))
        {
            throw new MissingTrieNodeException(hash);
        }

        var node = TrieNodeDecoder.Decode(rlp, hash);
        _cache?.Add(hash, node);
        return node;
    }

    /// <summary>The node itself, or the stored node a hash reference points to.</summary>
    internal TrieNode Load(TrieNode node) => node is HashNode reference ? Resolve(reference) : node;

    private Hash256 HashRoot(TrieNode root)
    {
        if (_changesSinceHash >= ParallelHasher.MinChanges)
        {
            ParallelHasher.HashSubtrees(root);
        }

        _changesSinceHash = 0;
        return TrieNodeEncoder.GetHash(root);
    }

    private static void CommitNode(TrieNode node, ITrieNodeWriter writer, bool isRoot)
    {
        if (!node.IsDirty)
        {
            return;
        }

        switch (node)
        {
            case ExtensionNode extension:
                CommitNode(extension.Child, writer, isRoot: false);
                break;
            case BranchNode branch:
                foreach (var child in branch.Children)
                {
                    if (child is not null)
                    {
                        CommitNode(child, writer, isRoot: false);
                    }
                }

                break;
        }

        var rlp = TrieNodeEncoder.GetRlp(node);
        if (isRoot || rlp.Length >= Hash256.Size)
        {
            writer.Put(TrieNodeEncoder.GetHash(node), rlp);
        }

        node.IsDirty = false;
    }
}
