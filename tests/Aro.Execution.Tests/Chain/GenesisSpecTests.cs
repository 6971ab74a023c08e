using System.Text.Json.Nodes;
using Aro.Core;
using Aro.Execution.Chain;
using Aro.Testing;

namespace Aro.Execution.Tests.Chain;

public sealed class GenesisSpecTests
{
    private static string DevnetPath => Path.Combine(TestData.RepositoryRoot, "genesis", "devnet.json");

    [Fact]
    public void Devnet_genesis_loads_with_its_documented_parameters()
    {
        var spec = GenesisSpec.Load(DevnetPath);

        Assert.Equal(7771UL, spec.ChainId);
        Assert.Equal(30_000_000UL, spec.GasLimit);
        Assert.Equal((UInt256)1_000_000_000UL, spec.MinBaseFeePerGas);
        Assert.Equal((UInt256)1_000_000_000UL, spec.BaseFeePerGas);
        Assert.Equal(5, spec.Alloc.Length); // four dev accounts and the GPoS module account holding the genesis stake
        Assert.Single(spec.Validators);
    }

    [Fact]
    public void Devnet_accounts_and_validator_come_from_the_documented_labels()
    {
        var spec = GenesisSpec.Load(DevnetPath);
        for (int i = 0; i < 4; i++)
        {
            var key = Aro.Core.Crypto.Keccak256.Hash(System.Text.Encoding.UTF8.GetBytes($"aro-devnet-account-{i}")).ToArray();
            Assert.Contains(spec.Alloc, a => a.Address == TestGenesis.AddressOf(key));
        }

        var validatorKey = Aro.Core.Crypto.Keccak256.Hash("aro-devnet-validator-0"u8).ToArray();
        Assert.Equal(TestGenesis.AddressOf(validatorKey), spec.Validators[0].Address);
    }

    [Fact]
    public void Devnet_file_is_in_canonical_form()
    {
        string text = File.ReadAllText(DevnetPath);
        Assert.Equal(text, GenesisSpec.Parse(text).ToJson());
    }

    [Fact]
    public void Export_then_parse_gives_the_same_document()
    {
        string json = TestGenesis.Spec().ToJson();
        var reparsed = GenesisSpec.Parse(json);

        Assert.Equal(json, reparsed.ToJson());
        Assert.Equal(TestGenesis.Spec().Alloc.ToArray(), reparsed.Alloc.ToArray());
        Assert.Equal(TestGenesis.Spec().Validators.ToArray(), reparsed.Validators.ToArray());
        Assert.Equal(TestGenesis.Spec().ComputeHash(), reparsed.ComputeHash());
    }

