using Aro.Core;
using Aro.Core.Blocks;
using Aro.Core.Crypto;

namespace Aro.Consensus.Core;

/// <summary>
/// Signs anything it is asked to with a key held in memory. No double-sign protection across
/// restarts: for tests and tools; a validator node uses <see cref="Signing.GuardedSigner"/>.
/// </summary>
public sealed class PrivateKeySigner : IConsensusSigner
{
    private readonly byte[] _privateKey;

    public PrivateKeySigner(ReadOnlySpan<byte> privateKey)
    {
        if (!Secp256k1.IsValidPrivateKey(privateKey))
        {
            throw new ArgumentException("Not a valid secp256k1 private key.", nameof(privateKey));
        }

        _privateKey = privateKey.ToArray();
        Span<byte> publicKey = stackalloc byte[Secp256k1.UncompressedPublicKeyLength];
        Secp256k1.GetPublicKey(_privateKey, publicKey);
        Address = Address.FromPublicKey(publicKey);
    }

    public Address Address { get; }

    public bool TrySign(SignStep step, ulong height, uint round, in Hash256 signingHash, Span<byte> signature)
    {
        CommitSignature.Sign(0, signingHash, _privateKey).Signature.CopyTo(signature);
        return true;
    }
}
