using System.Diagnostics.CodeAnalysis;
using Aro.Core;

namespace Aro.State.Trie;

/// <summary>An in-memory node store for tests, tools and short-lived tries. Not thread-safe.</summary>
public sealed class MemoryTrieNodeStore : ITrieNodeReader, ITrieNodeWriter
{
    private readonly Dictionary<Hash256, byte[]> _nodes = [];

    public int Count => _nodes.Count;

    public bool TryGet(in Hash256 hash, [NotNullWhen(true)] out byte[]? rlp) => _nodes.TryGetValue(hash, out rlp);

    public void Put(in Hash256 hash, ReadOnlySpan<byte> rlp) => _nodes[hash] = rlp.ToArray();
}
