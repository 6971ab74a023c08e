using System.Text.Json;
using System.Text.Json.Serialization;

namespace Aro.JsonRpc.Json;

/// <summary>
/// QUANTITY up to 64 bits for <see cref="ulong"/> (block numbers, nonces, gas): the wire format
/// has no JSON numbers, so every ulong travels as strict hex.
/// </summary>
internal sealed class UInt64QuantityJsonConverter : JsonConverter<ulong>
{
    public override ulong Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // Room for longer input, so an oversized number gets the "> 64 bits" message.
        Span<char> buffer = stackalloc char[2 + 64];
        return JsonHex.ParseQuantity64(buffer[..JsonHex.ReadString(ref reader, buffer, "quantity")]);
    }

    public override void Write(Utf8JsonWriter writer, ulong value, JsonSerializerOptions options) =>
        JsonHex.WriteQuantity(writer, value);
}
