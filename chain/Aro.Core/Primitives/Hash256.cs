using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Aro.Core;

/// <summary>A 32-byte hash (Keccak-256 digest, block hash, state root …) held inline.</summary>
public readonly struct Hash256 : IEquatable<Hash256>, IComparable<Hash256>
{
    public const int Size = 32;

    public static readonly Hash256 Zero;

    private readonly Bytes32 _bytes;

    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not exactly 32 bytes.</exception>
    public Hash256(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"A Hash256 is {Size} bytes, got {bytes.Length}.", nameof(bytes));
        }

        bytes.CopyTo(_bytes);
    }

    /// <summary>
    /// The bytes in place. The span points into this value's storage, so it is only valid while
    /// that storage is (a local, an array element, a field) — do not keep it past the value.
    /// </summary>
    public ReadOnlySpan<byte> Bytes =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.AsRef(in _bytes[0]), Size);

    public bool IsZero => Equals(Zero);

    public void CopyTo(Span<byte> destination) => Bytes.CopyTo(destination);

    public byte[] ToArray() => Bytes.ToArray();

    /// <summary>Parses 64 hex digits with an optional 0x prefix.</summary>
    /// <exception cref="HexFormatException">Wrong length or a non-hex character.</exception>
    public static Hash256 Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        return TryParse(hex, out var result)
            ? result
            : throw new HexFormatException($"A Hash256 is {Size * 2} hex digits with an optional 0x prefix.");
    }

    public static bool TryParse([NotNullWhen(true)] string? hex, out Hash256 result) =>
        TryParse(hex.AsSpan(), out result);

    public static bool TryParse(ReadOnlySpan<char> hex, out Hash256 result)
    {
        result = default;
        var digits = Hex.StripPrefix(hex);
        if (digits.Length != Size * 2)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[Size];
        if (!Hex.TryDecodeDigits(digits, bytes))
        {
            return false;
        }

        result = new Hash256(bytes);
        return true;
    }

    /// <summary>0x followed by 64 lowercase hex digits.</summary>
    public override string ToString() => Hex.Encode(Bytes);

    public bool Equals(Hash256 other) =>
        Vector256.LoadUnsafe(in _bytes[0]) == Vector256.LoadUnsafe(in other._bytes[0]);

    public override bool Equals(object? obj) => obj is Hash256 other && Equals(other);

    /// <summary>The first eight bytes: hashes are uniformly distributed, so that is enough.</summary>
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
    public int CompareTo(Hash256 other) => Bytes.SequenceCompareTo(other.Bytes);

    public static bool operator ==(Hash256 left, Hash256 right) => left.Equals(right);

    public static bool operator !=(Hash256 left, Hash256 right) => !left.Equals(right);

    public static bool operator <(Hash256 left, Hash256 right) => left.CompareTo(right) < 0;

    public static bool operator <=(Hash256 left, Hash256 right) => left.CompareTo(right) <= 0;

    public static bool operator >(Hash256 left, Hash256 right) => left.CompareTo(right) > 0;

    public static bool operator >=(Hash256 left, Hash256 right) => left.CompareTo(right) >= 0;
}
