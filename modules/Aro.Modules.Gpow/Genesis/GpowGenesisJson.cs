using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Aro.Attestation;
using Aro.Core;
using Aro.Execution.Chain;

namespace Aro.Modules.Gpow.Genesis;

/// <summary>
/// Strict JSON of the genesis section: unknown or duplicate fields are refused, u64/u32 values are JSON
/// numbers, wei amounts canonical decimal strings, bytes 0x-prefixed lowercase hex. Missing params take
/// their defaults; missing roots/policy entries are empty (that kind is then refused).
/// </summary>
internal static class GpowGenesisJson
{
    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");
    private static readonly string[] SectionFields = ["admin", "params", "roots", "policy", "devAttestation"];
    private static readonly string[] ParamFields =
    [
        "epochBlocks", "reportWindowBlocks", "challengeDeadlineBlocks", "verdictWindowBlocks", "keepersPerEdge", "maxVerdictsPerTx",
        "challengeRatePpm", "challengeSlashPpm", "minBond", "attestationValiditySeconds", "settlementPageSize", "maxChunkBytes",
        "deviationBps", "excellentUptimePpm", "ipClassScores", "ipChangeFactors", "bandwidthFactors", "stabilityFactors", "natOpenFactorPpm",
        "computeChallengeRatePpm", "computeChallengeRounds",
    ];

