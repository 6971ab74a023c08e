using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Aro.Core.Crypto;

namespace Aro.Core;

/// <summary>A 20-byte Ethereum account address held inline.</summary>
public readonly struct Address : IEquatable<Address>, IComparable<Address>
{
    public const int Size = 20;

    public static readonly Address Zero;

    private readonly Bytes20 _bytes;

    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not exactly 20 bytes.</exception>
    public Address(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"An Address is {Size} bytes, got {bytes.Length}.", nameof(bytes));
        }

        bytes.CopyTo(_bytes);
    }

    /// <summary>
    /// The bytes in place. The span points into this value's storage, so it is only valid while
    /// that storage is — do not keep it past the value.
    /// </summary>
    public ReadOnlySpan<byte> Bytes =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.AsRef(in _bytes[0]), Size);

    public bool IsZero => Equals(Zero);

    public void CopyTo(Span<byte> destination) => Bytes.CopyTo(destination);

    public byte[] ToArray() => Bytes.ToArray();

    /// <summary>
    /// The address of a secp256k1 public key: the last 20 bytes of keccak256(x ‖ y).
    /// Accepts 64 bytes (x ‖ y) or the 65-byte SEC 1 uncompressed form (0x04 ‖ x ‖ y).
    /// </summary>
    /// <exception cref="ArgumentException">Any other length, or a 65-byte key without the 0x04 tag.</exception>
    public static Address FromPublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length == 65 && publicKey[0] == 0x04)
        {
            publicKey = publicKey[1..];
        }
        else if (publicKey.Length != 64)
        {
            throw new ArgumentException(
                "A public key is 64 bytes (x‖y) or 65 bytes starting with 0x04.", nameof(publicKey));
        }

        Span<byte> digest = stackalloc byte[Keccak256.Size];
        Keccak256.Hash(publicKey, digest);
        return new Address(digest[(Keccak256.Size - Size)..]);
    }

    /// <summary>
    /// Parses 40 hex digits with an optional 0x prefix. All-lowercase and all-uppercase input is
    /// taken as is; mixed case claims an EIP-55 checksum and must carry a correct one, as wallets
    /// require, so a mistyped address is caught instead of silently accepted.
    /// </summary>
    /// <exception cref="HexFormatException">Wrong length, a non-hex character or a bad checksum.</exception>
    public static Address Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        return TryParse(hex.AsSpan(), out var result, out var error) ? result : throw new HexFormatException(error);
    }

    public static bool TryParse([NotNullWhen(true)] string? hex, out Address result) =>
        TryParse(hex.AsSpan(), out result, out _);

    public static bool TryParse(ReadOnlySpan<char> hex, out Address result) =>
        TryParse(hex, out result, out _);

    private static bool TryParse(ReadOnlySpan<char> hex, out Address result, out string error)
    {
        result = default;
        var digits = Hex.StripPrefix(hex);
        if (digits.Length != Size * 2)
        {
            error = $"An address is {Size * 2} hex digits with an optional 0x prefix, got {digits.Length}.";
            return false;
        }

        Span<byte> bytes = stackalloc byte[Size];
        if (!Hex.TryDecodeDigits(digits, bytes))
        {
            error = "Address contains a non-hex character.";
            return false;
        }

        var candidate = new Address(bytes);
        if (IsMixedCase(digits))
        {
            Span<char> checksummed = stackalloc char[Size * 2];
            candidate.WriteChecksummedDigits(checksummed);
            if (!digits.SequenceEqual(checksummed))
            {
                error = "Address has mixed case but an invalid EIP-55 checksum.";
                return false;
            }
        }

        result = candidate;
        error = string.Empty;
        return true;
    }

    /// <summary>EIP-55 checksummed form: 0x followed by 40 mixed-case hex digits.</summary>
    public override string ToString()
    {
        Span<char> text = stackalloc char[2 + (Size * 2)];
        text[0] = '0';
        text[1] = 'x';
        WriteChecksummedDigits(text[2..]);
        return new string(text);
    }

    /// <summary>0x followed by 40 lowercase hex digits.</summary>
    public string ToLowerHex() => Hex.Encode(Bytes);

    /// <summary>
    /// EIP-55: uppercase the i-th letter digit when the i-th nibble of keccak256(lowercase hex
    /// digits as ASCII) is 8 or more.
    /// </summary>
    private void WriteChecksummedDigits(Span<char> dest40)
    {
        Hex.EncodeDigits(Bytes, dest40);
        Span<byte> ascii = stackalloc byte[Size * 2];
        for (var i = 0; i < ascii.Length; i++)
        {
            ascii[i] = (byte)dest40[i];
        }

        Span<byte> digest = stackalloc byte[Keccak256.Size];
        Keccak256.Hash(ascii, digest);
        for (var i = 0; i < dest40.Length; i++)
        {
            var nibble = (i & 1) == 0 ? digest[i / 2] >> 4 : digest[i / 2] & 0xF;
            if (nibble >= 8 && dest40[i] >= 'a')
            {
                dest40[i] = (char)(dest40[i] - ('a' - 'A'));
            }
        }
    }

    private static bool IsMixedCase(ReadOnlySpan<char> digits)
    {
        bool lower = false, upper = false;
        foreach (var c in digits)
        {
            lower |= c is >= 'a' and <= 'f';
            upper |= c is >= 'A' and <= 'F';
        }

        return lower && upper;
    }

    public bool Equals(Address other)
    {
        ref var a = ref Unsafe.AsRef(in _bytes[0]);
        ref var b = ref Unsafe.AsRef(in other._bytes[0]);
        return Unsafe.ReadUnaligned<ulong>(ref a) == Unsafe.ReadUnaligned<ulong>(ref b)
            && Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref a, 8)) == Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref b, 8))
            && Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref a, 16)) == Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref b, 16));
    }

    public override bool Equals(object? obj) => obj is Address other && Equals(other);

    /// <summary>
    /// Hashes every byte with the process's randomized seed: keys such as transfer recipients are
    /// chosen by users, and a hash of a fixed prefix would let anyone flood one dictionary bucket.
    /// Hash codes never reach state (nothing that does iterates in hash order).
    /// </summary>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(Bytes);
        return hash.ToHashCode();
    }

    /// <summary>Lexicographic (big-endian) byte order.</summary>
    public int CompareTo(Address other) => Bytes.SequenceCompareTo(other.Bytes);

    public static bool operator ==(Address left, Address right) => left.Equals(right);

    public static bool operator !=(Address left, Address right) => !left.Equals(right);

    public static bool operator <(Address left, Address right) => left.CompareTo(right) < 0;

    public static bool operator <=(Address left, Address right) => left.CompareTo(right) <= 0;

    public static bool operator >(Address left, Address right) => left.CompareTo(right) > 0;

    public static bool operator >=(Address left, Address right) => left.CompareTo(right) >= 0;
}
