using Aro.Core;

namespace Aro.State.Trie.Nodes;

/// <summary>
/// A trie node. A dirty node (built since the last commit) belongs to one trie only and is changed
/// in place, dropping its cached encoding; a clean node (committed or loaded) is never changed, so
/// its cached encoding and hash stay valid and it can be shared. Every ancestor of a dirty node is
/// dirty: a change rebuilds or touches the whole path from the root.
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

    protected void InvalidateCache()
    {
        Rlp = null;
        HasHash = false;
    }
}
