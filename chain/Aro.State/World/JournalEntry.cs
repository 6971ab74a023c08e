using Aro.Core;

namespace Aro.State.World;

/// <summary>One undoable change: what an account entry or a storage slot held before it.</summary>
internal readonly struct JournalEntry
{
    private JournalEntry(Address address, bool isStorage, Hash256 slot, AccountEntry previousAccount, byte[]? previousValue)
    {
        Address = address;
        IsStorage = isStorage;
        Slot = slot;
        PreviousAccount = previousAccount;
        PreviousValue = previousValue;
    }

    public Address Address { get; }

    public bool IsStorage { get; }

    /// <summary>keccak(key) of the slot (storage entries only).</summary>
    public Hash256 Slot { get; }

    public AccountEntry PreviousAccount { get; }

    /// <summary>The slot's previous value; null when it was absent.</summary>
    public byte[]? PreviousValue { get; }

    public static JournalEntry ForAccount(in Address address, in AccountEntry previous) =>
        new(address, isStorage: false, default, previous, null);

    public static JournalEntry ForStorage(in Address address, in Hash256 slot, byte[]? previous) =>
        new(address, isStorage: true, slot, default, previous);
}
