namespace Aro.State.Trie.Nodes;

/// <summary>The rest of a key's path and its value.</summary>
internal sealed class LeafNode(byte[] path, byte[] value, bool isDirty = true) : TrieNode(isDirty)
{
    /// <summary>Remaining nibbles; may be empty when the key ends right below a branch.</summary>
    public byte[] Path { get; } = path;

    public byte[] Value { get; } = value;
}
