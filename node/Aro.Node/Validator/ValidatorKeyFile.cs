using System.Text.Json;
using Aro.Core;

namespace Aro.Node.Validator;

/// <summary>
/// <c>priv_validator_key.json</c>: the validator's key in plaintext, readable by its owner only (mode
/// 0600), as CometBFT keeps it, so a validator restarts unattended. Whoever reads the file can sign
/// as the validator; protect the home directory accordingly (README: validator key file).
/// <code>{ "address": "0x…", "publicKey": "0x04…", "privateKey": "0x…" }</code>
/// The address and public key are there for people and tools; on load they must match the private key.
/// </summary>
public static class ValidatorKeyFile
{
    public const string DefaultName = "priv_validator_key.json";

    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Writes a new key file with mode 0600 (created so; never briefly readable by others).</summary>
    /// <exception cref="IOException">The file exists (a key is never overwritten) or cannot be written.</exception>
    public static void Write(string path, ValidatorKey key)
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
            json.WriteString("address", key.Address.ToString());
            json.WriteString("publicKey", Hex.Encode(key.PublicKey.Span));
            json.WriteString("privateKey", Hex.Encode(key.PrivateKey));
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        stream.Flush(flushToDisk: true);
    }

    /// <exception cref="ValidatorKeyException">Unreadable, malformed, or the address/public key do not match the private key.</exception>
    public static ValidatorKey Read(string path)
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ValidatorKeyException($"cannot read the validator key file {path}: {e.Message}", e);
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ValidatorKeyException($"{path}: the validator key file must hold a JSON object");
            }

            var key = new ValidatorKey(ReadHex(root, "privateKey", path));
            if (root.TryGetProperty("address", out var address)
                && (address.ValueKind != JsonValueKind.String || !Address.TryParse(address.GetString(), out var parsed) || parsed != key.Address))
            {
                throw new ValidatorKeyException($"{path}: \"address\" does not match the private key (which gives {key.Address})");
            }

            if (root.TryGetProperty("publicKey", out _) && !ReadHex(root, "publicKey", path).AsSpan().SequenceEqual(key.PublicKey.Span))
            {
                throw new ValidatorKeyException($"{path}: \"publicKey\" does not match the private key");
            }

            return key;
        }
        catch (JsonException e)
        {
            throw new ValidatorKeyException($"{path} is not valid JSON: {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw new ValidatorKeyException($"{path}: \"privateKey\" is not a valid secp256k1 key: {e.Message}", e);
        }
    }

    /// <summary>True when group or others may read or write the file (the node warns, as ssh does).</summary>
    public static bool IsExposed(string path) =>
        !OperatingSystem.IsWindows()
        && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0;

    private static byte[] ReadHex(JsonElement root, string name, string path)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            throw new ValidatorKeyException($"{path}: \"{name}\" is missing or not a string");
        }

        var text = value.GetString()!;
        if (!text.StartsWith("0x", StringComparison.Ordinal) || text.Length % 2 != 0)
        {
            throw new ValidatorKeyException($"{path}: \"{name}\" must be 0x followed by an even number of hex digits");
        }

        try
        {
            return Convert.FromHexString(text.AsSpan(2));
        }
        catch (FormatException)
        {
            throw new ValidatorKeyException($"{path}: \"{name}\" is not hex");
        }
    }
}
