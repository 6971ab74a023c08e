using System.Text;
using System.Text.Json;
using Aro.Core;

namespace Aro.Execution.Chain;

/// <summary>
/// Canonical genesis JSON: fixed field order, alloc by address, module names and every nested
/// object's keys in ordinal order, amounts in decimal. One spec has one document, which is what
/// <see cref="GenesisSpec.ComputeHash"/> hashes.
/// </summary>
internal static class GenesisJsonWriter
{
    public static string Write(GenesisSpec spec, bool indented)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("chainId", spec.ChainId);
            writer.WriteNumber("timestamp", spec.Timestamp);
            writer.WriteNumber("gasLimit", spec.GasLimit);
            writer.WriteString("baseFeePerGas", spec.BaseFeePerGas.ToString());
            writer.WriteString("minBaseFeePerGas", spec.MinBaseFeePerGas.ToString());

            writer.WriteStartObject("alloc");
            foreach (var account in spec.Alloc.OrderBy(a => a.Address))
            {
                writer.WriteStartObject(account.Address.ToLowerHex());
                writer.WriteString("balance", account.Balance.ToString());
                writer.WriteEndObject();
            }

            writer.WriteEndObject();

            writer.WriteStartArray("validators");
            foreach (var validator in spec.Validators)
            {
                writer.WriteStartObject();
                writer.WriteString("address", validator.Address.ToLowerHex());
                writer.WriteString("publicKey", Hex.Encode(validator.PublicKey.AsSpan()));
                writer.WriteNumber("power", validator.Power);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();

            writer.WriteStartObject("modules");
            foreach (var (name, section) in spec.Modules.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                writer.WritePropertyName(name);
                WriteCanonical(writer, section);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        string text = Encoding.UTF8.GetString(stream.ToArray());
        return indented ? text.ReplaceLineEndings("\n") + "\n" : text;
    }

    // Objects with sorted keys (ordinal), everything else as written; numbers keep their raw text
    // so a module's 64-bit or 256-bit values are never rounded through a double.
    private static void WriteCanonical(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    WriteCanonical(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteCanonical(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.Number:
                writer.WriteRawValue(element.GetRawText(), skipInputValidation: true);
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
