using System.Diagnostics.CodeAnalysis;
using Aro.Core;
using Aro.State.Trie.Nodes;

namespace Aro.State.Trie;

/// <summary>
/// Decoded stored nodes by hash, so the upper levels of a trie are read and parsed once rather than
/// on every lookup. Only clean nodes loaded from a store go in: they are immutable (a change copies
/// them, see <see cref="TrieNode"/>) and content-addressed, so one instance serves every trie and
/// thread reading that store.
/// </summary>
/// <remarks>
/// Two-way set-associative with a use bit per entry (a clock over each pair): the size is fixed at
/// construction, lookups take no lock and allocate nothing, and a node hit since the last eviction in
/// its set survives the next one. Sets are picked by the seeded hash code, so nobody can grind node
/// contents to keep evicting one set. Entries are replaced whole (one reference write), so a reader sees an old or a new entry,
/// never a torn one.
/// </remarks>
internal sealed class TrieNodeCache
{
    /// <summary>Entries kept for a whole store: about the top five levels of a state of a few million accounts.</summary>
    public const int StoreCapacity = 1 << 17;

    /// <summary>Entries kept for one snapshot's readers.</summary>
    public const int SnapshotCapacity = 1 << 12;

    private readonly Entry?[] _entries;
    private readonly uint _setMask;

    /// <param name="capacity">Entries kept; a power of two, at least 2.</param>
    public TrieNodeCache(int capacity)
    {
        if (capacity < 2 || (capacity & (capacity - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "A power of two of at least 2.");
        }

        _entries = new Entry?[capacity];
        _setMask = (uint)(capacity / 2) - 1;
    }

    public int Capacity => _entries.Length;

    public bool TryGet(in Hash256 hash, [NotNullWhen(true)] out TrieNode? node)
    {
        var first = SetStart(hash);
        for (var i = first; i < first + 2; i++)
        {
            var entry = Volatile.Read(ref _entries[i]);
            if (entry is not null && entry.Hash == hash)
            {
                entry.Used = true;
                node = entry.Node;
                return true;
            }
        }

        node = null;
        return false;
    }

    /// <summary>Keeps a clean node loaded under <paramref name="hash"/>, evicting the pair's colder entry if both are taken.</summary>
    public void Add(in Hash256 hash, TrieNode node)
    {
        var first = SetStart(hash);
        var a = Volatile.Read(ref _entries[first]);
        var b = Volatile.Read(ref _entries[first + 1]);
        int slot;
        if (a is null || a.Hash == hash)
        {
            slot = first;
        }
        else if (b is null || b.Hash == hash)
        {
            slot = first + 1;
        }
        else if (!a.Used)
        {
            slot = first;
        }
        else
        {
            // Both taken; the first was used: it gets a second chance, the second goes.
            a.Used = false;
            slot = first + 1;
        }

        Volatile.Write(ref _entries[slot], new Entry(hash, node));
    }

    private int SetStart(in Hash256 hash) =>
        (int)((uint)hash.GetHashCode() & _setMask) * 2;

    private sealed class Entry(Hash256 hash, TrieNode node)
    {
        public readonly Hash256 Hash = hash;
        public readonly TrieNode Node = node;

        // Benign race: a lost update only makes eviction slightly less accurate.
        public bool Used;
    }
}
