using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Aro.Core;
using Aro.Core.Crypto;

namespace Aro.Node.Keys;

/// <summary>
/// Reads and writes the JSON of a version 3 key file. Reading matches field names without regard to
/// case, as geth does (some wallets write <c>Crypto</c>), but rejects a name given twice; unknown
/// fields (e.g. ethers' <c>x-ethers</c>) are ignored. Every defect raises <see cref="KeystoreException"/>
/// naming the field. Writing follows geth's layout: compact, fields in geth's order (kdfparams
/// sorted, as Go writes a map), lowercase hex without 0x.
/// </summary>
internal static class KeystoreJson
{
    // A key file is well under a kilobyte; the bound keeps a stray large file from being read whole.
    public const int MaxFileBytes = 64 * 1024;

    // 64 times the 262144 of the definition's test vector: a bound on the work a crafted file can demand.
    internal const int MaxPbkdf2Iterations = 1 << 24;

    private const int MaxSaltBytes = 1024;

    private static readonly JsonDocumentOptions ReaderOptions = new()
    {
        MaxDepth = 16,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    public static KeystoreDocument Parse(string json) => Parse(Encoding.UTF8.GetBytes(json));

    public static KeystoreDocument Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length > MaxFileBytes)
        {
            throw new KeystoreException("file", $"a key file is at most {MaxFileBytes} bytes, this one has {utf8Json.Length}");
        }

        // The reader accepts ill-formed UTF-8 inside strings and only fails when a name or value is
        // decoded, with an exception of its own; checking up front keeps every defect a KeystoreException.
        if (!Utf8.IsValid(utf8Json))
        {
            throw new KeystoreException("file", "not valid UTF-8");
        }