    public static GpowGenesis Read(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new GenesisException(GpowGenesis.Path, "invalid JSON: " + e.Message);
        }
    }

    public static GpowGenesis Read(JsonElement section)
    {
        const string path = GpowGenesis.Path;
        var fields = Fields(section, path, SectionFields);
        var p = new GpowParams();
        if (fields.TryGetValue("params", out var pe))
        {
            p = ReadParams(pe, path + ".params");
        }

        var settings = new AttestationSettings();
        if (fields.TryGetValue("roots", out var roots))
        {
            var f = Fields(roots, path + ".roots", ["intelSgxRootCa", "awsNitroRoot", "amdAskArk"]);
            settings = settings with
            {
                IntelRootCa = f.TryGetValue("intelSgxRootCa", out var intel) ? Hex(intel, path + ".roots.intelSgxRootCa") : [],
                NitroRoot = f.TryGetValue("awsNitroRoot", out var nitro) ? Hex(nitro, path + ".roots.awsNitroRoot") : [],
                AmdChains = f.TryGetValue("amdAskArk", out var amd) ? [.. Array(amd, path + ".roots.amdAskArk", Hex)] : [],
            };
        }

        if (fields.TryGetValue("policy", out var policy))
        {
            var pp = path + ".policy";
            var f = Fields(policy, pp, ["measurements", "minimumTcbStatus", "allowDebug", "maxVmpl"]);
            settings = settings with
            {
                Measurements = f.TryGetValue("measurements", out var m) ? [.. Array(m, pp + ".measurements", ReadRule)] : [],
                MinimumTcbStatus = f.TryGetValue("minimumTcbStatus", out var tcb) && tcb.ValueKind != JsonValueKind.Null
                    ? Enum.TryParse<TcbStatus>(String(tcb, pp + ".minimumTcbStatus"), false, out var status) && Enum.IsDefined(status)
                        ? status
                        : throw new GenesisException(pp + ".minimumTcbStatus", "not a TCB status name")
                    : null,
                AllowDebug = f.TryGetValue("allowDebug", out var debug) && Bool(debug, pp + ".allowDebug"),
                MaxVmpl = f.TryGetValue("maxVmpl", out var vmpl) && vmpl.ValueKind != JsonValueKind.Null ? (int)Number(vmpl, pp + ".maxVmpl", 3) : null,
            };
        }

        if (fields.TryGetValue("devAttestation", out var dev))
        {
            var dp = path + ".devAttestation";
            var f = Fields(dev, dp, ["enabled", "signer"]);
            settings = settings with
            {
                DevEnabled = f.TryGetValue("enabled", out var enabled) && Bool(enabled, dp + ".enabled"),
                DevSigner = f.TryGetValue("signer", out var signer) ? AddressOf(signer, dp + ".signer") : Address.Zero,
            };
        }

        if (p.Validate() is { } error)
        {
            throw new GenesisException(path + ".params", error);
        }

        return new GpowGenesis(p, settings)
        {
            Admin = fields.TryGetValue("admin", out var admin) ? AddressOf(admin, path + ".admin") : null,
        };
    }

    public static string Write(GpowGenesis genesis)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            var p = genesis.Params;
            w.WriteStartObject();
            if (genesis.Admin is { } admin)
            {
                w.WriteString("admin", admin.ToString().ToLowerInvariant());
            }

            w.WriteStartObject("params");
            w.WriteNumber("epochBlocks", p.EpochBlocks);
            w.WriteNumber("reportWindowBlocks", p.ReportWindowBlocks);
            w.WriteNumber("challengeDeadlineBlocks", p.ChallengeDeadlineBlocks);
            w.WriteNumber("verdictWindowBlocks", p.VerdictWindowBlocks);
            w.WriteNumber("keepersPerEdge", p.KeepersPerEdge);
            w.WriteNumber("maxVerdictsPerTx", p.MaxVerdictsPerTx);
            w.WriteNumber("challengeRatePpm", p.ChallengeRatePpm);
            w.WriteNumber("challengeSlashPpm", p.ChallengeSlashPpm);
            w.WriteString("minBond", p.MinBond.ToString());
            w.WriteNumber("attestationValiditySeconds", p.AttestationValiditySeconds);
            w.WriteNumber("settlementPageSize", p.SettlementPageSize);
            w.WriteNumber("maxChunkBytes", p.MaxChunkBytes);
            w.WriteNumber("deviationBps", p.DeviationBps);
            w.WriteNumber("excellentUptimePpm", p.ExcellentUptimePpm);
            w.WriteStartArray("ipClassScores");
            foreach (var s in p.IpClassScores)
            {
                w.WriteNumberValue(s);
            }

            w.WriteEndArray();
            WriteSteps(w, "ipChangeFactors", p.IpChangeFactors);
            WriteSteps(w, "bandwidthFactors", p.BandwidthFactors);
            WriteSteps(w, "stabilityFactors", p.StabilityFactors);
            w.WriteNumber("natOpenFactorPpm", p.NatOpenFactorPpm);
            w.WriteNumber("computeChallengeRatePpm", p.ComputeChallengeRatePpm);
            w.WriteNumber("computeChallengeRounds", p.ComputeChallengeRounds);
            w.WriteEndObject();

            var a = genesis.Attestation;
            w.WriteStartObject("roots");
            w.WriteString("intelSgxRootCa", ToHex(a.IntelRootCa));
            w.WriteString("awsNitroRoot", ToHex(a.NitroRoot));
            w.WriteStartArray("amdAskArk");
            foreach (var chain in a.AmdChains)
            {
                w.WriteStringValue(ToHex(chain));
            }

            w.WriteEndArray();
            w.WriteEndObject();

            w.WriteStartObject("policy");
            w.WriteStartArray("measurements");
            foreach (var rule in a.Measurements)
            {
                w.WriteStartObject();
                w.WriteString("kind", AttestationVerifier.Name(rule.Kind));
                w.WriteString("name", rule.Name);
                w.WriteStartArray("values");
                foreach (var value in rule.Values)
                {
                    w.WriteStringValue(ToHex(value));
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (a.MinimumTcbStatus is { } tcb)
            {
                w.WriteString("minimumTcbStatus", tcb.ToString());
            }
            else
            {
                w.WriteNull("minimumTcbStatus");
            }

            w.WriteBoolean("allowDebug", a.AllowDebug);
            if (a.MaxVmpl is { } vmpl)
            {
                w.WriteNumber("maxVmpl", vmpl);
            }
            else
            {
                w.WriteNull("maxVmpl");
            }

            w.WriteEndObject();
            w.WriteStartObject("devAttestation");
            w.WriteBoolean("enabled", a.DevEnabled);
            w.WriteString("signer", a.DevSigner.ToString().ToLowerInvariant());
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static GpowParams ReadParams(JsonElement e, string path)
    {
        var f = Fields(e, path, ParamFields);
        var d = new GpowParams();
        ulong U64(string name, ulong fallback) => f.TryGetValue(name, out var v) ? Number(v, path + "." + name, ulong.MaxValue) : fallback;
        uint U32(string name, uint fallback) => (uint)(f.TryGetValue(name, out var v) ? Number(v, path + "." + name, uint.MaxValue) : fallback);
        ImmutableArray<FactorStep> Steps(string name, ImmutableArray<FactorStep> fallback) =>
            f.TryGetValue(name, out var v) ? [.. Array(v, path + "." + name, ReadStep)] : fallback;
        return new GpowParams
        {
            EpochBlocks = U64("epochBlocks", d.EpochBlocks),
            ReportWindowBlocks = U64("reportWindowBlocks", d.ReportWindowBlocks),
            ChallengeDeadlineBlocks = U64("challengeDeadlineBlocks", d.ChallengeDeadlineBlocks),
            VerdictWindowBlocks = U64("verdictWindowBlocks", d.VerdictWindowBlocks),
            KeepersPerEdge = U32("keepersPerEdge", d.KeepersPerEdge),
            MaxVerdictsPerTx = U32("maxVerdictsPerTx", d.MaxVerdictsPerTx),
            ChallengeRatePpm = U32("challengeRatePpm", d.ChallengeRatePpm),
            ChallengeSlashPpm = U32("challengeSlashPpm", d.ChallengeSlashPpm),
            MinBond = f.TryGetValue("minBond", out var bond) ? Wei(bond, path + ".minBond") : d.MinBond,
            AttestationValiditySeconds = U64("attestationValiditySeconds", d.AttestationValiditySeconds),
            SettlementPageSize = U32("settlementPageSize", d.SettlementPageSize),
            MaxChunkBytes = U32("maxChunkBytes", d.MaxChunkBytes),
            DeviationBps = U32("deviationBps", d.DeviationBps),
            ExcellentUptimePpm = U32("excellentUptimePpm", d.ExcellentUptimePpm),
            IpClassScores = f.TryGetValue("ipClassScores", out var scores)
                ? [.. Array(scores, path + ".ipClassScores", static (v, p) => (uint)Number(v, p, uint.MaxValue))]
                : d.IpClassScores,
            IpChangeFactors = Steps("ipChangeFactors", d.IpChangeFactors),
            BandwidthFactors = Steps("bandwidthFactors", d.BandwidthFactors),
            StabilityFactors = Steps("stabilityFactors", d.StabilityFactors),
            NatOpenFactorPpm = U32("natOpenFactorPpm", d.NatOpenFactorPpm),
            ComputeChallengeRatePpm = U32("computeChallengeRatePpm", d.ComputeChallengeRatePpm),
            ComputeChallengeRounds = U64("computeChallengeRounds", d.ComputeChallengeRounds),
        };
    }

    private static FactorStep ReadStep(JsonElement e, string path)
    {
        var f = Fields(e, path, ["from", "ppm"]);
        if (!f.TryGetValue("from", out var from) || !f.TryGetValue("ppm", out var ppm))
        {
            throw new GenesisException(path, "a step needs from and ppm");
        }

        return new FactorStep(Number(from, path + ".from", ulong.MaxValue), (uint)Number(ppm, path + ".ppm", uint.MaxValue));
    }

    private static MeasurementRule ReadRule(JsonElement e, string path)
    {
        var f = Fields(e, path, ["kind", "name", "values"]);
        if (!f.TryGetValue("kind", out var kind) || !f.TryGetValue("name", out var name) || !f.TryGetValue("values", out var values))
        {
            throw new GenesisException(path, "a measurement rule needs kind, name and values");
        }

        if (!AttestationVerifier.TryParseKind(String(kind, path + ".kind"), out var k))
        {
            throw new GenesisException(path + ".kind", "one of sgx, tdx, sev-snp, nitro");
        }

        var list = Array(values, path + ".values", Hex);
        if (list.Count == 0)
        {
            throw new GenesisException(path + ".values", "at least one allowed value");
        }

        return new MeasurementRule(k, String(name, path + ".name"), [.. list]);
    }

    private static Dictionary<string, JsonElement> Fields(JsonElement e, string path, string[] allowed)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new GenesisException(path, "must be an object");
        }

        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in e.EnumerateObject())
        {
            if (System.Array.IndexOf(allowed, property.Name) < 0)
            {
                throw new GenesisException(path + "." + property.Name, "unknown field");
            }

            if (!fields.TryAdd(property.Name, property.Value))
            {
                throw new GenesisException(path + "." + property.Name, "duplicate field");
            }
        }

        return fields;
    }

    private static List<T> Array<T>(JsonElement e, string path, Func<JsonElement, string, T> item)
    {
        if (e.ValueKind != JsonValueKind.Array)
        {
            throw new GenesisException(path, "must be an array");
        }

        var list = new List<T>();
        var i = 0;
        foreach (var element in e.EnumerateArray())
        {
            list.Add(item(element, $"{path}[{i++}]"));
        }

        return list;
    }

    private static ulong Number(JsonElement e, string path, ulong max) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetUInt64(out var v) && v <= max ? v : throw new GenesisException(path, $"an integer 0..{max}");

    private static bool Bool(JsonElement e, string path) =>
        e.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new GenesisException(path, "true or false"),
        };

    private static string String(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new GenesisException(path, "must be a string");

    private static UInt256 Wei(JsonElement e, string path)
    {
        var text = String(e, path);
        if (text.Length == 0 || (text.Length > 1 && text[0] == '0') || !text.All(char.IsAsciiDigit))
        {
            throw new GenesisException(path, "a canonical decimal string of wei");
        }

        try
        {
            return UInt256.Parse(text);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            throw new GenesisException(path, "a canonical decimal string of wei");
        }
    }

    private static byte[] Hex(JsonElement e, string path)
    {
        var text = String(e, path);
        if (!text.StartsWith("0x", StringComparison.Ordinal) || text.Length % 2 != 0 || text.AsSpan(2).ContainsAnyExcept(LowerHex))
        {
            throw new GenesisException(path, "0x-prefixed lowercase hex");
        }

        return Convert.FromHexString(text.AsSpan(2));
    }

    private static Address AddressOf(JsonElement e, string path)
    {
        var bytes = Hex(e, path);
        return bytes.Length == Address.Size ? new Address(bytes) : throw new GenesisException(path, "a 20-byte address");
    }

    private static string ToHex(byte[] bytes) => "0x" + Convert.ToHexStringLower(bytes);

    private static void WriteSteps(Utf8JsonWriter w, string name, ImmutableArray<FactorStep> steps)
    {
        w.WriteStartArray(name);
        foreach (var step in steps)
        {
            w.WriteStartObject();
            w.WriteNumber("from", step.From);
            w.WriteNumber("ppm", step.Ppm);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
