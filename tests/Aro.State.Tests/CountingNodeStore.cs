using System.Diagnostics.CodeAnalysis;
using Aro.Core;
using Aro.State.Trie;

namespace Aro.State.Tests;

/// <summary>A node store that counts reads and writes, to check what the trie loads and commits.</summary>
internal sealed class CountingNodeStore : ITrieNodeReader, ITrieNodeWriter
{
    public MemoryTrieNodeStore Inner { get; } = new();

    public int Reads { get; private set; }

    public List<Hash256> Written { get; } = [];

    public bool TryGet(in Hash256 hash, [NotNullWhen(true)] out byte[]? rlp)
    {
        Reads++;
        return Inner.TryGet(hash, out rlp);
    }

    public void Put(in Hash256 hash, ReadOnlySpan<byte> rlp)
    {
        Written.Add(hash);
        Inner.Put(hash, rlp);
    }
}
