using Aro.Core;

namespace Aro.State.Trie;

/// <summary>
/// Receives the nodes a commit created (hash → RLP). Usually a write batch the caller also puts the
/// block into, so the block and its state land atomically.
/// </summary>
public interface ITrieNodeWriter
{
    /// <summary>Records one node; implementations copy <paramref name="rlp"/> if they keep it.</summary>
    void Put(in Hash256 hash, ReadOnlySpan<byte> rlp);
}
