namespace Aro.State.Trie;

/// <summary>
/// Hex-prefix ("compact") encoding of a nibble path (Yellow Paper appendix C). The first nibble
/// carries two flags: bit 1 = leaf (terminated path), bit 0 = odd length. An even path gets a zero
/// padding nibble so the encoding is whole bytes.
/// </summary>
internal static class HexPrefix
{
    private const int LeafFlag = 2;
    private const int OddFlag = 1;

    public static int EncodedLength(int nibbleCount) => (nibbleCount / 2) + 1;

    /// <summary>Writes the encoding of <paramref name="nibbles"/> (each below 16) to the start of <paramref name="destination"/>.</summary>
    public static void Encode(ReadOnlySpan<byte> nibbles, bool isLeaf, Span<byte> destination)
    {
        var flags = isLeaf ? LeafFlag : 0;
        var next = 0;
        if ((nibbles.Length & 1) != 0)
        {
            destination[0] = (byte)(((flags | OddFlag) << 4) | nibbles[0]);
            next = 1;
        }
        else
        {
            destination[0] = (byte)(flags << 4);
        }

        for (var i = 1; next < nibbles.Length; i++, next += 2)
        {
            destination[i] = (byte)((nibbles[next] << 4) | nibbles[next + 1]);
        }
    }

    public static byte[] Encode(ReadOnlySpan<byte> nibbles, bool isLeaf)
    {
        var result = new byte[EncodedLength(nibbles.Length)];
        Encode(nibbles, isLeaf, result);
        return result;
    }

    /// <summary>
    /// Decodes a hex-prefix path into <paramref name="nibbles"/> (which must hold 2 × encoded.Length).
    /// False for an empty input, an unknown flag nibble or a non-zero padding nibble: each path has
    /// exactly one encoding, so anything else is not a node this trie could have written.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, Span<byte> nibbles, out int nibbleCount, out bool isLeaf)
    {
        nibbleCount = 0;
        isLeaf = false;
        if (encoded.IsEmpty)
        {
            return false;
        }

        var flags = encoded[0] >> 4;
        if (flags > (LeafFlag | OddFlag))
        {
            return false;
        }

        var odd = (flags & OddFlag) != 0;
        if (!odd && (encoded[0] & 0x0F) != 0)
        {
            return false;
        }

        var count = ((encoded.Length - 1) * 2) + (odd ? 1 : 0);
        if (nibbles.Length < count)
        {
            return false;
        }

        var next = 0;
        if (odd)
        {
            nibbles[next++] = (byte)(encoded[0] & 0x0F);
        }

        for (var i = 1; i < encoded.Length; i++)
        {
            nibbles[next++] = (byte)(encoded[i] >> 4);
            nibbles[next++] = (byte)(encoded[i] & 0x0F);
        }

        nibbleCount = count;
        isLeaf = (flags & LeafFlag) != 0;
        return true;
    }
}
