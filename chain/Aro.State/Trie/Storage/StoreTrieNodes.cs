using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Aro.Core;
using Aro.Storage;

namespace Aro.State.Trie;

/// <summary>
/// Reads trie nodes from the <see cref="Columns.TrieNodes"/> column of a store or snapshot, keyed by
/// node hash. Reading through a snapshot gives a trie a stable view while blocks are committed.
/// </summary>
/// <remarks>
/// Decoded nodes are cached: one bounded cache per store, shared by every reader of it (each block
/// opens a new reader, the upper levels of the trie stay hot), and a small one per snapshot reader.
/// A node is content-addressed and never changes, so a cached node is what the store holds.
/// </remarks>
public sealed class StoreTrieNodes : ITrieNodeReader
{
    private static readonly ConditionalWeakTable<IKeyValueStore, TrieNodeCache> StoreCaches = new();

    private readonly IKeyValueReader _reader;

    public StoreTrieNodes(IKeyValueReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
        NodeCache = reader is IKeyValueStore store
            ? StoreCaches.GetValue(store, static _ => new TrieNodeCache(TrieNodeCache.StoreCapacity))
            : new TrieNodeCache(TrieNodeCache.SnapshotCapacity);
    }

    /// <summary>Decoded nodes of this store, consulted by tries before <see cref="TryGet"/>.</summary>
    internal TrieNodeCache NodeCache { get; }

    public bool TryGet(in Hash256 hash, [NotNullWhen(true)] out byte[]? rlp) =>
        _reader.TryGet(Columns.TrieNodes, hash.Bytes, out rlp);
}
