using System.Globalization;
using System.Text.Json;

namespace Aro.Attestation.Dcap;

/// <summary>
/// Typed reads from Intel's collateral JSON. Every missing or mistyped field becomes an
/// <see cref="AttestationFormatException"/> naming its JSON path (offset 0: JSON has no byte position once parsed).
/// </summary>
internal static class JsonFields
{
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8, string field)
    {
        try
        {
            return JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new AttestationFormatException(field, e.BytePositionInLine ?? 0, "invalid JSON: " + e.Message, e);
        }
    }

    public static JsonElement Property(JsonElement parent, string name, string path)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
        {
            throw new AttestationFormatException(path + "." + name, 0, "missing");
        }

        return value;
    }

    public static bool TryProperty(JsonElement parent, string name, out JsonElement value)
    {
        value = default;
        return parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out value);
    }

    public static string String(JsonElement parent, string name, string path)
    {
        var value = Property(parent, name, path);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new AttestationFormatException(path + "." + name, 0, "not a string");
    }

    public static int Int(JsonElement parent, string name, string path, int min, int max)
    {
        var value = Property(parent, name, path);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < min || number > max)
        {
            throw new AttestationFormatException(path + "." + name, 0, $"not an integer in [{min}, {max}]");
        }

        return number;
    }

    public static byte[] Hex(JsonElement parent, string name, string path, int length)
    {
        var text = String(parent, name, path);
        if (text.Length != length * 2)
        {
            throw new AttestationFormatException(path + "." + name, 0, $"expected {length} hex bytes");
        }

        return FromHex(text, path + "." + name);
    }

    public static byte[] FromHex(string text, string field)
    {
        var bytes = new byte[text.Length / 2];
        if (text.Length % 2 != 0 || Convert.FromHexString(text, bytes, out _, out var written) != System.Buffers.OperationStatus.Done || written != bytes.Length)
        {
            throw new AttestationFormatException(field, 0, "not hex");
        }

        return bytes;
    }

    public static DateTimeOffset Time(JsonElement parent, string name, string path)
    {
        var text = String(parent, name, path);
        if (!DateTimeOffset.TryParseExact(text, ["yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.FFFFFFFZ"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            throw new AttestationFormatException(path + "." + name, 0, $"'{text}' is not an ISO 8601 UTC time");
        }

        return time;
    }

    public static TcbStatus Status(JsonElement parent, string name, string path) => String(parent, name, path) switch
    {
        "UpToDate" => TcbStatus.UpToDate,
        "SWHardeningNeeded" => TcbStatus.SWHardeningNeeded,
        "ConfigurationNeeded" => TcbStatus.ConfigurationNeeded,
        "ConfigurationAndSWHardeningNeeded" => TcbStatus.ConfigurationAndSWHardeningNeeded,
        "OutOfDate" => TcbStatus.OutOfDate,
        "OutOfDateConfigurationNeeded" => TcbStatus.OutOfDateConfigurationNeeded,
        "Revoked" => TcbStatus.Revoked,
        var other => throw new AttestationFormatException(path + "." + name, 0, $"unknown TCB status '{other}'"),
    };

    public static string[] Advisories(JsonElement level, string path)
    {
        if (!TryProperty(level, "advisoryIDs", out var list))
        {
            return [];
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new AttestationFormatException(path + ".advisoryIDs", 0, "not an array");
        }

        var ids = new string[list.GetArrayLength()];
        var i = 0;
        foreach (var id in list.EnumerateArray())
        {
            ids[i++] = id.ValueKind == JsonValueKind.String ? id.GetString()! : throw new AttestationFormatException(path + ".advisoryIDs", 0, "not a string");
        }

        return ids;
    }

    public static JsonElement Array(JsonElement parent, string name, string path)
    {
        var value = Property(parent, name, path);
        return value.ValueKind == JsonValueKind.Array ? value : throw new AttestationFormatException(path + "." + name, 0, "not an array");
    }
}