        JsonDocument document;
        try
        {
            // JsonDocument needs a ReadOnlyMemory; the copy is at most MaxFileBytes.
            document = JsonDocument.Parse(utf8Json.ToArray(), ReaderOptions);
        }
        catch (JsonException e)
        {
            throw new KeystoreException("file", $"not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    private static KeystoreDocument Read(JsonElement root)
    {
        RequireObject(root, "file");

        var version = ReadInt(Required(root, "version", "version"), "version");
        if (version != KeystoreDocument.Version)
        {
            throw new KeystoreException("version", $"version {version} is not supported; only version 3 is");
        }

        string? id = null;
        if (Optional(root, "id", "id") is { } idElement)
        {
            id = ReadString(idElement, "id");
        }

        Address? address = null;
        if (Optional(root, "address", "address") is { } addressElement)
        {
            var text = ReadString(addressElement, "address");
            if (!Address.TryParse(text, out var parsed))
            {
                throw new KeystoreException("address", "address must be 40 hex digits (optionally 0x-prefixed, EIP-55 checksum if mixed case)");
            }

            address = parsed;
        }

        var crypto = Required(root, "crypto", "crypto");
        RequireObject(crypto, "crypto");

        var cipher = ReadString(Required(crypto, "cipher", "crypto.cipher"), "crypto.cipher");
        if (!string.Equals(cipher, "aes-128-ctr", StringComparison.Ordinal))
        {
            throw new KeystoreException("crypto.cipher", $"crypto.cipher '{cipher}' is not supported; only aes-128-ctr is");
        }

        var cipherParams = Required(crypto, "cipherparams", "crypto.cipherparams");
        RequireObject(cipherParams, "crypto.cipherparams");
        var iv = ReadHex(Required(cipherParams, "iv", "crypto.cipherparams.iv"), "crypto.cipherparams.iv", KeystoreDocument.IvLength, KeystoreDocument.IvLength);
        // Shorter than 32 bytes: early geth dropped a key's leading zero bytes, and still reads such files.
        var ciphertext = ReadHex(Required(crypto, "ciphertext", "crypto.ciphertext"), "crypto.ciphertext", 1, Secp256k1.PrivateKeyLength);
        var mac = ReadHex(Required(crypto, "mac", "crypto.mac"), "crypto.mac", KeystoreDocument.MacLength, KeystoreDocument.MacLength);

        var kdfName = ReadString(Required(crypto, "kdf", "crypto.kdf"), "crypto.kdf");
        var kdfParams = Required(crypto, "kdfparams", "crypto.kdfparams");
        RequireObject(kdfParams, "crypto.kdfparams");

        var salt = ReadHex(Required(kdfParams, "salt", "crypto.kdfparams.salt"), "crypto.kdfparams.salt", 1, MaxSaltBytes);
        var dkLen = ReadInt(Required(kdfParams, "dklen", "crypto.kdfparams.dklen"), "crypto.kdfparams.dklen");
        if (dkLen is < KeystoreDocument.MinDerivedKeyLength or > KeystoreDocument.MaxDerivedKeyLength)
        {
            throw new KeystoreException(
                "crypto.kdfparams.dklen",
                $"crypto.kdfparams.dklen must be between {KeystoreDocument.MinDerivedKeyLength} and {KeystoreDocument.MaxDerivedKeyLength}, got {dkLen}");
        }

        switch (kdfName)
        {
            case "scrypt":
            {
                var cost = new ScryptParameters(
                    ReadInt(Required(kdfParams, "n", "crypto.kdfparams.n"), "crypto.kdfparams.n"),
                    ReadInt(Required(kdfParams, "r", "crypto.kdfparams.r"), "crypto.kdfparams.r"),
                    ReadInt(Required(kdfParams, "p", "crypto.kdfparams.p"), "crypto.kdfparams.p"));
                if (cost.Check() is { } problem)
                {
                    var field = "crypto.kdfparams." + problem.Field;
                    throw new KeystoreException(field, $"{field} {problem.Reason}");
                }

                return new KeystoreDocument
                {
                    Address = address, Id = id, Kdf = KeystoreKdf.Scrypt, Scrypt = cost, Salt = salt,
                    DerivedKeyLength = dkLen, Iv = iv, Ciphertext = ciphertext, Mac = mac,
                };
            }

            case "pbkdf2":
            {
                var prf = ReadString(Required(kdfParams, "prf", "crypto.kdfparams.prf"), "crypto.kdfparams.prf");
                if (!string.Equals(prf, "hmac-sha256", StringComparison.Ordinal))
                {
                    throw new KeystoreException("crypto.kdfparams.prf", $"crypto.kdfparams.prf '{prf}' is not supported; only hmac-sha256 is");
                }

                var iterations = ReadInt(Required(kdfParams, "c", "crypto.kdfparams.c"), "crypto.kdfparams.c");
                if (iterations is < 1 or > MaxPbkdf2Iterations)
                {
                    throw new KeystoreException("crypto.kdfparams.c", $"crypto.kdfparams.c must be between 1 and {MaxPbkdf2Iterations}, got {iterations}");
                }

                return new KeystoreDocument
                {
                    Address = address, Id = id, Kdf = KeystoreKdf.Pbkdf2, Pbkdf2Iterations = iterations, Salt = salt,
                    DerivedKeyLength = dkLen, Iv = iv, Ciphertext = ciphertext, Mac = mac,
                };
            }

            default:
                throw new KeystoreException("crypto.kdf", $"crypto.kdf '{kdfName}' is not supported; only scrypt and pbkdf2 are");
        }
    }

    public static string Write(KeystoreDocument document)
    {
        using var stream = new MemoryStream(512);
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            if (document.Address is { } address)
            {
                json.WriteString("address", Hex.Encode(address.Bytes, prefix: false));
            }

            json.WriteStartObject("crypto");
            json.WriteString("cipher", "aes-128-ctr");
            json.WriteString("ciphertext", Hex.Encode(document.Ciphertext, prefix: false));
            json.WriteStartObject("cipherparams");
            json.WriteString("iv", Hex.Encode(document.Iv, prefix: false));
            json.WriteEndObject();
            json.WriteString("kdf", document.Kdf == KeystoreKdf.Scrypt ? "scrypt" : "pbkdf2");
            json.WriteStartObject("kdfparams");
            if (document.Kdf == KeystoreKdf.Scrypt)
            {
                json.WriteNumber("dklen", document.DerivedKeyLength);
                json.WriteNumber("n", document.Scrypt.N);
                json.WriteNumber("p", document.Scrypt.P);
                json.WriteNumber("r", document.Scrypt.R);
            }
            else
            {
                json.WriteNumber("c", document.Pbkdf2Iterations);
                json.WriteNumber("dklen", document.DerivedKeyLength);
                json.WriteString("prf", "hmac-sha256");
            }

            json.WriteString("salt", Hex.Encode(document.Salt, prefix: false));
            json.WriteEndObject();
            json.WriteString("mac", Hex.Encode(document.Mac, prefix: false));
            json.WriteEndObject();
            if (document.Id is { } id)
            {
                json.WriteString("id", id);
            }

            json.WriteNumber("version", KeystoreDocument.Version);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private static JsonElement Required(JsonElement parent, string name, string path) =>
        Optional(parent, name, path) ?? throw new KeystoreException(path, $"{path} is missing");

    private static JsonElement? Optional(JsonElement parent, string name, string path)
    {
        JsonElement? found = null;
        foreach (var property in parent.EnumerateObject())
        {
            if (!string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (found is not null)
            {
                throw new KeystoreException(path, $"{path} appears more than once");
            }

            found = property.Value;
        }

        return found;
    }

    private static void RequireObject(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new KeystoreException(path, $"{path} must be a JSON object, got {Describe(element)}");
        }
    }

    private static string ReadString(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String
            ? element.GetString()!
            : throw new KeystoreException(path, $"{path} must be a string, got {Describe(element)}");

    private static int ReadInt(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Number)
        {
            throw new KeystoreException(path, $"{path} must be a number, got {Describe(element)}");
        }

        return element.TryGetInt32(out var value)
            ? value
            : throw new KeystoreException(path, $"{path} must be an integer in the 32-bit range, got {element.GetRawText()}");
    }

    /// <summary>Hex with an optional 0x prefix (geth writes none, some tools do), decoded to minLength..maxLength bytes.</summary>
    private static byte[] ReadHex(JsonElement element, string path, int minLength, int maxLength)
    {
        var text = ReadString(element, path);
        var digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text.AsSpan(2) : text.AsSpan();
        if ((digits.Length & 1) != 0)
        {
            throw new KeystoreException(path, $"{path} has an odd number of hex digits ({digits.Length})");
        }

        var length = digits.Length / 2;
        if (length < minLength || length > maxLength)
        {
            var expected = minLength == maxLength
                ? $"{minLength} bytes"
                : $"{minLength} to {maxLength} bytes";
            throw new KeystoreException(path, $"{path} must be {expected}, got {length}");
        }

        var bytes = new byte[length];
        if (!Hex.TryDecode(digits, bytes, out var written) || written != length)
        {
            throw new KeystoreException(path, $"{path} contains a non-hex character");
        }

        return bytes;
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => element.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture),
    };
}
