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

    /// <summary>Owned by this node and never changed after construction.</summary>
    public TrieNode?[] Children { get; }

    /// <summary>Null when no key ends at this branch.</summary>
    public byte[]? Value { get; }

    public BranchNode WithChild(int index, TrieNode? child)
    {
        var children = (TrieNode?[])Children.Clone();
        children[index] = child;
        return new BranchNode(children, Value);
    }

    public BranchNode WithValue(byte[]? value) => new((TrieNode?[])Children.Clone(), value);
}
