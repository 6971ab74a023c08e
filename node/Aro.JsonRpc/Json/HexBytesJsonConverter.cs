using System.Text.Json;
using System.Text.Json.Serialization;

namespace Aro.JsonRpc.Json;

/// <summary>DATA of any length for <see cref="byte"/>[]: "0x" and an even number of hex digits ("0x" is empty).</summary>
internal sealed class HexBytesJsonConverter : JsonConverter<byte[]>
{
    public override byte[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"data must be a hex string, got {JsonHex.Describe(reader.TokenType)}");
        }

        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            return Decode(reader.ValueSpan);
        }

        // Escaped or split input is rare (no client escapes hex); take the simple path.
        var text = reader.GetString()!;
        var digits = JsonHex.RequirePrefix(text);
        CheckEven(digits.Length);
        var result = new byte[digits.Length / 2];
        JsonHex.DecodeDigits(digits, result);
        return result;
    }

    public override void Write(Utf8JsonWriter writer, byte[] value, JsonSerializerOptions options) =>
        JsonHex.WriteData(writer, value);

    private static byte[] Decode(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length < 2 || utf8[0] != '0' || (utf8[1] != 'x' && utf8[1] != 'X'))
        {
            throw new JsonException("hex string without 0x prefix");
        }

        var digits = utf8[2..];
        CheckEven(digits.Length);
        var result = new byte[digits.Length / 2];
        for (var i = 0; i < result.Length; i++)
        {
            var hi = JsonHex.Nibble((char)digits[2 * i]);
            var lo = JsonHex.Nibble((char)digits[(2 * i) + 1]);
            if ((hi | lo) < 0)
            {
                throw new JsonException("invalid hex string");
            }

            result[i] = (byte)((hi << 4) | lo);
        }

        return result;
    }

    private static void CheckEven(int digits)
    {
        if ((digits & 1) != 0)
        {
            throw new JsonException("hex string of odd length");
        }
    }
}
