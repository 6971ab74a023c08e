using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Aro.Core;
using Aro.Core.Crypto;

namespace Aro.Execution.Chain;

/// <summary>
/// Strict reader of the genesis document: every field known, present once and valid, so a typo
/// cannot silently fall back to a default and fork a network at block 0.
/// </summary>
internal static class GenesisJsonReader
{
    // Same cap as CometBFT's MaxTotalVotingPower (int64 max / 8): power sums never overflow.
    internal const ulong MaxTotalPower = long.MaxValue / 8;

    private static readonly string[] TopFields =
        ["chainId", "timestamp", "gasLimit", "baseFeePerGas", "minBaseFeePerGas", "alloc", "validators", "modules"];

    private static readonly string[] ValidatorFields = ["address", "publicKey", "power"];

    private static readonly string[] AccountFields = ["balance"];

    // Any valid scalar: used only to ask libsecp256k1 whether a public key is a curve point.
    private static readonly byte[] ProbeKey = [.. Enumerable.Repeat((byte)0x11, 32)];

    public static GenesisSpec Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            throw new GenesisException("$", $"not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var fields = Fields(document.RootElement, "$", TopFields, TopFields);
            ulong chainId = ReadUInt64(fields["chainId"], "$.chainId");
            if (chainId == 0)
            {
                throw new GenesisException("$.chainId", "must be positive");
            }

            ulong gasLimit = ReadUInt64(fields["gasLimit"], "$.gasLimit");
            if (gasLimit == 0)
            {
                throw new GenesisException("$.gasLimit", "must be positive");
            }

            var baseFee = ReadUInt256(fields["baseFeePerGas"], "$.baseFeePerGas");
            var minBaseFee = ReadUInt256(fields["minBaseFeePerGas"], "$.minBaseFeePerGas");
            if (baseFee < minBaseFee)
            {
                throw new GenesisException("$.baseFeePerGas", $"{baseFee} is below minBaseFeePerGas {minBaseFee}");
            }

            return new GenesisSpec
            {
                ChainId = chainId,
                Timestamp = ReadUInt64(fields["timestamp"], "$.timestamp"),
                GasLimit = gasLimit,
                BaseFeePerGas = baseFee,
                MinBaseFeePerGas = minBaseFee,
                Alloc = ReadAlloc(fields["alloc"]),
                Validators = ReadValidators(fields["validators"]),
                Modules = ReadModules(fields["modules"]),
            };
        }
    }

    private static ImmutableArray<GenesisAccount> ReadAlloc(JsonElement alloc)
    {
        RequireKind(alloc, JsonValueKind.Object, "$.alloc", "an object of address → account");
        var accounts = new SortedDictionary<Address, GenesisAccount>();
        foreach (var property in alloc.EnumerateObject())
        {
            string path = $"$.alloc['{property.Name}']";
            var address = ParseAddress(property.Name, path);
            if (accounts.ContainsKey(address))
            {
                throw new GenesisException(path, $"duplicate alloc address {address.ToLowerHex()}");
            }

            var fields = Fields(property.Value, path, AccountFields, AccountFields);
            accounts.Add(address, new GenesisAccount(address, ReadUInt256(fields["balance"], path + ".balance")));
        }

        return [.. accounts.Values];
    }

    private static ImmutableArray<GenesisValidator> ReadValidators(JsonElement validators)
    {
        RequireKind(validators, JsonValueKind.Array, "$.validators", "an array");
        var result = ImmutableArray.CreateBuilder<GenesisValidator>();
        var seen = new HashSet<Address>();
        ulong total = 0;
        int index = 0;
        foreach (var element in validators.EnumerateArray())
        {
            string path = $"$.validators[{index}]";
            var fields = Fields(element, path, ValidatorFields, ValidatorFields);
            var address = ReadAddress(fields["address"], path + ".address");
            byte[] publicKey = ReadPublicKey(fields["publicKey"], path + ".publicKey");
            var derived = Address.FromPublicKey(publicKey);
            if (derived != address)
            {
                throw new GenesisException(path + ".address", $"{address.ToLowerHex()} is not the address of the public key ({derived.ToLowerHex()})");
            }

            if (!seen.Add(address))
            {
                throw new GenesisException(path + ".address", $"duplicate validator {address.ToLowerHex()}");
            }

            ulong power = ReadUInt64(fields["power"], path + ".power");
            if (power == 0)
            {
                throw new GenesisException(path + ".power", "must be positive");
            }

            total += power;
            if (power > MaxTotalPower || total > MaxTotalPower)
            {
                throw new GenesisException(path + ".power", $"total voting power exceeds {MaxTotalPower}");
            }

            result.Add(new GenesisValidator(address, [.. publicKey], power));
            index++;
        }

        if (result.Count == 0)
        {
            throw new GenesisException("$.validators", "at least one validator is required");
        }

        return result.ToImmutable();
    }

    private static ImmutableSortedDictionary<string, JsonElement> ReadModules(JsonElement modules)
    {
        RequireKind(modules, JsonValueKind.Object, "$.modules", "an object of module name → section");
        var result = ImmutableSortedDictionary.CreateBuilder<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in modules.EnumerateObject())
        {
            string path = $"$.modules.{property.Name}";
            if (property.Name.Length == 0)
            {
                throw new GenesisException(path, "module name is empty");
            }

            if (result.ContainsKey(property.Name))
            {
                throw new GenesisException(path, "duplicate module section");
            }

            RequireKind(property.Value, JsonValueKind.Object, path, "an object");
            result.Add(property.Name, property.Value.Clone());
        }

        return result.ToImmutable();
    }

    /// <summary>The object's properties by name; rejects duplicates, unknown names and missing required ones.</summary>
    private static Dictionary<string, JsonElement> Fields(JsonElement element, string path, string[] known, string[] required)
    {
        RequireKind(element, JsonValueKind.Object, path, "an object");
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            string fieldPath = $"{path}.{property.Name}";
            if (Array.IndexOf(known, property.Name) < 0)
            {
                throw new GenesisException(fieldPath, $"unknown field (expected one of: {string.Join(", ", known)})");
            }

            if (!fields.TryAdd(property.Name, property.Value))
            {
                throw new GenesisException(fieldPath, "field appears twice");
            }
        }

        foreach (string name in required)
        {
            if (!fields.ContainsKey(name))
            {
                throw new GenesisException($"{path}.{name}", "missing required field");
            }
        }

        return fields;
    }

    private static void RequireKind(JsonElement element, JsonValueKind kind, string path, string what)
    {
        if (element.ValueKind != kind)
        {
            throw new GenesisException(path, $"must be {what}, not {element.ValueKind}");
        }
    }

    private static ulong ReadUInt64(JsonElement element, string path)
    {
        RequireKind(element, JsonValueKind.Number, path, "a non-negative integer");
        string raw = element.GetRawText();
        // Only plain digits: "1e3", "1.0" and "-0" would all be ways of writing one value.
        if (raw.Length == 0 || raw.AsSpan().ContainsAnyExceptInRange('0', '9') || (raw.Length > 1 && raw[0] == '0'))
        {
            throw new GenesisException(path, $"{raw} is not a plain non-negative integer");
        }

        if (!ulong.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out ulong value))
        {
            throw new GenesisException(path, $"{raw} does not fit in 64 bits");
        }

        return value;
    }

    private static UInt256 ReadUInt256(JsonElement element, string path)
    {
        RequireKind(element, JsonValueKind.String, path, "a string (decimal or 0x hex)");
        string text = element.GetString()!;
        if (text.StartsWith('-') || text.StartsWith('+'))
        {
            throw new GenesisException(path, $"\"{text}\" is negative or signed; amounts are unsigned");
        }

        try
        {
            return UInt256.Parse(text);
        }
        catch (OverflowException e)
        {
            throw new GenesisException(path, $"\"{text}\" does not fit in 256 bits", e);
        }
        catch (FormatException e)
        {
            throw new GenesisException(path, $"\"{text}\" is not a decimal or 0x hex number", e);
        }
    }

    private static Address ReadAddress(JsonElement element, string path)
    {
        RequireKind(element, JsonValueKind.String, path, "a 0x address string");
        return ParseAddress(element.GetString()!, path);
    }

    private static Address ParseAddress(string text, string path)
    {
        if (text.Length != 2 + (2 * Address.Size) || !text.StartsWith("0x", StringComparison.Ordinal) || !Address.TryParse(text, out var address))
        {
            throw new GenesisException(path, $"\"{text}\" is not a 0x-prefixed 20-byte hex address");
        }

        return address;
    }

    private static byte[] ReadPublicKey(JsonElement element, string path)
    {
        RequireKind(element, JsonValueKind.String, path, "a 0x hex string");
        string text = element.GetString()!;
        byte[] key;
        try
        {
            key = text.StartsWith("0x", StringComparison.Ordinal) ? Hex.Decode(text) : throw new FormatException("missing 0x");
        }
        catch (FormatException e)
        {
            throw new GenesisException(path, $"\"{text}\" is not 0x-prefixed hex", e);
        }

        if (key.Length != Secp256k1.UncompressedPublicKeyLength || key[0] != 0x04)
        {
            throw new GenesisException(path, $"must be a 65-byte uncompressed secp256k1 key (0x04 ‖ x ‖ y), got {key.Length} bytes");
        }

        Span<byte> secret = stackalloc byte[32];
        if (!Secp256k1.TryEcdh(key, ProbeKey, secret))
        {
            throw new GenesisException(path, "is not a point on secp256k1");
        }

        return key;
    }
}
