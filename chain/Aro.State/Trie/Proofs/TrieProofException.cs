namespace Aro.State.Trie;

/// <summary>A Merkle proof does not prove anything about the key under the given root.</summary>
public sealed class TrieProofException : Exception
{
    public TrieProofException(TrieProofError error, int nodeIndex)
        : base($"Invalid trie proof: {error} at proof node {nodeIndex}.")
    {
        Error = error;
        NodeIndex = nodeIndex;
    }

    public TrieProofException(TrieProofError error, int nodeIndex, Exception innerException)
        : base($"Invalid trie proof: {error} at proof node {nodeIndex}.", innerException)
    {
        Error = error;
        NodeIndex = nodeIndex;
    }

    public TrieProofError Error { get; }

    /// <summary>Index in the proof list of the node at fault.</summary>
    public int NodeIndex { get; }
}
