using System.Text.Json;
using System.Text.Json.Serialization;
using Aro.Core;

namespace Aro.JsonRpc.Json;

/// <summary>
/// DATA of exactly 20 bytes: "0x" and 40 hex digits. Any case is accepted without an EIP-55 check,
/// as geth and the execution-apis tests do; results are written lowercase, as they expect.
/// </summary>
internal sealed class AddressJsonConverter : JsonConverter<Address>
{
    public override Address Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Span<char> buffer = stackalloc char[2 + (Address.Size * 2)];
        var digits = JsonHex.RequirePrefix(buffer[..JsonHex.ReadString(ref reader, buffer, "address")]);
        if (digits.Length != Address.Size * 2)
        {
            throw new JsonException($"hex string has length {digits.Length}, want {Address.Size * 2} for an address");
        }

        Span<byte> bytes = stackalloc byte[Address.Size];
        JsonHex.DecodeDigits(digits, bytes);
        return new Address(bytes);
    }

    public override void Write(Utf8JsonWriter writer, Address value, JsonSerializerOptions options) =>
        JsonHex.WriteData(writer, value.Bytes);
}
