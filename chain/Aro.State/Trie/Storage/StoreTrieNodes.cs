using System.Diagnostics.CodeAnalysis;
using Aro.Core;
using Aro.Storage;

namespace Aro.State.Trie;

/// <summary>
/// Reads trie nodes from the <see cref="Columns.TrieNodes"/> column of a store or snapshot, keyed by
/// node hash. Reading through a snapshot gives a trie a stable view while blocks are committed.
/// </summary>
public sealed class StoreTrieNodes : ITrieNodeReader
{
    private readonly IKeyValueReader _reader;

    public StoreTrieNodes(IKeyValueReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
    }

    public bool TryGet(in Hash256 hash, [NotNullWhen(true)] out byte[]? rlp) =>
        _reader.TryGet(Columns.TrieNodes, hash.Bytes, out rlp);
}
