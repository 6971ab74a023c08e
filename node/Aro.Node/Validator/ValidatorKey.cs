using Aro.Core;
using Aro.Core.Crypto;

namespace Aro.Node.Validator;

/// <summary>A validator's secp256k1 signing key with its public key and address.</summary>
public sealed class ValidatorKey
{
    private readonly byte[] _privateKey;

    /// <exception cref="ArgumentException">Not 32 bytes, zero, or not below the group order.</exception>
    public ValidatorKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != 32 || !Secp256k1.IsValidPrivateKey(privateKey))
        {
            throw new ArgumentException("A validator key is 32 bytes, non-zero and below the secp256k1 group order.", nameof(privateKey));
        }

        _privateKey = privateKey.ToArray();
        var publicKey = new byte[Secp256k1.UncompressedPublicKeyLength];
        Secp256k1.GetPublicKey(_privateKey, publicKey);
        PublicKey = publicKey;
        Address = Address.FromPublicKey(publicKey);
    }

    public Address Address { get; }

    /// <summary>Uncompressed, 0x04 ‖ x ‖ y.</summary>
    public ReadOnlyMemory<byte> PublicKey { get; }

    /// <summary>The secret; only the signer and the key file writer need it.</summary>
    internal ReadOnlySpan<byte> PrivateKey => _privateKey;

    public static ValidatorKey Generate() => new(Secp256k1.GeneratePrivateKey());

    /// <summary>The devnet validator's publicly known key: keccak256("aro-devnet-validator-0") (genesis/SCHEMA.md). DEVNET ONLY.</summary>
    public static ValidatorKey FromLabel(string label) => new(Keccak256.Hash(System.Text.Encoding.UTF8.GetBytes(label)).Bytes);

    public override string ToString() => Address.ToString();
}
