using Aro.Core;

namespace Aro.Node.Keys;

/// <summary>One key file in a keystore directory and the account it claims to hold.</summary>
internal sealed record KeystoreEntry(Address Address, string Path);

/// <summary>An import would add a second file for an account the keystore already holds.</summary>
internal sealed class AccountExistsException : InvalidOperationException
{
    public AccountExistsException(Address address, string existingPath)
        : base($"account {address} is already in the keystore: {existingPath}")
    {
        Address = address;
        ExistingPath = existingPath;
    }

    public Address Address { get; }

    public string ExistingPath { get; }
}
