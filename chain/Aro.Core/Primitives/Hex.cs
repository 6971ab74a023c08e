using System.Runtime.CompilerServices;

namespace Aro.Core;

/// <summary>Hex encoding as Ethereum writes it: optional 0x prefix on input, lowercase on output.</summary>
public static class Hex
{
    private const string Digits = "0123456789abcdef";

    /// <summary>Decodes a hex string with an optional 0x/0X prefix.</summary>
    /// <exception cref="HexFormatException">Odd length or a non-hex character.</exception>
    public static byte[] Decode(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var digits = StripPrefix(hex.AsSpan());
        if ((digits.Length & 1) != 0)
        {
            throw new HexFormatException($"Hex string has an odd number of digits ({digits.Length}).");
        }

        var result = new byte[digits.Length / 2];
        if (!TryDecodeDigits(digits, result))
        {
            throw new HexFormatException("Hex string contains a non-hex character.");
        }

        return result;
    }

    /// <summary>
    /// Decodes hex (optional 0x prefix) into <paramref name="dest"/>; false on odd length, a bad
    /// character or a destination that is too small.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<char> hex, Span<byte> dest, out int written)
    {
        var digits = StripPrefix(hex);
        written = 0;
        if ((digits.Length & 1) != 0 || digits.Length / 2 > dest.Length)
        {
            return false;
        }

        if (!TryDecodeDigits(digits, dest[..(digits.Length / 2)]))
        {
            return false;
        }

        written = digits.Length / 2;
        return true;
    }

    /// <summary>Lowercase hex, with a 0x prefix unless <paramref name="prefix"/> is false.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes, bool prefix = true)
    {
        var length = (bytes.Length * 2) + (prefix ? 2 : 0);
        if (length == 0)
        {
            return string.Empty;
        }

        Span<char> buffer = length <= 512 ? stackalloc char[length] : new char[length];
        var offset = 0;
        if (prefix)
        {
            buffer[0] = '0';
            buffer[1] = 'x';
            offset = 2;
        }

        EncodeDigits(bytes, buffer[offset..]);
        return new string(buffer);
    }

    /// <summary>Writes two lowercase digits per byte; <paramref name="dest"/> must hold 2 × bytes.Length chars.</summary>
    internal static void EncodeDigits(ReadOnlySpan<byte> bytes, Span<char> dest)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            dest[2 * i] = Digits[b >> 4];
            dest[(2 * i) + 1] = Digits[b & 0xF];
        }
    }

    internal static ReadOnlySpan<char> StripPrefix(ReadOnlySpan<char> hex) =>
        hex.Length >= 2 && hex[0] == '0' && (hex[1] == 'x' || hex[1] == 'X') ? hex[2..] : hex;

    /// <summary>Decodes an even number of digits (no prefix) into exactly digits.Length / 2 bytes.</summary>
    internal static bool TryDecodeDigits(ReadOnlySpan<char> digits, Span<byte> dest)
    {
        for (var i = 0; i < dest.Length; i++)
        {
            var hi = Nibble(digits[2 * i]);
            var lo = Nibble(digits[(2 * i) + 1]);
            if ((hi | lo) < 0)
            {
                return false;
            }

            dest[i] = (byte)((hi << 4) | lo);
        }

        return true;
    }

    /// <summary>The value of a hex digit, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Nibble(char c)
    {
        if ((uint)(c - '0') <= 9)
        {
            return c - '0';
        }

        var lower = c | 0x20;
        return (uint)(lower - 'a') <= 5 ? lower - 'a' + 10 : -1;
    }
}
