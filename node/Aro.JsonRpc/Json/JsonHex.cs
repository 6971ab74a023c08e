using System.Buffers;
using System.Text.Json;
using Aro.Core;

namespace Aro.JsonRpc.Json;

/// <summary>
/// Reads and writes the hex strings of the Ethereum JSON-RPC wire format straight from and to
/// UTF-8, without an intermediate string.
/// </summary>
internal static class JsonHex
{
    private static ReadOnlySpan<byte> Digits => "0123456789abcdef"u8;

    /// <summary>
    /// Copies the current string token, unescaped, into <paramref name="buffer"/> and returns its
    /// length; throws
    /// <see cref="JsonException"/> when it is not a string or longer than the buffer.
    /// </summary>
    public static int ReadString(ref Utf8JsonReader reader, scoped Span<char> buffer, string what)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"{what} must be a hex string, got {Describe(reader.TokenType)}");
        }

        // An unescaped string has no more chars than its raw bytes, so the raw length bounds it.
        var rawLength = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (rawLength > buffer.Length)
        {
            throw new JsonException($"{what} is too long ({rawLength} characters, at most {buffer.Length})");
        }

        return reader.CopyString(buffer);
    }

    /// <summary>The digits after a mandatory 0x prefix.</summary>
    public static ReadOnlySpan<char> RequirePrefix(ReadOnlySpan<char> text)
    {
        if (text.Length < 2 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X'))
        {
            throw new JsonException("hex string without 0x prefix");
        }

        return text[2..];
    }

    /// <summary>Decodes exactly dest.Length bytes from 2 × dest.Length digits.</summary>
    public static void DecodeDigits(ReadOnlySpan<char> digits, Span<byte> dest)
    {
        for (var i = 0; i < dest.Length; i++)
        {
            var hi = Nibble(digits[2 * i]);
            var lo = Nibble(digits[(2 * i) + 1]);
            if ((hi | lo) < 0)
            {
                throw new JsonException("invalid hex string");
            }

            dest[i] = (byte)((hi << 4) | lo);
        }
    }

    public static int Nibble(char c)
    {
        if ((uint)(c - '0') <= 9)
        {
            return c - '0';
        }

        var lower = c | 0x20;
        return (uint)(lower - 'a') <= 5 ? lower - 'a' + 10 : -1;
    }

    /// <summary>Writes "0x" and two lowercase digits per byte as a JSON string.</summary>
    public static void WriteData(Utf8JsonWriter writer, ReadOnlySpan<byte> bytes)
    {
        var length = 2 + (bytes.Length * 2);
        byte[]? rented = null;
        var buffer = length <= 256 ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length)).AsSpan(0, length);
        buffer[0] = (byte)'0';
        buffer[1] = (byte)'x';
        for (var i = 0; i < bytes.Length; i++)
        {
            buffer[2 + (2 * i)] = Digits[bytes[i] >> 4];
            buffer[3 + (2 * i)] = Digits[bytes[i] & 0xF];
        }

        writer.WriteStringValue(buffer);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Writes a QUANTITY: 0x and lowercase hex without leading zeros, "0x0" for zero.</summary>
    public static void WriteQuantity(Utf8JsonWriter writer, ulong value)
    {
        Span<byte> buffer = stackalloc byte[18];
        buffer[0] = (byte)'0';
        buffer[1] = (byte)'x';
        var nibbles = value == 0 ? 1 : (67 - (int)ulong.LeadingZeroCount(value)) / 4;
        for (var i = 0; i < nibbles; i++)
        {
            buffer[1 + nibbles - i] = Digits[(int)((value >> (4 * i)) & 0xF)];
        }

        writer.WriteStringValue(buffer[..(2 + nibbles)]);
    }

    /// <summary>
    /// Parses a QUANTITY strictly: 0x, at least one digit, no leading zero, at most 16 digits.
    /// </summary>
    public static ulong ParseQuantity64(ReadOnlySpan<char> text)
    {
        var digits = RequireQuantityDigits(text);
        if (digits.Length > 16)
        {
            throw new JsonException("hex number > 64 bits");
        }

        ulong value = 0;
        foreach (var c in digits)
        {
            var n = Nibble(c);
            if (n < 0)
            {
                throw new JsonException("invalid hex string");
            }

            value = (value << 4) | (uint)n;
        }

        return value;
    }

    /// <summary>The digits of a QUANTITY after its checks for prefix, emptiness and leading zeros.</summary>
    public static ReadOnlySpan<char> RequireQuantityDigits(ReadOnlySpan<char> text)
    {
        var digits = RequirePrefix(text);
        if (digits.IsEmpty)
        {
            throw new JsonException("hex string \"0x\" has no digits");
        }

        if (digits.Length > 1 && digits[0] == '0')
        {
            throw new JsonException("hex number with leading zero digits");
        }

        return digits;
    }

    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.Number => "a number",
        JsonTokenType.String => "a string",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => token.ToString(),
    };
}
