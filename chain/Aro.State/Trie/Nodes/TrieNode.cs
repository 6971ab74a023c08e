using Aro.Core;

namespace Aro.State.Trie.Nodes;

/// <summary>
/// A trie node. Nodes are immutable once built, so their encoding and hash are computed at most
/// once and can be shared freely between the trie versions before and after a change.
/// </summary>
internal abstract class TrieNode
{
    /// <summary>The node's RLP, once encoded (or as read from storage).</summary>
    internal byte[]? Rlp;

    /// <summary>Keccak of <see cref="Rlp"/>, valid when <see cref="HasHash"/>.</summary>
    internal Hash256 Hash;

    internal bool HasHash;

    /// <summary>Built since the trie was last committed, so it may not be in storage yet.</summary>
    internal bool IsDirty;

    protected TrieNode(bool isDirty) => IsDirty = isDirty;
}
