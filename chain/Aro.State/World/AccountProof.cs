using Aro.Core;

namespace Aro.State.World;

/// <summary>
/// What eth_getProof answers: the account (null when absent) with the account-trie path of
/// keccak(address), and a proof per requested storage key in the account's storage trie.
/// </summary>
public sealed class AccountProof
{
    internal AccountProof(Address address, Account? account, IReadOnlyList<byte[]> proof, IReadOnlyList<StorageProof> storageProofs)
    {
        Address = address;
        Account = account;
        Proof = proof;
        StorageProofs = storageProofs;
    }

    public Address Address { get; }

    public Account? Account { get; }

    /// <summary>The RLP of each account-trie node on the path, root first.</summary>
    public IReadOnlyList<byte[]> Proof { get; }

    public IReadOnlyList<StorageProof> StorageProofs { get; }
}

/// <summary>One storage key's value (null when absent) and its storage-trie path of keccak(key).</summary>
public sealed class StorageProof
{
    internal StorageProof(byte[] key, byte[]? value, IReadOnlyList<byte[]> proof)
    {
        Key = key;
        Value = value;
        Proof = proof;
    }

    public byte[] Key { get; }

    public byte[]? Value { get; }

    public IReadOnlyList<byte[]> Proof { get; }
}
