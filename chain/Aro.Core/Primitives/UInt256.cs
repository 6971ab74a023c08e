using System.Buffers.Binary;
using System.Numerics;

namespace Aro.Core;

/// <summary>
/// An unsigned 256-bit integer (balances, stake, gas prices, EVM words). Arithmetic is checked:
/// + − × throw <see cref="OverflowException"/> rather than wrap, because a wrapped balance is a
/// minted or burnt coin. Limbs are little-endian: <c>_u0</c> holds the lowest 64 bits.
/// </summary>
public readonly partial struct UInt256 : IEquatable<UInt256>, IComparable<UInt256>
{
    public const int Size = 32;

    public static readonly UInt256 Zero;

    public static readonly UInt256 One = new(1, 0, 0, 0);

    public static readonly UInt256 MaxValue = new(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue);

    private readonly ulong _u0;
    private readonly ulong _u1;
    private readonly ulong _u2;
    private readonly ulong _u3;

    /// <summary>Builds a value from its limbs, least significant first.</summary>
    public UInt256(ulong u0, ulong u1, ulong u2, ulong u3)
    {
        _u0 = u0;
        _u1 = u1;
        _u2 = u2;
        _u3 = u3;
    }

    public bool IsZero => (_u0 | _u1 | _u2 | _u3) == 0;

    /// <summary>Number of significant bits; 0 for zero.</summary>
    public int BitLength =>
        _u3 != 0 ? 256 - BitOperations.LeadingZeroCount(_u3)
        : _u2 != 0 ? 192 - BitOperations.LeadingZeroCount(_u2)
        : _u1 != 0 ? 128 - BitOperations.LeadingZeroCount(_u1)
        : 64 - BitOperations.LeadingZeroCount(_u0);

    /// <summary>Length of the minimal big-endian encoding (no leading zero bytes); 0 for zero.</summary>
    public int ByteLength => (BitLength + 7) / 8;

    /// <summary>Reads up to 32 big-endian bytes; fewer bytes are the low end of the value.</summary>
    /// <exception cref="ArgumentException">More than 32 bytes.</exception>
    public static UInt256 FromBigEndian(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > Size)
        {
            throw new ArgumentException($"A UInt256 is at most {Size} bytes, got {bytes.Length}.", nameof(bytes));
        }

        Span<byte> padded = stackalloc byte[Size];
        padded.Clear();
        bytes.CopyTo(padded[(Size - bytes.Length)..]);
        return new UInt256(
            BinaryPrimitives.ReadUInt64BigEndian(padded[24..]),
            BinaryPrimitives.ReadUInt64BigEndian(padded[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(padded[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(padded));
    }

    /// <summary>Writes the value as exactly 32 big-endian bytes, zero-padded on the left.</summary>
    /// <exception cref="ArgumentException"><paramref name="dest32"/> is not 32 bytes.</exception>
    public void WriteBigEndian(Span<byte> dest32)
    {
        if (dest32.Length != Size)
        {
            throw new ArgumentException($"Destination must be {Size} bytes, got {dest32.Length}.", nameof(dest32));
        }

        BinaryPrimitives.WriteUInt64BigEndian(dest32, _u3);
        BinaryPrimitives.WriteUInt64BigEndian(dest32[8..], _u2);
        BinaryPrimitives.WriteUInt64BigEndian(dest32[16..], _u1);
        BinaryPrimitives.WriteUInt64BigEndian(dest32[24..], _u0);
    }

    /// <summary>Writes the <see cref="ByteLength"/> significant big-endian bytes to the start of <paramref name="dest"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="dest"/> is shorter than <see cref="ByteLength"/>.</exception>
    public void WriteBigEndianMinimal(Span<byte> dest)
    {
        var length = ByteLength;
        if (dest.Length < length)
        {
            throw new ArgumentException($"Destination must hold {length} bytes, got {dest.Length}.", nameof(dest));
        }

        Span<byte> full = stackalloc byte[Size];
        WriteBigEndian(full);
        full[(Size - length)..].CopyTo(dest);
    }

    public byte[] ToBigEndian()
    {
        var result = new byte[Size];
        WriteBigEndian(result);
        return result;
    }

    public byte[] ToBigEndianMinimal()
    {
        var result = new byte[ByteLength];
        WriteBigEndianMinimal(result);
        return result;
    }

    public static implicit operator UInt256(ulong value) => new(value, 0, 0, 0);

    public static implicit operator UInt256(uint value) => new(value, 0, 0, 0);

    /// <exception cref="OverflowException"><paramref name="value"/> is negative.</exception>
    public static explicit operator UInt256(int value) =>
        value >= 0 ? new UInt256((ulong)value, 0, 0, 0) : throw new OverflowException("A UInt256 cannot be negative.");

    /// <exception cref="OverflowException"><paramref name="value"/> is negative.</exception>
    public static explicit operator UInt256(long value) =>
        value >= 0 ? new UInt256((ulong)value, 0, 0, 0) : throw new OverflowException("A UInt256 cannot be negative.");

    /// <exception cref="OverflowException">The value does not fit in 64 bits.</exception>
    public static explicit operator ulong(UInt256 value) =>
        (value._u1 | value._u2 | value._u3) == 0 ? value._u0 : throw new OverflowException("Value does not fit in a ulong.");

    /// <summary>For tests and tools; not for hot paths.</summary>
    public BigInteger ToBigInteger()
    {
        Span<byte> bytes = stackalloc byte[Size];
        WriteBigEndian(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>For tests and tools; not for hot paths.</summary>
    /// <exception cref="OverflowException">Negative or 2^256 and above.</exception>
    public static UInt256 FromBigInteger(BigInteger value)
    {
        if (value.Sign < 0 || value.GetBitLength() > 256)
        {
            throw new OverflowException("Value is outside the UInt256 range.");
        }

        Span<byte> bytes = stackalloc byte[Size];
        value.TryWriteBytes(bytes, out var written, isUnsigned: true, isBigEndian: true);
        return FromBigEndian(bytes[..written]);
    }

    public static explicit operator BigInteger(UInt256 value) => value.ToBigInteger();

    public static explicit operator UInt256(BigInteger value) => FromBigInteger(value);

    public bool Equals(UInt256 other) =>
        ((_u0 ^ other._u0) | (_u1 ^ other._u1) | (_u2 ^ other._u2) | (_u3 ^ other._u3)) == 0;

    public override bool Equals(object? obj) => obj is UInt256 other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_u0, _u1, _u2, _u3);

    public int CompareTo(UInt256 other) =>
        _u3 != other._u3 ? _u3.CompareTo(other._u3)
        : _u2 != other._u2 ? _u2.CompareTo(other._u2)
        : _u1 != other._u1 ? _u1.CompareTo(other._u1)
        : _u0.CompareTo(other._u0);

    public static bool operator ==(UInt256 left, UInt256 right) => left.Equals(right);

    public static bool operator !=(UInt256 left, UInt256 right) => !left.Equals(right);

    public static bool operator <(UInt256 left, UInt256 right) => left.CompareTo(right) < 0;

    public static bool operator <=(UInt256 left, UInt256 right) => left.CompareTo(right) <= 0;

    public static bool operator >(UInt256 left, UInt256 right) => left.CompareTo(right) > 0;

    public static bool operator >=(UInt256 left, UInt256 right) => left.CompareTo(right) >= 0;
}
