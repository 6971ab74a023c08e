using Aro.Core;
using Aro.Core.Crypto;

namespace Aro.State.Trie;

/// <summary>
/// A trie keyed by keccak256(key), as Ethereum's state trie and every storage trie are: paths have
/// a fixed length of 64 nibbles and cannot be steered into deep branches by choosing keys.
/// </summary>
public sealed class SecureTrie
{
    public SecureTrie(ITrieNodeReader reader) => Inner = new PatriciaTrie(reader);

    public SecureTrie(ITrieNodeReader reader, in Hash256 rootHash) => Inner = new PatriciaTrie(reader, rootHash);

    /// <summary>The underlying trie, addressed by hashed keys (what proofs are made over).</summary>
    public PatriciaTrie Inner { get; }

    public Hash256 RootHash => Inner.RootHash;

    public byte[]? Get(ReadOnlySpan<byte> key)
    {
        Span<byte> hashed = stackalloc byte[Keccak256.Size];
        Keccak256.Hash(key, hashed);
        return Inner.Get(hashed);
    }

    /// <summary>Stores <paramref name="value"/> under keccak256(<paramref name="key"/>); an empty value deletes.</summary>
    public void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        Span<byte> hashed = stackalloc byte[Keccak256.Size];
        Keccak256.Hash(key, hashed);
        Inner.Set(hashed, value);
    }

    public void Delete(ReadOnlySpan<byte> key)
    {
        Span<byte> hashed = stackalloc byte[Keccak256.Size];
        Keccak256.Hash(key, hashed);
        Inner.Delete(hashed);
    }

    /// <inheritdoc cref="PatriciaTrie.Commit"/>
    public Hash256 Commit(ITrieNodeWriter writer) => Inner.Commit(writer);
}
