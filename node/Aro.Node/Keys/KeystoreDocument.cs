using Aro.Core;

namespace Aro.Node.Keys;

internal enum KeystoreKdf
{
    Scrypt,
    Pbkdf2,
}

/// <summary>
/// The fields of a Web3 Secret Storage (version 3) key file, validated for shape but not yet
/// decrypted. The cipher is always aes-128-ctr, the only one the definition requires and the only one
/// geth and ethers write; the prf of pbkdf2 is always hmac-sha256 for the same reason.
/// </summary>
internal sealed record KeystoreDocument
{
    public const int Version = 3;
    public const int IvLength = AesCtr.BlockSize;
    public const int MacLength = 32;
    public const int MinDerivedKeyLength = 32;
    public const int MaxDerivedKeyLength = 64;

    /// <summary>The address the file claims to hold; optional in the definition, always written by geth and ethers.</summary>
    public Address? Address { get; init; }

    public string? Id { get; init; }

    public required KeystoreKdf Kdf { get; init; }

    /// <summary>The scrypt cost; meaningful when <see cref="Kdf"/> is scrypt.</summary>
    public ScryptParameters Scrypt { get; init; }

    /// <summary>The PBKDF2 iteration count c; meaningful when <see cref="Kdf"/> is pbkdf2.</summary>
    public int Pbkdf2Iterations { get; init; }

    public required byte[] Salt { get; init; }

    public int DerivedKeyLength { get; init; } = MinDerivedKeyLength;

    public required byte[] Iv { get; init; }

    public required byte[] Ciphertext { get; init; }

    public required byte[] Mac { get; init; }
}
