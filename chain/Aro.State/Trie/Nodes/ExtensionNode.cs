namespace Aro.State.Trie.Nodes;

/// <summary>A shared, non-empty run of nibbles leading to a branch.</summary>
internal sealed class ExtensionNode(byte[] path, TrieNode child, bool isDirty = true) : TrieNode(isDirty)
{
    public byte[] Path { get; } = path;

    /// <summary>Replaced in place only while the node is dirty.</summary>
    public TrieNode Child { get; private set; } = child;

    /// <summary>This node with <paramref name="child"/> below it: changed in place if dirty, else a dirty copy.</summary>
    public ExtensionNode WithChild(TrieNode child)
    {
        if (!IsDirty)
        {
            return new ExtensionNode(Path, child);
        }

        Child = child;
        InvalidateCache();
        return this;
    }
}
