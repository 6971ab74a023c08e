namespace Aro.State.Trie;

/// <summary>Nibble paths: one 4-bit digit per byte, high nibble of each key byte first.</summary>
internal static class Nibbles
{
    /// <summary>Keys up to this many bytes are split on the stack.</summary>
    public const int StackKeyLimit = 64;

    public static void FromBytes(ReadOnlySpan<byte> bytes, Span<byte> nibbles)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            nibbles[2 * i] = (byte)(bytes[i] >> 4);
            nibbles[(2 * i) + 1] = (byte)(bytes[i] & 0x0F);
        }
    }

    public static byte[] FromBytes(ReadOnlySpan<byte> bytes)
    {
        var nibbles = new byte[bytes.Length * 2];
        FromBytes(bytes, nibbles);
        return nibbles;
    }

    public static byte[] Concat(ReadOnlySpan<byte> head, ReadOnlySpan<byte> tail)
    {
        var result = new byte[head.Length + tail.Length];
        head.CopyTo(result);
        tail.CopyTo(result.AsSpan(head.Length));
        return result;
    }

    public static byte[] Prepend(byte first, ReadOnlySpan<byte> tail)
    {
        var result = new byte[tail.Length + 1];
        result[0] = first;
        tail.CopyTo(result.AsSpan(1));
        return result;
    }
}
