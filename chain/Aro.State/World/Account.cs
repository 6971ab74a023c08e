using Aro.Core;
using Aro.Core.Crypto;
using Aro.State.Trie;

namespace Aro.State.World;

/// <summary>
/// An account as Ethereum's state trie stores it: rlp([nonce, balance, storageRoot, codeHash]).
/// Module system accounts hold nothing but storage (their records).
/// </summary>
public readonly record struct Account(ulong Nonce, UInt256 Balance, Hash256 StorageRoot, Hash256 CodeHash)
{
    /// <summary>Nonce 0, balance 0, no storage, no code: what an address that was never written reads as.</summary>
    public static readonly Account Empty = new(0, UInt256.Zero, PatriciaTrie.EmptyRootHash, Keccak256.EmptyHash);

    /// <summary>
    /// True when the account carries nothing at all. Unlike EIP-161 (which ignores storage), an account
    /// with storage is never empty: module accounts hold only storage and must not disappear.
    /// </summary>
    public bool IsEmpty =>
        Nonce == 0 && Balance.IsZero && StorageRoot == PatriciaTrie.EmptyRootHash && CodeHash == Keccak256.EmptyHash;
}
