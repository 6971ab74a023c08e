using System.Text.Json;
using System.Text.Json.Serialization;
using Aro.Core;

namespace Aro.JsonRpc.Json;

/// <summary>QUANTITY up to 256 bits: "0x", no leading zero, "0x0" for zero (strict on input too).</summary>
internal sealed class UInt256QuantityJsonConverter : JsonConverter<UInt256>
{
    private const string Digits = "0123456789abcdef";

    public override UInt256 Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Span<char> buffer = stackalloc char[2 + (UInt256.Size * 2)];
        var digits = JsonHex.RequireQuantityDigits(buffer[..JsonHex.ReadString(ref reader, buffer, "quantity")]);
        Span<byte> bytes = stackalloc byte[UInt256.Size];
        var offset = bytes.Length - ((digits.Length + 1) / 2);
        if ((digits.Length & 1) != 0)
        {
            // An odd count: the first digit stands alone in the top byte.
            var first = JsonHex.Nibble(digits[0]);
            if (first < 0)
            {
                throw new JsonException("invalid hex string");
            }

            bytes[offset++] = (byte)first;
            digits = digits[1..];
        }

        JsonHex.DecodeDigits(digits, bytes[offset..]);
        return UInt256.FromBigEndian(bytes);
    }

    public override void Write(Utf8JsonWriter writer, UInt256 value, JsonSerializerOptions options)
    {
        if (value <= ulong.MaxValue)
        {
            JsonHex.WriteQuantity(writer, (ulong)value);
            return;
        }

        Span<byte> bytes = stackalloc byte[UInt256.Size];
        value.WriteBigEndian(bytes);
        Span<byte> text = stackalloc byte[2 + (UInt256.Size * 2)];
        for (var i = 0; i < bytes.Length; i++)
        {
            text[2 + (2 * i)] = (byte)Digits[bytes[i] >> 4];
            text[3 + (2 * i)] = (byte)Digits[bytes[i] & 0xF];
        }

        // Above 64 bits there is at least one significant digit, so the trim leaves a number.
        var significant = text[2..].TrimStart((byte)'0');
        var start = text.Length - significant.Length - 2;
        text[start] = (byte)'0';
        text[start + 1] = (byte)'x';
        writer.WriteStringValue(text[start..]);
    }
}
