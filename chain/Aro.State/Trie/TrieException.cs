using Aro.Core;

namespace Aro.State.Trie;

/// <summary>The trie could not be read: a node is missing from storage or is not a valid node.</summary>
public class TrieException : Exception
{
    public TrieException(string message, Hash256 nodeHash)
        : base(message) => NodeHash = nodeHash;

    public TrieException(string message, Hash256 nodeHash, Exception innerException)
        : base(message, innerException) => NodeHash = nodeHash;

    /// <summary>The hash of the stored node at fault (for an embedded node, of the stored node holding it).</summary>
    public Hash256 NodeHash { get; }
}

/// <summary>A node the trie refers to by hash is not in the node store (pruned, or a wrong root).</summary>
public sealed class MissingTrieNodeException(Hash256 nodeHash)
    : TrieException($"Trie node {nodeHash} is not in the node store.", nodeHash);

/// <summary>A stored node is not the canonical RLP of a leaf, extension or branch.</summary>
public sealed class TrieNodeFormatException : TrieException
{
    public TrieNodeFormatException(string reason, Hash256 nodeHash)
        : base($"Trie node {nodeHash} is malformed: {reason}", nodeHash)
    {
    }

    public TrieNodeFormatException(string reason, Hash256 nodeHash, Exception innerException)
        : base($"Trie node {nodeHash} is malformed: {reason}", nodeHash, innerException)
    {
    }
}
