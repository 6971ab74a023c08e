namespace Aro.State.Trie.Nodes;

/// <summary>A shared, non-empty run of nibbles leading to a branch.</summary>
internal sealed class ExtensionNode(byte[] path, TrieNode child, bool isDirty = true) : TrieNode(isDirty)
{
    public byte[] Path { get; } = path;

    public TrieNode Child { get; } = child;
}
