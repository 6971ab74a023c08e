using Aro.Core;
using Aro.State.Trie;

namespace Aro.State.World;

public sealed partial class WorldState
{
    /// <summary>
    /// The state root with every pending change applied: storage slots into their accounts' storage
    /// tries (updating the storage roots), then the accounts into the account trie. Changes are
    /// applied in sorted order (addresses, slots, account trie keys), never dictionary order. May be called mid-block;
    /// later changes and reverts are still honoured by the next call.
    /// </summary>
    public Hash256 ComputeRoot()
    {
        var withStorage = SortedKeys(_storage);
        foreach (var address in withStorage)
        {
            ApplyStorage(address);
        }

        // In trie-key order, so consecutive writes share their upper nodes; the root does not
        // depend on the order, and this one is as deterministic as any.
        var addresses = new Address[_accounts.Count];
        _accounts.Keys.CopyTo(addresses, 0);
        var keys = new Hash256[addresses.Length];
        for (var i = 0; i < addresses.Length; i++)
        {
            keys[i] = AccountKey(addresses[i]);
        }

        Array.Sort(keys, addresses);
        for (var i = 0; i < addresses.Length; i++)
        {
            var entry = _accounts[addresses[i]];
            if (entry.Value is not { } account || (entry.Touched && account.IsEmpty))
            {
                _accountTrie.Delete(keys[i].Bytes);
            }
            else
            {
                _accountTrie.Set(keys[i].Bytes, AccountCodec.Encode(account));
            }
        }

        return _accountTrie.RootHash;
    }

    /// <summary>
    /// Applies the pending changes, hands every new node of the changed storage tries and the account
    /// trie to <paramref name="writer"/> (normally the block's write batch, so block and state land
    /// atomically), and continues at the new root: the overlay and journal are cleared and earlier
    /// snapshots can no longer be reverted to.
    /// </summary>
    public Hash256 Commit(ITrieNodeWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ComputeRoot();
        // Only tries with pending slots can hold new nodes: ComputeRoot changes no other.
        foreach (var address in SortedKeys(_storage))
        {
            if (_storageTries.TryGetValue(address, out var trie))
            {
                trie.Commit(writer);
            }
        }

        StateRoot = _accountTrie.Commit(writer);
        _accounts.Clear();
        _storage.Clear();
        _loaded.Clear();
        ClearJournal();
        return StateRoot;
    }

    private void ApplyStorage(in Address address)
    {
        var trie = StorageTrie(address);
        if (trie is null)
        {
            return; // The account does not exist, so every pending slot of it is a deletion of nothing.
        }

        var slots = _storage[address];
        foreach (var slot in SortedKeys(slots))
        {
            var value = slots[slot];
            if (value is null)
            {
                trie.Delete(slot.Bytes);
            }
            else
            {
                trie.Set(slot.Bytes, StorageValue.Encode(value));
            }
        }

        var root = trie.RootHash;
        var entry = _accounts[address];
        if (entry.Value is { } account)
        {
            // Not journaled: a later revert may restore an older root, and the next ComputeRoot redoes this.
            var updated = account with { StorageRoot = root };
            _accounts[address] = entry with { Value = entry.Touched && updated.IsEmpty ? null : updated };
        }
        else if (root != PatriciaTrie.EmptyRootHash)
        {
            throw new InvalidOperationException($"Broken state invariant: deleted account {address} has storage.");
        }
    }

    private static TKey[] SortedKeys<TKey, TValue>(Dictionary<TKey, TValue> dictionary)
        where TKey : notnull
    {
        var keys = new TKey[dictionary.Count];
        dictionary.Keys.CopyTo(keys, 0);
        Array.Sort(keys);
        return keys;
    }
}
