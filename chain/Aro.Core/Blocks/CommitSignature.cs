using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Aro.Core.Crypto;

namespace Aro.Core.Blocks;

/// <summary>
/// One validator's precommit signature inside a <see cref="Commit"/>: the validator's index in the
/// set named by the header's validator-set hash, and a recoverable secp256k1 signature r ‖ s ‖ v
/// (65 bytes, v = recovery id 0 or 1, s in the lower half) over
/// <see cref="VoteSignBytes.SigningHash"/>. The signer's address is recovered, not stored.
/// </summary>
public readonly struct CommitSignature : IEquatable<CommitSignature>
{
    public const int SignatureLength = 65;

    private readonly Bytes65 _signature;

    /// <exception cref="ArgumentException">Not 65 bytes, v not 0/1, r or s zero or not below n, or s above n/2.</exception>
    public CommitSignature(uint validatorIndex, ReadOnlySpan<byte> signature)
    {
        if (Check(signature) is { } problem)
        {
            throw new ArgumentException(problem, nameof(signature));
        }

        ValidatorIndex = validatorIndex;
        signature.CopyTo(_signature);
    }

    public uint ValidatorIndex { get; }

    /// <summary>r ‖ s ‖ v in place; valid only while this value's storage is.</summary>
    public ReadOnlySpan<byte> Signature => MemoryMarshal.CreateReadOnlySpan(ref Unsafe.AsRef(in _signature[0]), SignatureLength);

    /// <summary>Signs a precommit digest with a validator key (RFC 6979, low s).</summary>
    public static CommitSignature Sign(uint validatorIndex, in Hash256 signingHash, ReadOnlySpan<byte> privateKey)
    {
        Span<byte> signature = stackalloc byte[SignatureLength];
        Secp256k1.SignRecoverable(signingHash.Bytes, privateKey, signature[..Secp256k1.SignatureLength], out var recoveryId);
        signature[Secp256k1.SignatureLength] = recoveryId;
        return new CommitSignature(validatorIndex, signature);
    }

    /// <summary>The address whose key produced this signature over <paramref name="signingHash"/>; false when none recovers.</summary>
    public bool TryRecoverSigner(in Hash256 signingHash, out Address signer)
    {
        Span<byte> publicKey = stackalloc byte[Secp256k1.UncompressedPublicKeyLength];
        var signature = Signature;
        if (!Secp256k1.TryRecoverPublicKey(signingHash.Bytes, signature[..Secp256k1.SignatureLength], signature[Secp256k1.SignatureLength], publicKey))
        {
            signer = default;
            return false;
        }

        signer = Address.FromPublicKey(publicKey);
        return true;
    }

    /// <summary>Null when <paramref name="signature"/> is a canonical r ‖ s ‖ v, else why not.</summary>
    internal static string? Check(ReadOnlySpan<byte> signature)
    {
        if (signature.Length != SignatureLength)
        {
            return $"A commit signature is {SignatureLength} bytes (r ‖ s ‖ v), got {signature.Length}.";
        }

        if (signature[64] > 1)
        {
            return $"Commit signature v is {signature[64]}; it must be 0 or 1.";
        }

        var r = signature[..32];
        var s = signature[32..64];
        if (r.IndexOfAnyExcept((byte)0) < 0 || s.IndexOfAnyExcept((byte)0) < 0 || r.SequenceCompareTo(GroupOrder) >= 0)
        {
            return "Commit signature r or s is zero or not below the group order.";
        }

        // Low s keeps one encoding per signature, so a commit's hash cannot be changed by flipping s.
        return Secp256k1.IsLowS(s) ? null : "Commit signature s is above n/2 (malleable).";
    }

    public bool Equals(CommitSignature other) => ValidatorIndex == other.ValidatorIndex && Signature.SequenceEqual(other.Signature);

    public override bool Equals(object? obj) => obj is CommitSignature other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(ValidatorIndex, Unsafe.ReadUnaligned<int>(in _signature[0]));

    public static bool operator ==(CommitSignature left, CommitSignature right) => left.Equals(right);

    public static bool operator !=(CommitSignature left, CommitSignature right) => !left.Equals(right);

    // secp256k1 group order n.
    private static ReadOnlySpan<byte> GroupOrder =>
    [
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe,
        0xba, 0xae, 0xdc, 0xe6, 0xaf, 0x48, 0xa0, 0x3b, 0xbf, 0xd2, 0x5e, 0x8c, 0xd0, 0x36, 0x41, 0x41,
    ];
}

/// <summary>Inline storage for a commit signature.</summary>
[InlineArray(CommitSignature.SignatureLength)]
internal struct Bytes65
{
    private byte _element0;
}
