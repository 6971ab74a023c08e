using System.Security.Cryptography;
using Aro.Core.Crypto;

namespace Aro.Network.Keys;

/// <summary>
/// The node's static secp256k1 key: it signs the handshake transcript so peers know whom they
/// talk to. It is not a validator or account key and holds no funds; losing it only changes the
/// node id its peers have configured.
/// </summary>
public sealed class NodeKey
{
    private readonly byte[] _privateKey;
    private readonly byte[] _publicKey;

    /// <exception cref="ArgumentException">Not 32 bytes, zero, or not below the group order.</exception>
    public NodeKey(ReadOnlySpan<byte> privateKey)
    {
        if (!Secp256k1.IsValidPrivateKey(privateKey))
        {
            throw new ArgumentException("A node key is 32 bytes, non-zero and below the secp256k1 group order.", nameof(privateKey));
        }

        _privateKey = privateKey.ToArray();
        _publicKey = new byte[Secp256k1.UncompressedPublicKeyLength];
        Secp256k1.GetPublicKey(_privateKey, _publicKey);
        Id = NodeId.FromPublicKey(_publicKey);
    }

    public NodeId Id { get; }

    /// <summary>Uncompressed, 0x04 ‖ x ‖ y.</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    internal ReadOnlySpan<byte> PrivateKey => _privateKey;

    public static NodeKey Generate()
    {
        var secret = Secp256k1.GeneratePrivateKey();
        try
        {
            return new NodeKey(secret);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>Signs a 32-byte digest: r ‖ s (low s), 64 bytes.</summary>
    internal void Sign(ReadOnlySpan<byte> digest, Span<byte> signature64) =>
        Secp256k1.SignRecoverable(digest, _privateKey, signature64, out _);

    public override string ToString() => Id.ToString();
}
