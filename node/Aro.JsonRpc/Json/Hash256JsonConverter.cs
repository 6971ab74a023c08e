using System.Text.Json;
using System.Text.Json.Serialization;
using Aro.Core;

namespace Aro.JsonRpc.Json;

/// <summary>DATA of exactly 32 bytes: "0x" and 64 hex digits of either case; written lowercase.</summary>
internal sealed class Hash256JsonConverter : JsonConverter<Hash256>
{
    public override Hash256 Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Span<char> buffer = stackalloc char[2 + (Hash256.Size * 2)];
        return Parse(buffer[..JsonHex.ReadString(ref reader, buffer, "hash")]);
    }

    public override void Write(Utf8JsonWriter writer, Hash256 value, JsonSerializerOptions options) =>
        JsonHex.WriteData(writer, value.Bytes);

    internal static Hash256 Parse(ReadOnlySpan<char> text)
    {
        var digits = JsonHex.RequirePrefix(text);
        if (digits.Length != Hash256.Size * 2)
        {
            throw new JsonException($"hex string has length {digits.Length}, want {Hash256.Size * 2} for a 32-byte hash");
        }

        Span<byte> bytes = stackalloc byte[Hash256.Size];
        JsonHex.DecodeDigits(digits, bytes);
        return new Hash256(bytes);
    }
}
