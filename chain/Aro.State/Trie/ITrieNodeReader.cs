using System.Diagnostics.CodeAnalysis;
using Aro.Core;

namespace Aro.State.Trie;

/// <summary>Where a trie loads committed nodes from: RLP by node hash.</summary>
public interface ITrieNodeReader
{
    /// <summary>The RLP stored under <paramref name="hash"/>. Callers do not modify the array.</summary>
    bool TryGet(in Hash256 hash, [NotNullWhen(true)] out byte[]? rlp);
}
