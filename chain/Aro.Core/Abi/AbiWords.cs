using System.Buffers.Binary;

namespace Aro.Core.Abi;

/// <summary>Checks on single 32-byte words shared by the encoder, decoder and event topics.</summary>
internal static class AbiWords
{
    public const int Size = AbiType.WordSize;

    /// <summary>True when the word is the sign extension of its low <paramref name="bits"/> bits.</summary>
    public static bool IsSignExtended(ReadOnlySpan<byte> word, int bits)
    {
        var first = Size - (bits / 8);
        if (first == 0)
        {
            return true;
        }

        var fill = (word[first] & 0x80) != 0 ? (byte)0xFF : (byte)0x00;
        return word[..first].IndexOfAnyExcept(fill) < 0;
    }

    /// <summary>True when the first <paramref name="count"/> bytes are zero.</summary>
    public static bool HasZeroPrefix(ReadOnlySpan<byte> word, int count) => word[..count].IndexOfAnyExcept((byte)0) < 0;

    /// <summary>
    /// Reads an offset or length word. Anything that does not fit in an int cannot address the
    /// input (which is an array), so it is rejected rather than truncated.
    /// </summary>
    public static int ReadLength(ReadOnlySpan<byte> word, string what)
    {
        if (!HasZeroPrefix(word, Size - 4) || (word[Size - 4] & 0x80) != 0)
        {
            throw new AbiFormatException($"{what} does not fit the input.");
        }

        return BinaryPrimitives.ReadInt32BigEndian(word[(Size - 4)..]);
    }

    /// <summary>A big-endian 32-byte word as a <see cref="UInt256"/>, without the padding copy of the general reader.</summary>
    public static UInt256 ReadWord(ReadOnlySpan<byte> word) => new(
        BinaryPrimitives.ReadUInt64BigEndian(word[24..]),
        BinaryPrimitives.ReadUInt64BigEndian(word[16..]),
        BinaryPrimitives.ReadUInt64BigEndian(word[8..]),
        BinaryPrimitives.ReadUInt64BigEndian(word));

    public static void WriteLength(Span<byte> word, int value) =>
        BinaryPrimitives.WriteInt32BigEndian(word[(Size - 4)..], value);

    /// <summary>Bytes after padding <paramref name="length"/> to a multiple of 32; long so it cannot overflow.</summary>
    public static long Padded(long length) => (length + Size - 1) / Size * Size;
}
