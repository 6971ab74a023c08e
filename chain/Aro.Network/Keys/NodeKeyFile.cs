using System.Text.Json;
using Aro.Core;

namespace Aro.Network.Keys;

/// <summary>
/// <c>node_key.json</c> in the node home, mode 0600, as CometBFT keeps its node key:
/// <code>{ "nodeId": "0x…", "publicKey": "0x04…", "privateKey": "0x…" }</code>
/// The node id and public key are there for operators (peer lists name the id); on load they must
/// match the private key.
/// </summary>
public static class NodeKeyFile
{
    public const string DefaultName = "node_key.json";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Reads the key at <paramref name="path"/>, or creates one there (0600) when the file does not exist.</summary>
    public static NodeKey LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return Read(path);
        }

        var key = NodeKey.Generate();
        Write(path, key);
        return key;
    }

    /// <summary>Writes a new key file created with mode 0600 (never briefly readable by others).</summary>
    /// <exception cref="IOException">The file exists (a key is never overwritten) or cannot be written.</exception>
    public static void Write(string path, NodeKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using var stream = new FileStream(path, options);
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("nodeId", key.Id.ToString());
            json.WriteString("publicKey", Hex.Encode(key.PublicKey));
            json.WriteString("privateKey", Hex.Encode(key.PrivateKey));
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        stream.Flush(flushToDisk: true);
    }

    /// <exception cref="NodeKeyException">Unreadable, malformed, or the id/public key do not match the private key.</exception>
    public static NodeKey Read(string path)
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NodeKeyException($"cannot read the node key file {path}: {e.Message}", e);
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new NodeKeyException($"{path}: the node key file must hold a JSON object");
            }

            var key = new NodeKey(ReadHex(root, "privateKey", path));
            if (root.TryGetProperty("nodeId", out var id)
                && (id.ValueKind != JsonValueKind.String || !Address.TryParse(id.GetString(), out var parsed) || parsed != key.Id.Address))
            {
                throw new NodeKeyException($"{path}: \"nodeId\" does not match the private key (which gives {key.Id})");
            }

            if (root.TryGetProperty("publicKey", out _) && !ReadHex(root, "publicKey", path).AsSpan().SequenceEqual(key.PublicKey))
            {
                throw new NodeKeyException($"{path}: \"publicKey\" does not match the private key");
            }

            return key;
        }
        catch (JsonException e)
        {
            throw new NodeKeyException($"{path} is not valid JSON: {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw new NodeKeyException($"{path}: \"privateKey\" is not a valid secp256k1 key: {e.Message}", e);
        }
    }

    private static byte[] ReadHex(JsonElement root, string name, string path)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            throw new NodeKeyException($"{path}: \"{name}\" is missing or not a string");
        }

        var text = value.GetString()!;
        if (!text.StartsWith("0x", StringComparison.Ordinal) || text.Length % 2 != 0)
        {
            throw new NodeKeyException($"{path}: \"{name}\" must be 0x followed by an even number of hex digits");
        }

        try
        {
            return Convert.FromHexString(text.AsSpan(2));
        }
        catch (FormatException)
        {
            throw new NodeKeyException($"{path}: \"{name}\" is not hex");
        }
    }
}