    [Fact]
    public void Hex_balances_are_accepted_and_exported_in_decimal()
    {
        var node = Document();
        node["alloc"]![Sender]!["balance"] = "0x3e8";
        var spec = GenesisSpec.Parse(node.ToJsonString());

        Assert.Equal((UInt256)1000UL, spec.Alloc.Single(a => a.Address == TestGenesis.Sender).Balance);
        Assert.Contains("\"balance\": \"1000\"", spec.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Property_order_does_not_change_the_spec()
    {
        var node = Document();
        var reordered = new JsonObject();
        foreach (var (name, value) in node.ToArray().Reverse())
        {
            node.Remove(name);
            reordered[name] = value;
        }

        var gpos = reordered["modules"]!["gpos"]!.AsObject();
        var gposReordered = new JsonObject();
        foreach (var (name, value) in gpos.ToArray().Reverse())
        {
            gpos.Remove(name);
            gposReordered[name] = value;
        }

        reordered["modules"]!["gpos"] = gposReordered;

        var alloc = reordered["alloc"]!.AsObject();
        var allocReordered = new JsonObject();
        foreach (var (name, value) in alloc.ToArray().Reverse())
        {
            alloc.Remove(name);
            allocReordered[name] = value;
        }

        reordered["alloc"] = allocReordered;
        string json = reordered.ToJsonString();
        Assert.NotEqual(TestGenesis.Spec().ToJson(), json);

        var spec = GenesisSpec.Parse(json);
        Assert.Equal(TestGenesis.Spec().ToJson(), spec.ToJson());
        Assert.Equal(TestGenesis.Spec().ComputeHash(), spec.ComputeHash());
    }

    [Fact]
    public void Module_sections_are_kept_for_their_modules()
    {
        var spec = GenesisSpec.Parse(TestGenesis.Spec().ToJson());

        Assert.Equal(100, spec.Modules["gpos"].GetProperty("epochLength").GetInt32());
        Assert.Equal("1000", spec.Modules["gpos"].GetProperty("minStake").GetString());
    }

    public static TheoryData<string, string> InvalidDocuments() => new()
    {
        { "bad alloc address", "$.alloc['0x1234']" },
        { "alloc address without 0x", "$.alloc['" + Sender[2..] + "00']" },
        { "negative balance", BalancePath },
        { "balance of 2^256", BalancePath },
        { "balance as a number", BalancePath },
        { "balance not a number", BalancePath },
        { "unknown top-level field", "$.extraData" },
        { "unknown alloc field", BalancePath.Replace("balance", "nonce", StringComparison.Ordinal) },
        { "unknown validator field", "$.validators[0].name" },
        { "missing chain id", "$.chainId" },
        { "zero chain id", "$.chainId" },
        { "fractional chain id", "$.chainId" },
        { "exponent chain id", "$.chainId" },
        { "chain id over 64 bits", "$.chainId" },
        { "zero gas limit", "$.gasLimit" },
        { "base fee below minimum", "$.baseFeePerGas" },
        { "validator address not the key's", "$.validators[0].address" },
        { "compressed public key", "$.validators[0].publicKey" },
        { "public key off the curve", "$.validators[0].publicKey" },
        { "public key not hex", "$.validators[0].publicKey" },
        { "zero power", "$.validators[0].power" },
        { "total power over the cap", "$.validators[1].power" },
        { "duplicate validator", "$.validators[1].address" },
        { "no validators", "$.validators" },
        { "module section not an object", "$.modules.gpos" },
        { "alloc not an object", "$.alloc" },
    };

    [Theory]
    [MemberData(nameof(InvalidDocuments))]
    public void Invalid_value_is_rejected_naming_its_path(string mutation, string expectedPath)
    {
        var node = Document();
        Mutate(node, mutation);

        var error = Assert.Throws<GenesisException>(() => GenesisSpec.Parse(node.ToJsonString()));
        Assert.Equal(expectedPath, error.Path);
        Assert.Contains(expectedPath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_alloc_address_is_rejected_even_in_another_case()
    {
        string json = TestGenesis.Spec().ToJson();
        string upper = "0x" + Sender[2..].ToUpperInvariant();
        json = json.Replace("\"alloc\": {", $"\"alloc\": {{ \"{upper}\": {{ \"balance\": \"1\" }},", StringComparison.Ordinal);

        var error = Assert.Throws<GenesisException>(() => GenesisSpec.Parse(json));
        Assert.Contains("duplicate alloc address", error.Reason, StringComparison.Ordinal);
        Assert.StartsWith("$.alloc[", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_field_is_rejected()
    {
        string json = TestGenesis.Spec().ToJson().Replace("\"chainId\": 7771,", "\"chainId\": 7771, \"chainId\": 7772,", StringComparison.Ordinal);

        var error = Assert.Throws<GenesisException>(() => GenesisSpec.Parse(json));
        Assert.Equal("$.chainId", error.Path);
    }

    [Fact]
    public void Malformed_json_is_rejected_at_the_root()
    {
        var error = Assert.Throws<GenesisException>(() => GenesisSpec.Parse("{\"chainId\": 1,"));
        Assert.Equal("$", error.Path);
    }

    [Fact]
    public void Missing_file_is_a_genesis_error()
    {
        var error = Assert.Throws<GenesisException>(() => GenesisSpec.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "genesis.json")));
        Assert.Contains("cannot read", error.Reason, StringComparison.Ordinal);
    }

    private static string Sender => TestGenesis.Sender.ToLowerHex();

    private static string BalancePath => $"$.alloc['{Sender}'].balance";

    private static JsonObject Document() => JsonNode.Parse(TestGenesis.Spec().ToJson())!.AsObject();

    private static void Mutate(JsonObject node, string mutation)
    {
        var alloc = node["alloc"]!.AsObject();
        var validator = node["validators"]![0]!.AsObject();
        switch (mutation)
        {
            case "bad alloc address": alloc["0x1234"] = new JsonObject { ["balance"] = "1" }; break;
            case "alloc address without 0x": alloc[Sender[2..] + "00"] = new JsonObject { ["balance"] = "1" }; break;
            case "negative balance": alloc[Sender]!["balance"] = "-1"; break;
            case "balance of 2^256": alloc[Sender]!["balance"] = "115792089237316195423570985008687907853269984665640564039457584007913129639936"; break;
            case "balance as a number": alloc[Sender]!["balance"] = 5; break;
            case "balance not a number": alloc[Sender]!["balance"] = "12abc"; break;
            case "unknown top-level field": node["extraData"] = "0x"; break;
            case "unknown alloc field": alloc[Sender]!["nonce"] = 1; break;
            case "unknown validator field": validator["name"] = "v0"; break;
            case "missing chain id": node.Remove("chainId"); break;
            case "zero chain id": node["chainId"] = 0; break;
            case "fractional chain id": node["chainId"] = JsonNode.Parse("7771.5"); break;
            case "exponent chain id": node["chainId"] = JsonNode.Parse("7.771e3"); break;
            case "chain id over 64 bits": node["chainId"] = JsonNode.Parse("18446744073709551616"); break;
            case "zero gas limit": node["gasLimit"] = 0; break;
            case "base fee below minimum": node["baseFeePerGas"] = "999999999"; break;
            case "validator address not the key's": validator["address"] = TestGenesis.Sender.ToLowerHex(); break;
            case "compressed public key": validator["publicKey"] = "0x02" + new string('1', 64); break;
            case "public key off the curve": validator["publicKey"] = "0x04" + new string('0', 127) + "1"; break;
            case "public key not hex": validator["publicKey"] = "0x04zz"; break;
            case "zero power": validator["power"] = 0; break;
            case "total power over the cap":
                validator["power"] = GenesisJsonReader.MaxTotalPower;
                node["validators"]!.AsArray().Add(ValidatorNode(TestGenesis.OtherValidatorKey, 1));
                break;
            case "duplicate validator": node["validators"]!.AsArray().Add(ValidatorNode(TestGenesis.ValidatorKey, 1)); break;
            case "no validators": node["validators"] = new JsonArray(); break;
            case "module section not an object": node["modules"]!["gpos"] = 1; break;
            case "alloc not an object": node["alloc"] = new JsonArray(); break;
            default: throw new ArgumentException(mutation);
        }
    }

    private static JsonObject ValidatorNode(byte[] key, ulong power) => new()
    {
        ["address"] = TestGenesis.AddressOf(key).ToLowerHex(),
        ["publicKey"] = Hex.Encode(TestGenesis.PublicKey(key)),
        ["power"] = power,
    };
}
