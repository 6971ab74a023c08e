namespace Aro.State.Trie.Nodes;

/// <summary>Sixteen children, one per next nibble, plus the value of a key that ends here.</summary>
internal sealed class BranchNode : TrieNode
{
    public const int Width = 16;

    public BranchNode(TrieNode?[] children, byte[]? value, bool isDirty = true)
        : base(isDirty)
    {
        Children = children;
        Value = value;
    }

    /// <summary>Owned by this node; changed in place only while the node is dirty.</summary>
    public TrieNode?[] Children { get; }

    /// <summary>Null when no key ends at this branch.</summary>
    public byte[]? Value { get; set; }

    /// <summary>
    /// This node, if it is dirty (only this trie refers to it, so it may change in place), else a
    /// dirty copy. Either way the caller is about to change it, so no cached encoding survives.
    /// </summary>
    public BranchNode Writable()
    {
        if (!IsDirty)
        {
            return new BranchNode((TrieNode?[])Children.Clone(), Value);
        }

        InvalidateCache();
        return this;
    }
}
