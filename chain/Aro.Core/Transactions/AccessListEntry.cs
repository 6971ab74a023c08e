using System.Collections.Immutable;

namespace Aro.Core.Transactions;

/// <summary>One EIP-2930 access-list entry: an account and the storage slots pre-warmed in it.</summary>
public readonly struct AccessListEntry
{
    public AccessListEntry(Address address, ImmutableArray<Hash256> storageKeys)
    {
        Address = address;
        StorageKeys = storageKeys.IsDefault ? [] : storageKeys;
    }

    public Address Address { get; }

    public ImmutableArray<Hash256> StorageKeys { get; }
}
