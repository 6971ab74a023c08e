using System.Text.Json;
using System.Text.Json.Serialization;
using Aro.Core;

namespace Aro.JsonRpc.Json;

/// <summary>Reads a <see cref="StorageKey"/> with the errors geth gives (execution-apis eth_getStorageAt tests).</summary>
internal sealed class StorageKeyJsonConverter : JsonConverter<StorageKey>
{
    public override StorageKey Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"storage key must be a hex string, got {JsonHex.Describe(reader.TokenType)}");
        }

        var text = reader.GetString()!;
        if (text.Length < 2 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X'))
        {
            throw new JsonException($"invalid hex in storage key: \"{Truncate(text)}\"");
        }

        var digits = text.AsSpan(2);
        if (digits.Length > Hash256.Size * 2)
        {
            throw new JsonException($"storage key too long (want at most 32 bytes): \"{Truncate(text)}\"");
        }

        Span<char> padded = stackalloc char[Hash256.Size * 2];
        padded.Fill('0');
        digits.CopyTo(padded[(padded.Length - digits.Length)..]);
        Span<byte> bytes = stackalloc byte[Hash256.Size];
        for (var i = 0; i < bytes.Length; i++)
        {
            var hi = JsonHex.Nibble(padded[2 * i]);
            var lo = JsonHex.Nibble(padded[(2 * i) + 1]);
            if ((hi | lo) < 0)
            {
                throw new JsonException($"invalid hex in storage key: \"{Truncate(text)}\"");
            }

            bytes[i] = (byte)((hi << 4) | lo);
        }

        return new StorageKey(new Hash256(bytes));
    }

    public override void Write(Utf8JsonWriter writer, StorageKey value, JsonSerializerOptions options) =>
        JsonHex.WriteData(writer, value.Value.Bytes);

    /// <summary>Echoes the input in the error but never a megabyte of it.</summary>
    private static string Truncate(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
}
