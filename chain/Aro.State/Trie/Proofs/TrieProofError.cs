namespace Aro.State.Trie;

/// <summary>Why a Merkle proof was rejected.</summary>
public enum TrieProofError
{
    /// <summary>A proof node's keccak is not the hash its parent (or the root) refers to.</summary>
    HashMismatch = 1,

    /// <summary>A proof node is not the canonical RLP of a trie node.</summary>
    MalformedNode,

    /// <summary>The path continues to a hashed node the proof does not contain.</summary>
    Incomplete,

    /// <summary>The path ended before the last node of the proof: the proof carries nodes it does not need.</summary>
    UnusedNodes,
}
