using System.Runtime.InteropServices;
using Aro.Core;
using Aro.Core.Crypto;
using Aro.State.Trie;

namespace Aro.State.World;

/// <summary>
/// The accounts of one state root and the changes a block makes to them. Reads go through an
/// overlay of changed accounts and storage slots to the account trie and the accounts' storage
/// tries; every change is journaled so a failed call can be undone with
/// <see cref="RevertToSnapshot"/>; <see cref="Commit"/> writes the new nodes into the caller's batch
/// and continues at the new root. Not thread-safe: one per block builder, readers open their own.
/// </summary>
public sealed partial class WorldState
{
    private readonly ITrieNodeReader _reader;
    private readonly PatriciaTrie _accountTrie;

    // The overlay grows until Commit and is never pruned by a revert: a revert restores the previous
    // value instead, so ComputeRoot (which may have applied a slot already) re-applies the right one.
    private readonly Dictionary<Address, AccountEntry> _accounts = new();
    private readonly Dictionary<Address, Dictionary<Hash256, byte[]?>> _storage = new();

    // Accounts read from the trie since the last commit (null = absent), with the trie key
    // keccak(address) they were read under: ComputeRoot writes them back under the same key.
    private readonly Dictionary<Address, LoadedAccount> _loaded = new();

    // Storage tries opened or changed since this state was opened (committed ones hold the nodes
    // of the last commit, which the caller's batch may not have written to the store yet).
    private readonly Dictionary<Address, PatriciaTrie> _storageTries = new();

    /// <summary>An empty state.</summary>
    public WorldState(ITrieNodeReader reader)
        : this(reader, PatriciaTrie.EmptyRootHash)
    {
    }

