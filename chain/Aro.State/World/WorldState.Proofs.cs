using Aro.Core;
using Aro.Core.Crypto;
using Aro.State.Trie;

namespace Aro.State.World;

public sealed partial class WorldState
{
    /// <summary>
    /// Proofs of the account and of each storage key against <see cref="StateRoot"/>, the committed
    /// root (an absent account or key gets a proof of absence).
    /// </summary>
    /// <exception cref="InvalidOperationException">There are changes since the last commit: they are in no root yet.</exception>
    public AccountProof GetProof(in Address address, IReadOnlyList<byte[]> storageKeys)
    {
        ArgumentNullException.ThrowIfNull(storageKeys);
        if (HasChanges)
        {
            throw new InvalidOperationException("Proofs are made against the committed root; commit the pending changes first.");
        }

        var accountProof = TrieProof.Create(_accountTrie, Keccak256.Hash(address.Bytes).Bytes);
        var account = GetAccount(address);
        var storageTrie = account is null ? null : StorageTrie(address);
        var storageProofs = new StorageProof[storageKeys.Count];
        for (var i = 0; i < storageProofs.Length; i++)
        {
            var key = storageKeys[i] ?? throw new ArgumentException("A storage key is null.", nameof(storageKeys));
            var slot = Keccak256.Hash(key);
            storageProofs[i] = storageTrie is null
                ? new StorageProof(key.AsSpan().ToArray(), null, [])
                : new StorageProof(key.AsSpan().ToArray(), ReadStoredSlot(address, slot), TrieProof.Create(storageTrie, slot.Bytes));
        }

        return new AccountProof(address, account, accountProof, storageProofs);
    }
}
