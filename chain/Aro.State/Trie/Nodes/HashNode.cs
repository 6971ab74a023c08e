using Aro.Core;

namespace Aro.State.Trie.Nodes;

/// <summary>A reference to a stored node not loaded yet; resolved by hash through the node reader.</summary>
internal sealed class HashNode : TrieNode
{
    public HashNode(in Hash256 hash)
        : base(isDirty: false)
    {
        Hash = hash;
        HasHash = true;
    }
}
