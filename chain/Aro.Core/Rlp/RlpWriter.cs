using System.Buffers.Binary;
using System.Numerics;

namespace Aro.Core.Rlp;

/// <summary>
/// Allocation-free RLP encoder into a caller-sized span. Callers size the buffer with the static
/// <c>LengthOf*</c> helpers first (two passes: measure, then write), so nothing is copied twice.
/// </summary>
public ref struct RlpWriter
{
    private const int ShortLimit = 56;
    private readonly Span<byte> _buffer;
    private int _position;

    public RlpWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
    }

    /// <summary>Bytes written so far.</summary>
    public readonly int Position => _position;

    /// <summary>The bytes written so far.</summary>
    public readonly ReadOnlySpan<byte> Written => _buffer[.._position];

    public static int LengthOfBytes(ReadOnlySpan<byte> value) =>
        value.Length == 1 && value[0] < 0x80 ? 1 : LengthOfHeader(value.Length) + value.Length;

    public static int LengthOfUInt64(ulong value) =>
        value < 0x80 ? 1 : 1 + ByteCount(value);

    /// <summary>Length of a big-endian unsigned integer once its leading zeros are stripped.</summary>
    public static int LengthOfBigEndianInteger(ReadOnlySpan<byte> bigEndian) =>
        LengthOfBytes(StripLeadingZeros(bigEndian));

    public static int LengthOfListHeader(int contentLength) => LengthOfHeader(contentLength);

    public static int LengthOfList(int contentLength) => LengthOfHeader(contentLength) + contentLength;

    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        if (value.Length == 1 && value[0] < 0x80)
        {
            Reserve(1)[0] = value[0];
            return;
        }

        WriteHeader(value.Length, 0x80);
        value.CopyTo(Reserve(value.Length));
    }

    public void WriteUInt64(ulong value)
    {
        if (value < 0x80)
        {
            // Zero is the empty string (0x80), never the byte 0x00.
            Reserve(1)[0] = value == 0 ? (byte)0x80 : (byte)value;
            return;
        }

        var length = ByteCount(value);
        var target = Reserve(1 + length);
        target[0] = (byte)(0x80 + length);
        WriteBigEndian(value, target[1..]);
    }

    /// <summary>Writes an unsigned big-endian integer of any width; leading zeros are stripped (zero becomes 0x80).</summary>
    public void WriteBigEndianInteger(ReadOnlySpan<byte> bigEndian) => WriteBytes(StripLeadingZeros(bigEndian));

    /// <summary>Writes a list header; the caller then writes exactly <paramref name="contentLength"/> bytes of items.</summary>
    public void WriteListHeader(int contentLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(contentLength);
        WriteHeader(contentLength, 0xc0);
    }

    /// <summary>Copies an already encoded item (or several) verbatim.</summary>
    public void WriteRaw(ReadOnlySpan<byte> encoded) => encoded.CopyTo(Reserve(encoded.Length));

    private static int LengthOfHeader(int payloadLength) =>
        payloadLength < ShortLimit ? 1 : 1 + ByteCount((ulong)payloadLength);

    private static ReadOnlySpan<byte> StripLeadingZeros(ReadOnlySpan<byte> bigEndian)
    {
        var firstNonZero = bigEndian.IndexOfAnyExcept((byte)0);
        return firstNonZero < 0 ? [] : bigEndian[firstNonZero..];
    }

    private static int ByteCount(ulong value) => (64 - BitOperations.LeadingZeroCount(value) + 7) / 8;

    private static void WriteBigEndian(ulong value, Span<byte> target)
    {
        Span<byte> full = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64BigEndian(full, value);
        full[(sizeof(ulong) - target.Length)..].CopyTo(target);
    }

    private void WriteHeader(int payloadLength, byte shortBase)
    {
        if (payloadLength < ShortLimit)
        {
            Reserve(1)[0] = (byte)(shortBase + payloadLength);
            return;
        }

        var lengthOfLength = ByteCount((ulong)payloadLength);
        var target = Reserve(1 + lengthOfLength);

        // Long form: 0xb7 / 0xf7 plus the number of length bytes.
        target[0] = (byte)(shortBase + ShortLimit - 1 + lengthOfLength);
        WriteBigEndian((ulong)payloadLength, target[1..]);
    }

    private Span<byte> Reserve(int count)
    {
        if (count > _buffer.Length - _position)
        {
            throw new InvalidOperationException(
                $"RLP buffer too small: {_buffer.Length} bytes, {_position} used, {count} more needed. Size it with the LengthOf helpers.");
        }

        var span = _buffer.Slice(_position, count);
        _position += count;
        return span;
    }
}