    /// <summary>The state committed under <paramref name="stateRoot"/>; nodes load from <paramref name="reader"/> on demand.</summary>
    public WorldState(ITrieNodeReader reader, in Hash256 stateRoot)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
        _accountTrie = new PatriciaTrie(reader, stateRoot);
        StateRoot = stateRoot;
    }

    /// <summary>The root this state was opened at or last committed; changes since are not in it.</summary>
    public Hash256 StateRoot { get; private set; }

    /// <summary>True once anything was written since the last commit (even if reverted since).</summary>
    public bool HasChanges => _accounts.Count > 0;

    /// <summary>
    /// The account, or null when it does not exist. Its storage root is the one of the last
    /// <see cref="ComputeRoot"/> or commit: pending storage writes are not hashed on every read.
    /// </summary>
    /// <exception cref="StateEncodingException">The stored account is not canonical.</exception>
    public Account? GetAccount(in Address address) =>
        _accounts.TryGetValue(address, out var entry) ? entry.Value : Load(address);

    public bool AccountExists(in Address address) => GetAccount(address) is not null;

    public ulong GetNonce(in Address address) => GetAccount(address)?.Nonce ?? 0;

    public UInt256 GetBalance(in Address address) => GetAccount(address)?.Balance ?? UInt256.Zero;

    /// <summary>
    /// The value stored under <paramref name="key"/> in the account's storage (keccak(key) in its
    /// storage trie), or null when absent. Keys and values have any length: a module record's key
    /// and RLP, or an EVM slot and its minimal word bytes. Returns a copy.
    /// </summary>
    public byte[]? GetStorage(in Address address, ReadOnlySpan<byte> key) =>
        ReadSlot(address, Keccak256.Hash(key))?.AsSpan().ToArray();

    /// <summary>Sets the nonce.</summary>
    public void SetNonce(in Address address, ulong nonce) =>
        Write(address, (GetAccount(address) ?? Account.Empty) with { Nonce = nonce });

    /// <exception cref="NonceOverflowException">The nonce is 2^64 - 1; nothing changes.</exception>
    public void IncrementNonce(in Address address)
    {
        var account = GetAccount(address) ?? Account.Empty;
        if (account.Nonce == ulong.MaxValue)
        {
            throw new NonceOverflowException(address);
        }

        Write(address, account with { Nonce = account.Nonce + 1 });
    }

    /// <summary>Credits the account, creating it if needed. A zero credit still touches it (see README).</summary>
    /// <exception cref="BalanceOverflowException">The sum exceeds 2^256 - 1; nothing changes.</exception>
    public void AddBalance(in Address address, in UInt256 amount)
    {
        var account = GetAccount(address) ?? Account.Empty;
        if (!UInt256.TryAdd(account.Balance, amount, out var balance))
        {
            throw new BalanceOverflowException(address);
        }

        Write(address, account with { Balance = balance });
    }

    /// <exception cref="InsufficientBalanceException">The balance is below <paramref name="amount"/>; nothing changes.</exception>
    public void SubtractBalance(in Address address, in UInt256 amount)
    {
        var account = GetAccount(address) ?? Account.Empty;
        if (!UInt256.TrySubtract(account.Balance, amount, out var balance))
        {
            throw new InsufficientBalanceException(address, account.Balance, amount);
        }

        Write(address, account with { Balance = balance });
    }

    /// <summary>
    /// Stores <paramref name="value"/> under <paramref name="key"/> in the account's storage; an empty
    /// value deletes the key. Writing a value creates the account if it does not exist.
    /// </summary>
    public void SetStorage(in Address address, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        var account = GetAccount(address);
        if (account is null && value.IsEmpty)
        {
            return; // An absent account has no storage to delete.
        }

        var slot = Keccak256.Hash(key);
        var slots = StorageOverlay(address);
        var previous = slots.TryGetValue(slot, out var pending) ? pending : ReadStoredSlot(address, slot);
        _journal.Add(JournalEntry.ForStorage(address, slot, previous));
        slots[slot] = value.IsEmpty ? null : value.ToArray();

        // An account touched earlier in the block may have been deleted as empty (a zero credit to a
        // fresh address); a stored value brings it back, or it would be a deleted account with storage.
        if (account is null || !_accounts.TryGetValue(address, out var entry) || !entry.Touched)
        {
            Write(address, account ?? Account.Empty);
        }
    }

    /// <summary>The storage of one system account, for the module that owns it.</summary>
    public ModuleStore GetModuleStore(in Address moduleAddress) => new(this, moduleAddress, []);

    /// <summary>
    /// Writes <paramref name="account"/> exactly as given, empty or not (genesis import, foreign state):
    /// it is not "touched", so the empty-account rule does not delete it. Its storage root must name
    /// committed nodes; the account must have no pending storage writes.
    /// </summary>
    internal void SetAccount(in Address address, in Account account)
    {
        if (_storage.ContainsKey(address))
        {
            throw new InvalidOperationException($"Account {address} has pending storage writes; it cannot be replaced.");
        }

        Journal(address);
        _accounts[address] = new AccountEntry(account, Touched: false);
        _storageTries.Remove(address);
    }

    internal byte[]? ReadSlot(in Address address, in Hash256 slot)
    {
        if (_storage.TryGetValue(address, out var slots) && slots.TryGetValue(slot, out var pending))
        {
            return pending;
        }

        return ReadStoredSlot(address, slot);
    }

    /// <summary>A touched account that ends up empty without pending storage is deleted at once (see README).</summary>
    private void Write(in Address address, Account account)
    {
        Journal(address);
        var exists = !account.IsEmpty || _storage.ContainsKey(address);
        _accounts[address] = new AccountEntry(exists ? account : null, Touched: true);
    }

    private void Journal(in Address address)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_accounts, address, out var exists);
        if (!exists)
        {
            // Load touches only _loaded, so the reference into _accounts stays valid.
            entry = new AccountEntry(Load(address), Touched: false);
        }

        _journal.Add(JournalEntry.ForAccount(address, entry));
    }

    private Account? Load(in Address address)
    {
        if (_loaded.TryGetValue(address, out var cached))
        {
            return cached.Account;
        }

        var key = Keccak256.Hash(address.Bytes);
        var rlp = _accountTrie.Get(key.Bytes);
        Account? account = rlp is null ? null : AccountCodec.Decode(rlp);
        _loaded[address] = new LoadedAccount(account, key);
        return account;
    }

    /// <summary>keccak(address), the account's key in the account trie.</summary>
    private Hash256 AccountKey(in Address address) =>
        _loaded.TryGetValue(address, out var loaded) ? loaded.Key : Keccak256.Hash(address.Bytes);

    private byte[]? ReadStoredSlot(in Address address, in Hash256 slot)
    {
        var trie = StorageTrie(address);
        if (trie is null)
        {
            return null;
        }

        var rlp = trie.Get(slot.Bytes);
        return rlp is null ? null : StorageValue.Decode(rlp);
    }

    private Dictionary<Hash256, byte[]?> StorageOverlay(in Address address)
    {
        ref var slots = ref CollectionsMarshal.GetValueRefOrAddDefault(_storage, address, out var exists);
        if (!exists)
        {
            slots = [];
        }

        return slots!;
    }

    /// <summary>The account's storage trie (null when the account does not exist and none was opened).</summary>
    private PatriciaTrie? StorageTrie(in Address address)
    {
        if (_storageTries.TryGetValue(address, out var trie))
        {
            return trie;
        }

        var account = GetAccount(address);
        if (account is null)
        {
            return null;
        }

        trie = new PatriciaTrie(_reader, account.Value.StorageRoot);
        _storageTries[address] = trie;
        return trie;
    }

    private readonly record struct LoadedAccount(Account? Account, Hash256 Key);
}
