using System.Text.Json;

namespace Aro.Core.Crypto;

/// <summary>
/// A secp256k1 key kept in plaintext JSON readable by its owner only (mode 0600), as CometBFT keeps
/// its node and validator keys: <code>{ "&lt;id field&gt;": "0x…", "publicKey": "0x04…", "privateKey": "0x…" }</code>
/// The id (the key's address) and public key are there for people and tools; on load they must
/// match the private key. Each key kind (node key, validator key) names its id field, its own
/// exception type and its words (<see cref="Secp256k1KeyFileFormat{TKey}"/>).
/// </summary>
public static class Secp256k1KeyFile
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Writes a new key file created with mode 0600 (never briefly readable by others) and fsyncs it.</summary>
    /// <exception cref="IOException">The file exists (a key is never overwritten) or cannot be written.</exception>
    public static void Write(string path, string idField, ReadOnlySpan<byte> privateKey)
    {
        var publicKey = new byte[Secp256k1.UncompressedPublicKeyLength];
        Secp256k1.GetPublicKey(privateKey, publicKey);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using var stream = new FileStream(path, options);
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString(idField, Address.FromPublicKey(publicKey).ToString());
            json.WriteString("publicKey", Hex.Encode(publicKey));
            json.WriteString("privateKey", Hex.Encode(privateKey));
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Reads the key at <paramref name="path"/>; every failure is <paramref name="format"/>'s exception, naming the file and the field.</summary>
    public static TKey Read<TKey>(string path, Secp256k1KeyFileFormat<TKey> format)
    {
        ArgumentNullException.ThrowIfNull(format);
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw format.Error($"cannot read the {format.Kind} file {path}: {e.Message}", e);
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw format.Error($"{path}: the {format.Kind} file must hold a JSON object", null);
            }

            var privateKey = ReadHex(root, "privateKey", path, format);
            var key = format.FromPrivateKey(privateKey);
            var publicKey = new byte[Secp256k1.UncompressedPublicKeyLength];
            Secp256k1.GetPublicKey(privateKey, publicKey);
            var address = Address.FromPublicKey(publicKey);
            if (root.TryGetProperty(format.IdField, out var id)
                && (id.ValueKind != JsonValueKind.String || !Address.TryParse(id.GetString(), out var parsed) || parsed != address))
            {
                throw format.Error($"{path}: \"{format.IdField}\" does not match the private key (which gives {address})", null);
            }

            if (root.TryGetProperty("publicKey", out _) && !ReadHex(root, "publicKey", path, format).AsSpan().SequenceEqual(publicKey))
            {
                throw format.Error($"{path}: \"publicKey\" does not match the private key", null);
            }

            return key;
        }
        catch (JsonException e)
        {
            throw format.Error($"{path} is not valid JSON: {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw format.Error($"{path}: \"privateKey\" is not a valid secp256k1 key: {e.Message}", e);
        }
    }

    private static byte[] ReadHex<TKey>(JsonElement root, string name, string path, Secp256k1KeyFileFormat<TKey> format)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            throw format.Error($"{path}: \"{name}\" is missing or not a string", null);
        }

        var text = value.GetString()!;
        if (!text.StartsWith("0x", StringComparison.Ordinal) || text.Length % 2 != 0)
        {
            throw format.Error($"{path}: \"{name}\" must be 0x followed by an even number of hex digits", null);
        }

        try
        {
            return Convert.FromHexString(text.AsSpan(2));
        }
        catch (FormatException)
        {
            throw format.Error($"{path}: \"{name}\" is not hex", null);
        }
    }
}
