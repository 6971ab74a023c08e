using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Aro.Core.Crypto.Native;
using static Aro.Core.Crypto.Native.Secp256k1Native;

namespace Aro.Core.Crypto;

/// <summary>
/// secp256k1 over Debian's libsecp256k1: keys, recoverable ECDSA (RFC 6979 nonces, always low-s),
/// public-key recovery, verification and ECDH. Thread-safe; no allocation per call except
/// <see cref="GeneratePrivateKey"/>'s result. A missing library raises
/// <see cref="NativeLibraryMissingException"/> on first use.
/// </summary>
public static unsafe class Secp256k1
{
    public const int PrivateKeyLength = 32;
    public const int HashLength = 32;
    public const int SignatureLength = 64;
    public const int UncompressedPublicKeyLength = 65;
    public const int CompressedPublicKeyLength = 33;

    // n and n/2 (big-endian) of the secp256k1 group; s above n/2 is the malleable twin (EIP-2).
    private static ReadOnlySpan<byte> HalfOrder =>
    [
        0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        0x5d, 0x57, 0x6e, 0x73, 0x57, 0xa4, 0x50, 0x1d, 0xdf, 0xe9, 0x2f, 0x46, 0x68, 0x1b, 0x20, 0xa0,
    ];

    /// <summary>True when the key is in [1, n-1].</summary>
    public static bool IsValidPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != PrivateKeyLength)
        {
            return false;
        }

        var context = Context;
        fixed (byte* key = privateKey)
        {
            return secp256k1_ec_seckey_verify(context, key) == 1;
        }
    }

    /// <summary>A fresh private key from the OS CSPRNG (rejection-sampled into [1, n-1]).</summary>
    public static byte[] GeneratePrivateKey()
    {
        var key = new byte[PrivateKeyLength];
        do
        {
            RandomNumberGenerator.Fill(key);
        }
        while (!IsValidPrivateKey(key));

        return key;
    }

    /// <summary>Writes the uncompressed public key 0x04 || X || Y (65 bytes).</summary>
    public static void GetPublicKey(ReadOnlySpan<byte> privateKey, Span<byte> uncompressed65)
    {
        RequireLength(privateKey, PrivateKeyLength, nameof(privateKey));
        RequireLength(uncompressed65, UncompressedPublicKeyLength, nameof(uncompressed65));
        var context = Context;
        byte* pubkey = stackalloc byte[PublicKeyStructSize];
        fixed (byte* key = privateKey)
        {
            if (secp256k1_ec_pubkey_create(context, pubkey, key) != 1)
            {
                throw new ArgumentException("Invalid secp256k1 private key (zero or not below the group order).", nameof(privateKey));
            }
        }

        Serialize(context, pubkey, uncompressed65, EcUncompressed);
    }

    /// <summary>
    /// Signs a 32-byte hash: writes r || s (64 bytes, s always low) and the recovery id (0 or 1 in
    /// practice, at most 3). Deterministic: the nonce is RFC 6979 (libsecp256k1's default).
    /// </summary>
    public static void SignRecoverable(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> privateKey, Span<byte> rs64, out byte recoveryId)
    {
        RequireLength(hash, HashLength, nameof(hash));
        RequireLength(privateKey, PrivateKeyLength, nameof(privateKey));
        RequireLength(rs64, SignatureLength, nameof(rs64));
        var context = Context;
        byte* signature = stackalloc byte[RecoverableSignatureStructSize];
        int recid;
        fixed (byte* hashPtr = hash)
        fixed (byte* key = privateKey)
        fixed (byte* output = rs64)
        {
            if (secp256k1_ecdsa_sign_recoverable(context, signature, hashPtr, key, 0, 0) != 1)
            {
                throw new ArgumentException("Invalid secp256k1 private key (zero or not below the group order).", nameof(privateKey));
            }

            // Always returns 1 for a signature produced by sign_recoverable.
            _ = secp256k1_ecdsa_recoverable_signature_serialize_compact(context, output, &recid, signature);
        }

        recoveryId = (byte)recid;
    }

    /// <summary>
    /// Recovers the uncompressed public key that signed <paramref name="hash"/>. False when the
    /// recovery id is above 3, r or s is zero or not below n, or no point matches. High s is
    /// accepted (the ecrecover precompile needs it); transaction rules check <see cref="IsLowS"/>.
    /// </summary>
    public static bool TryRecoverPublicKey(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> rs64, byte recoveryId, Span<byte> uncompressed65)
    {
        RequireLength(hash, HashLength, nameof(hash));
        RequireLength(rs64, SignatureLength, nameof(rs64));
        RequireLength(uncompressed65, UncompressedPublicKeyLength, nameof(uncompressed65));
        if (recoveryId > 3)
        {
            return false;
        }

        var context = Context;
        byte* signature = stackalloc byte[RecoverableSignatureStructSize];
        byte* pubkey = stackalloc byte[PublicKeyStructSize];
        fixed (byte* hashPtr = hash)
        fixed (byte* input = rs64)
        {
            // parse_compact rejects r or s >= n; recover rejects r or s == 0.
            if (secp256k1_ecdsa_recoverable_signature_parse_compact(context, signature, input, recoveryId) != 1
                || secp256k1_ecdsa_recover(context, pubkey, signature, hashPtr) != 1)
            {
                return false;
            }
        }

        Serialize(context, pubkey, uncompressed65, EcUncompressed);
        return true;
    }

    /// <summary>True when s (32 bytes, big-endian) is at most n/2, as EIP-2 requires of transactions.</summary>
    public static bool IsLowS(ReadOnlySpan<byte> s32)
    {
        RequireLength(s32, 32, nameof(s32));
        return s32.SequenceCompareTo(HalfOrder) <= 0;
    }

    /// <summary>
    /// Verifies r || s against a 33- or 65-byte public key. Like libsecp256k1, rejects high-s
    /// signatures (normalise first if a high-s signature must be accepted). False on any malformed input.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> rs64, ReadOnlySpan<byte> publicKey)
    {
        if (hash.Length != HashLength || rs64.Length != SignatureLength
            || (publicKey.Length != UncompressedPublicKeyLength && publicKey.Length != CompressedPublicKeyLength))
        {
            return false;
        }

        var context = Context;
        byte* signature = stackalloc byte[SignatureStructSize];
        byte* pubkey = stackalloc byte[PublicKeyStructSize];
        fixed (byte* hashPtr = hash)
        fixed (byte* input = rs64)
        fixed (byte* keyInput = publicKey)
        {
            return secp256k1_ec_pubkey_parse(context, pubkey, keyInput, (nuint)publicKey.Length) == 1
                && secp256k1_ecdsa_signature_parse_compact(context, signature, input) == 1
                && secp256k1_ecdsa_verify(context, signature, hashPtr, pubkey) == 1;
        }
    }

    /// <summary>
    /// ECDH: writes the raw 32-byte X coordinate of privateKey·publicKey (no hashing, unlike
    /// libsecp256k1's default SHA-256 variant; RLPx-style handshakes derive keys from raw X).
    /// False when the public key does not parse or the private key is invalid.
    /// </summary>
    public static bool TryEcdh(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> privateKey, Span<byte> secret32)
    {
        RequireLength(secret32, 32, nameof(secret32));
        if (privateKey.Length != PrivateKeyLength
            || (publicKey.Length != UncompressedPublicKeyLength && publicKey.Length != CompressedPublicKeyLength))
        {
            return false;
        }

        var context = Context;
        byte* pubkey = stackalloc byte[PublicKeyStructSize];
        fixed (byte* keyInput = publicKey)
        fixed (byte* key = privateKey)
        fixed (byte* output = secret32)
        {
            delegate* unmanaged[Cdecl]<byte*, byte*, byte*, nint, int> copyX = &CopyX;
            return secp256k1_ec_pubkey_parse(context, pubkey, keyInput, (nuint)publicKey.Length) == 1
                && secp256k1_ecdh(context, output, pubkey, key, (nint)copyX, 0) == 1;
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int CopyX(byte* output, byte* x32, byte* y32, nint data)
    {
        new ReadOnlySpan<byte>(x32, 32).CopyTo(new Span<byte>(output, 32));
        return 1;
    }

    private static void Serialize(nint context, byte* pubkey, Span<byte> destination, uint flags)
    {
        var length = (nuint)destination.Length;
        fixed (byte* output = destination)
        {
            // Always returns 1 when the output buffer fits the requested form.
            _ = secp256k1_ec_pubkey_serialize(context, output, &length, pubkey, flags);
        }
    }

    private static void RequireLength(ReadOnlySpan<byte> span, int length, string name)
    {
        if (span.Length != length)
        {
            throw new ArgumentException($"Expected {length} bytes, got {span.Length}.", name);
        }
    }
}
