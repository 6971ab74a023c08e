using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Aro.Core;
using Aro.Execution.Chain;

namespace Aro.Modules.Gpos.Genesis;

/// <summary>
/// Strict JSON form of <see cref="GposGenesis"/>: unknown or duplicate fields are errors, integers
/// up to 64 bits are JSON numbers, wei amounts are canonical decimal strings (no sign, no leading
/// zero, no hex) so that each value has exactly one spelling. Missing params take their defaults.
/// </summary>
internal static class GposGenesisJson
{
    private const string Root = GposGenesis.Path;

    public static GposGenesis Read(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new GenesisException(Root, "malformed JSON: " + e.Message, e);
        }
    }

    public static GposGenesis Read(JsonElement section)
    {
        var fields = Fields(section, Root, ["params", "keepers", "delegations"], ["keepers", "delegations"]);
        var parameters = fields.TryGetValue("params", out var p) ? ReadParams(p, Root + ".params") : GposParams.Default;
        var keepers = ReadArray(fields["keepers"], Root + ".keepers", ReadKeeper);
        var delegations = ReadArray(fields["delegations"], Root + ".delegations", ReadDelegation);
        return new GposGenesis(parameters, keepers, delegations);
    }

    public static string Write(GposGenesis genesis)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            var p = genesis.Params;
            w.WriteStartObject("params");
            w.WriteNumber("epochBlocks", p.EpochBlocks);
            w.WriteNumber("unbondingEpochs", p.UnbondingEpochs);
            w.WriteNumber("maxValidators", p.MaxValidators);
            w.WriteNumber("maxKeepers", p.MaxKeepers);
            w.WriteString("minSelfStake", p.MinSelfStake.ToString());
            w.WriteNumber("maxCommissionBps", p.MaxCommissionBps);
            w.WriteNumber("maxCommissionChangeBps", p.MaxCommissionChangeBps);
            w.WriteNumber("commissionChangeEpochs", p.CommissionChangeEpochs);
            w.WriteNumber("maxEntries", p.MaxEntries);
            w.WriteNumber("maxDelegationsPerDelegator", p.MaxDelegationsPerDelegator);
            w.WriteString("totalStakeLimit", p.TotalStakeLimit.ToString());
            w.WriteString("bootstrapAllowance", p.BootstrapAllowance.ToString());
            w.WriteNumber("bootstrapEpochs", p.BootstrapEpochs);
            w.WriteNumber("workPeriodEpochs", p.WorkPeriodEpochs);
            w.WriteString("initialEpochEmission", p.InitialEpochEmission.ToString());
            w.WriteNumber("emissionDecayBps", p.EmissionDecayBps);
            w.WriteNumber("epochsPerYear", p.EpochsPerYear);
            w.WriteNumber("keeperPoolBps", p.KeeperPoolBps);
            w.WriteNumber("communityTaxBps", p.CommunityTaxBps);
            w.WriteNumber("slashFractionDoubleSignPpm", p.SlashFractionDoubleSignPpm);
            w.WriteNumber("slashFractionDowntimePpm", p.SlashFractionDowntimePpm);
            w.WriteNumber("slashFractionFalseVouchPpm", p.SlashFractionFalseVouchPpm);
            w.WriteNumber("signedBlocksWindow", p.SignedBlocksWindow);
            w.WriteNumber("minSignedBps", p.MinSignedBps);
            w.WriteNumber("jailEpochs", p.JailEpochs);
            w.WriteNumber("maxEvidenceAgeBlocks", p.MaxEvidenceAgeBlocks);
            w.WriteEndObject();

            w.WriteStartArray("keepers");
            foreach (var k in genesis.Keepers)
            {
                w.WriteStartObject();
                w.WriteString("address", k.Address.ToString());
                w.WriteString("consensusKey", Hex.Encode(k.ConsensusKey.AsSpan()));
                w.WriteNumber("commissionBps", k.CommissionBps);
                w.WriteString("moniker", k.Moniker);
                w.WriteString("region", k.Region);
                w.WriteString("selfStake", k.SelfStake.ToString());
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("delegations");
            foreach (var d in genesis.Delegations)
            {
                w.WriteStartObject();
                w.WriteString("delegator", d.Delegator.ToString());
                w.WriteString("keeper", d.Keeper.ToString());
                w.WriteString("amount", d.Amount.ToString());
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static GposParams ReadParams(JsonElement element, string path)
    {
        var d = GposParams.Default;
        string[] names =
        [
            "epochBlocks", "unbondingEpochs", "maxValidators", "maxKeepers", "minSelfStake", "maxCommissionBps",
            "maxCommissionChangeBps", "commissionChangeEpochs", "maxEntries", "maxDelegationsPerDelegator",
            "totalStakeLimit", "bootstrapAllowance", "bootstrapEpochs", "workPeriodEpochs",
            "initialEpochEmission", "emissionDecayBps", "epochsPerYear", "keeperPoolBps", "communityTaxBps",
            "slashFractionDoubleSignPpm", "slashFractionDowntimePpm", "slashFractionFalseVouchPpm", "signedBlocksWindow",
            "minSignedBps", "jailEpochs", "maxEvidenceAgeBlocks",
        ];
        var f = Fields(element, path, names, []);
        return new GposParams
        {
            EpochBlocks = Opt(f, "epochBlocks", path, d.EpochBlocks, ulong.MaxValue),
            UnbondingEpochs = Opt(f, "unbondingEpochs", path, d.UnbondingEpochs, ulong.MaxValue),
            MaxValidators = (uint)Opt(f, "maxValidators", path, d.MaxValidators, uint.MaxValue),
            MaxKeepers = (uint)Opt(f, "maxKeepers", path, d.MaxKeepers, uint.MaxValue),
            MinSelfStake = f.TryGetValue("minSelfStake", out var min) ? Amount(min, path + ".minSelfStake") : d.MinSelfStake,
            MaxCommissionBps = (ushort)Opt(f, "maxCommissionBps", path, d.MaxCommissionBps, ushort.MaxValue),
            MaxCommissionChangeBps = (ushort)Opt(f, "maxCommissionChangeBps", path, d.MaxCommissionChangeBps, ushort.MaxValue),
            CommissionChangeEpochs = Opt(f, "commissionChangeEpochs", path, d.CommissionChangeEpochs, ulong.MaxValue),
            MaxEntries = (uint)Opt(f, "maxEntries", path, d.MaxEntries, uint.MaxValue),
            MaxDelegationsPerDelegator = (uint)Opt(f, "maxDelegationsPerDelegator", path, d.MaxDelegationsPerDelegator, uint.MaxValue),
            TotalStakeLimit = f.TryGetValue("totalStakeLimit", out var tsl) ? Amount(tsl, path + ".totalStakeLimit") : d.TotalStakeLimit,
            BootstrapAllowance = f.TryGetValue("bootstrapAllowance", out var ba) ? Amount(ba, path + ".bootstrapAllowance") : d.BootstrapAllowance,
            BootstrapEpochs = Opt(f, "bootstrapEpochs", path, d.BootstrapEpochs, ulong.MaxValue),
            WorkPeriodEpochs = Opt(f, "workPeriodEpochs", path, d.WorkPeriodEpochs, ulong.MaxValue),
            InitialEpochEmission = f.TryGetValue("initialEpochEmission", out var iee) ? Amount(iee, path + ".initialEpochEmission") : d.InitialEpochEmission,
            EmissionDecayBps = (ushort)Opt(f, "emissionDecayBps", path, d.EmissionDecayBps, ushort.MaxValue),
            EpochsPerYear = Opt(f, "epochsPerYear", path, d.EpochsPerYear, ulong.MaxValue),
            KeeperPoolBps = (ushort)Opt(f, "keeperPoolBps", path, d.KeeperPoolBps, ushort.MaxValue),
            CommunityTaxBps = (ushort)Opt(f, "communityTaxBps", path, d.CommunityTaxBps, ushort.MaxValue),
            SlashFractionDoubleSignPpm = (uint)Opt(f, "slashFractionDoubleSignPpm", path, d.SlashFractionDoubleSignPpm, uint.MaxValue),
            SlashFractionDowntimePpm = (uint)Opt(f, "slashFractionDowntimePpm", path, d.SlashFractionDowntimePpm, uint.MaxValue),
            SlashFractionFalseVouchPpm = (uint)Opt(f, "slashFractionFalseVouchPpm", path, d.SlashFractionFalseVouchPpm, uint.MaxValue),
            SignedBlocksWindow = Opt(f, "signedBlocksWindow", path, d.SignedBlocksWindow, ulong.MaxValue),
            MinSignedBps = (ushort)Opt(f, "minSignedBps", path, d.MinSignedBps, ushort.MaxValue),
            JailEpochs = Opt(f, "jailEpochs", path, d.JailEpochs, ulong.MaxValue),
            MaxEvidenceAgeBlocks = Opt(f, "maxEvidenceAgeBlocks", path, d.MaxEvidenceAgeBlocks, ulong.MaxValue),
        };
    }

    private static GenesisKeeper ReadKeeper(JsonElement element, string path)
    {
        string[] names = ["address", "consensusKey", "commissionBps", "moniker", "region", "selfStake"];
        var f = Fields(element, path, names, names);
        var key = HexBytes(f["consensusKey"], path + ".consensusKey");
        if (!Validation.IsValidConsensusKey(key))
        {
            throw new GenesisException(path + ".consensusKey", "not an uncompressed secp256k1 public key (65 bytes, 0x04 prefix, on the curve)");
        }

        return new GenesisKeeper(
            AddressOf(f["address"], path + ".address"),
            [.. key],
            (ushort)Number(f["commissionBps"], path + ".commissionBps", ushort.MaxValue),
            Text(f["moniker"], path + ".moniker"),
            Text(f["region"], path + ".region"),
            Amount(f["selfStake"], path + ".selfStake"));
    }

    private static GenesisDelegation ReadDelegation(JsonElement element, string path)
    {
        string[] names = ["delegator", "keeper", "amount"];
        var f = Fields(element, path, names, names);
        return new GenesisDelegation(AddressOf(f["delegator"], path + ".delegator"), AddressOf(f["keeper"], path + ".keeper"), Amount(f["amount"], path + ".amount"));
    }

    private static Dictionary<string, JsonElement> Fields(JsonElement element, string path, string[] allowed, string[] required)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new GenesisException(path, "must be an object");
        }

        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(allowed, property.Name) < 0)
            {
                throw new GenesisException(path + "." + property.Name, "unknown field");
            }

            if (!fields.TryAdd(property.Name, property.Value))
            {
                throw new GenesisException(path + "." + property.Name, "duplicate field");
            }
        }

        foreach (var name in required)
        {
            if (!fields.ContainsKey(name))
            {
                throw new GenesisException(path + "." + name, "missing");
            }
        }

        return fields;
    }

    private static ImmutableArray<T> ReadArray<T>(JsonElement array, string path, Func<JsonElement, string, T> read)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new GenesisException(path, "must be an array");
        }

        var builder = ImmutableArray.CreateBuilder<T>(array.GetArrayLength());
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            builder.Add(read(item, $"{path}[{i++}]"));
        }

        return builder.MoveToImmutable();
    }

    private static ulong Opt(Dictionary<string, JsonElement> fields, string name, string path, ulong fallback, ulong max) =>
        fields.TryGetValue(name, out var value) ? Number(value, path + "." + name, max) : fallback;

    private static ulong Number(JsonElement element, string path, ulong max)
    {
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetUInt64(out var value)
            || element.GetRawText().AsSpan().IndexOfAny(".eE-+") >= 0)
        {
            throw new GenesisException(path, "must be a non-negative integer");
        }

        return value > max ? throw new GenesisException(path, $"must be at most {max.ToString(CultureInfo.InvariantCulture)}") : value;
    }

    private static UInt256 Amount(JsonElement element, string path)
    {
        var text = Text(element, path);
        var canonical = text.Length > 0 && text.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0 && (text.Length == 1 || text[0] != '0');
        if (!canonical || !UInt256.TryParse(text, out var value))
        {
            throw new GenesisException(path, $"\"{text}\" is not a canonical decimal amount below 2^256");
        }

        return value;
    }

    private static Address AddressOf(JsonElement element, string path)
    {
        var text = Text(element, path);
        return Address.TryParse(text, out var address) && text.StartsWith("0x", StringComparison.Ordinal)
            ? address
            : throw new GenesisException(path, $"\"{text}\" is not a 0x address (mixed case must be a valid EIP-55 checksum)");
    }

    private static byte[] HexBytes(JsonElement element, string path)
    {
        var text = Text(element, path);
        try
        {
            return text.StartsWith("0x", StringComparison.Ordinal) ? Hex.Decode(text) : throw new GenesisException(path, "must start with 0x");
        }
        catch (HexFormatException e)
        {
            throw new GenesisException(path, e.Message, e);
        }
    }

    private static string Text(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : throw new GenesisException(path, "must be a string");
}
