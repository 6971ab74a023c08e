using Aro.Consensus.Core;
using Aro.Core;
using Aro.Core.Blocks;
using Aro.Core.Crypto;

namespace Aro.Consensus.Signing;

/// <summary>
/// A validator key that cannot be made to double-sign, even across crashes (CometBFT's CheckHRS).
/// Before a signature leaves <see cref="TrySign"/>, the step (height, round, step) and digest are on
/// disk. It refuses any step before the last one signed, and a different digest for the same step;
/// signing the identical digest again is allowed (RFC 6979 gives the identical signature), so a
/// restarted node replaying its WAL can re-send what it already sent.
/// </summary>
public sealed class GuardedSigner : IConsensusSigner
{
    private readonly byte[] _privateKey;
    private readonly string _statePath;
    private readonly Lock _gate = new();

    private GuardedSigner(byte[] privateKey, string statePath, LastSigned? last)
    {
        _privateKey = privateKey;
        _statePath = statePath;
        LastSigned = last;
        Span<byte> publicKey = stackalloc byte[Secp256k1.UncompressedPublicKeyLength];
        Secp256k1.GetPublicKey(privateKey, publicKey);
        Address = Address.FromPublicKey(publicKey);
    }

    public Address Address { get; }

    /// <summary>What the state file says was signed last; null before the first signature.</summary>
    public LastSigned? LastSigned { get; private set; }

    /// <summary>Loads the last-signed state from <paramref name="statePath"/> (absent: nothing signed yet).</summary>
    /// <exception cref="SignerStateException">The state file is corrupt.</exception>
    public static GuardedSigner Open(string statePath, ReadOnlySpan<byte> privateKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(statePath);
        if (!Secp256k1.IsValidPrivateKey(privateKey))
        {
            throw new ArgumentException("Not a valid secp256k1 private key.", nameof(privateKey));
        }

        return new GuardedSigner(privateKey.ToArray(), statePath, SignerStateFile.Read(statePath));
    }

    public bool TrySign(SignStep step, ulong height, uint round, in Hash256 signingHash, Span<byte> signature)
    {
        lock (_gate)
        {
            if (LastSigned is { } last)
            {
                var order = last.CompareStep(height, round, step);
                if (order > 0 || (order == 0 && last.SigningHash != signingHash))
                {
                    return false;
                }
            }

            if (LastSigned is not { } same || same.CompareStep(height, round, step) != 0)
            {
                var next = new LastSigned(height, round, step, signingHash);
                SignerStateFile.Write(_statePath, next);
                LastSigned = next;
            }

            CommitSignature.Sign(0, signingHash, _privateKey).Signature.CopyTo(signature);
            return true;
        }
    }
}
