using System.Globalization;
using System.Net;
using System.Text.Json;
using Aro.Consensus.Core;
using Microsoft.Extensions.Logging;

namespace Aro.Node.Hosting;

/// <summary>
/// <c>config.json</c> in a node's home (README: config.json). Paths are relative to the file's
/// directory. Unknown fields are refused, so a misspelt setting is an error rather than silently ignored.
/// Command-line flags override each field.
/// </summary>
public sealed record NodeConfig
{
    public const string FileName = "config.json";

    public string GenesisFile { get; init; } = "genesis.json";

    public string DataDir { get; init; } = "data";

    public string ValidatorKeyFile { get; init; } = Validator.ValidatorKeyFile.DefaultName;

    public IPAddress RpcAddress { get; init; } = IPAddress.Loopback;

    /// <summary>0 picks a free port (printed at start).</summary>
    public int RpcPort { get; init; } = 8545;

    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    public TimeSpan BlockInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan? EmptyBlockInterval { get; init; }

    /// <summary>The node's P2P key (created by init, or on first run when missing).</summary>
    public string NodeKeyFile { get; init; } = Aro.Network.Keys.NodeKeyFile.DefaultName;

    /// <summary>P2P listen address; 0.0.0.0 so other machines can reach the node.</summary>
    public IPAddress P2PAddress { get; init; } = IPAddress.Any;

    /// <summary>0 picks a free port (printed at start).</summary>
    public int P2PPort { get; init; } = 26656;

    /// <summary><c>0x&lt;node id&gt;@host:port</c> entries kept connected.</summary>
    public IReadOnlyList<string> PersistentPeers { get; init; } = [];

    /// <summary>Bootstrap peers, <c>[0x&lt;node id&gt;@]host:port</c>.</summary>
    public IReadOnlyList<string> Seeds { get; init; } = [];

    public int MaxPeers { get; init; } = 40;

    /// <summary>A full node follows the chain from its peers (block sync) and serves JSON-RPC; it produces no blocks and needs no validator key.</summary>
    public bool FullNode { get; init; }

    /// <summary>Consensus step timeouts: <c>timeoutPropose</c>, <c>timeoutProposeDelta</c>, … in the file (README: config.json).</summary>
    public TimeoutConfig Timeouts { get; init; } = new();

    // Value equality over the peer lists too (a record compares list references).
    public bool Equals(NodeConfig? other) =>
        other is not null
        && GenesisFile == other.GenesisFile && DataDir == other.DataDir && ValidatorKeyFile == other.ValidatorKeyFile
        && RpcAddress.Equals(other.RpcAddress) && RpcPort == other.RpcPort && LogLevel == other.LogLevel
        && BlockInterval == other.BlockInterval && EmptyBlockInterval == other.EmptyBlockInterval
        && NodeKeyFile == other.NodeKeyFile && P2PAddress.Equals(other.P2PAddress) && P2PPort == other.P2PPort
        && PersistentPeers.SequenceEqual(other.PersistentPeers) && Seeds.SequenceEqual(other.Seeds)
        && MaxPeers == other.MaxPeers && FullNode == other.FullNode && Timeouts == other.Timeouts;

    public override int GetHashCode() => HashCode.Combine(GenesisFile, DataDir, RpcPort, P2PPort, FullNode);

    /// <exception cref="NodeConfigException">Unreadable, not JSON, an unknown field, a bad value or consensus timeouts that break a rule of <see cref="TimeoutConfig.Validate"/>.</exception>
    public static NodeConfig Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NodeConfigException($"cannot read {path}: {e.Message}", e);
        }

        try
        {
            return Parse(json, path);
        }
        catch (JsonException e)
        {
            throw new NodeConfigException($"{path} is not valid JSON: {e.Message}", e);
        }
    }

    public void Save(string path)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("genesisFile", GenesisFile);
            json.WriteString("dataDir", DataDir);
            json.WriteString("validatorKeyFile", ValidatorKeyFile);
            json.WriteString("rpcAddress", RpcAddress.ToString());
            json.WriteNumber("rpcPort", RpcPort);
            json.WriteString("logLevel", FormatLevel(LogLevel));
            json.WriteString("blockInterval", Durations.Format(BlockInterval));
            if (EmptyBlockInterval is { } empty)
            {
                json.WriteString("emptyBlockInterval", Durations.Format(empty));
            }
            else
            {
                json.WriteNull("emptyBlockInterval");
            }

            json.WriteString("nodeKeyFile", NodeKeyFile);
            json.WriteString("p2pAddress", P2PAddress.ToString());
            json.WriteNumber("p2pPort", P2PPort);
            WriteList(json, "persistentPeers", PersistentPeers);
            WriteList(json, "seeds", Seeds);
            json.WriteNumber("maxPeers", MaxPeers);
            json.WriteBoolean("fullNode", FullNode);
            json.WriteString("timeoutPropose", Durations.Format(Timeouts.ProposeBase));
            json.WriteString("timeoutProposeDelta", Durations.Format(Timeouts.ProposeDelta));
            json.WriteString("timeoutPrevote", Durations.Format(Timeouts.PrevoteBase));
            json.WriteString("timeoutPrevoteDelta", Durations.Format(Timeouts.PrevoteDelta));
            json.WriteString("timeoutPrecommit", Durations.Format(Timeouts.PrecommitBase));
            json.WriteString("timeoutPrecommitDelta", Durations.Format(Timeouts.PrecommitDelta));

            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    private static void WriteList(Utf8JsonWriter json, string name, IReadOnlyList<string> items)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStringValue(item);
        }

        json.WriteEndArray();
    }

    public static bool TryParseLevel(string? text, out LogLevel level)
    {
        (var known, level) = text switch
        {
            "trace" => (true, LogLevel.Trace),
            "debug" => (true, LogLevel.Debug),
            "info" => (true, LogLevel.Information),
            "warn" => (true, LogLevel.Warning),
            "error" => (true, LogLevel.Error),
            _ => (false, LogLevel.None),
        };
        return known;
    }

    public static bool TryParsePort(int port) => port is >= 0 and <= IPEndPoint.MaxPort;

    private static string FormatLevel(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Warning => "warn",
        LogLevel.Error or LogLevel.Critical => "error",
        _ => "info",
    };

    private static NodeConfig Parse(string json, string path)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new NodeConfigException($"{path}: the config must be a JSON object");
        }

        var config = new NodeConfig();
        foreach (var field in document.RootElement.EnumerateObject())
        {
            var value = field.Value;
            config = field.Name switch
            {
                "genesisFile" => config with { GenesisFile = String(value, path, field.Name) },
                "dataDir" => config with { DataDir = String(value, path, field.Name) },
                "validatorKeyFile" => config with { ValidatorKeyFile = String(value, path, field.Name) },
                "rpcAddress" => config with
                {
                    RpcAddress = IPAddress.TryParse(String(value, path, field.Name), out var address)
                        ? address
                        : throw Bad(path, field.Name, "an IP address, e.g. 127.0.0.1"),
                },
                "rpcPort" => config with
                {
                    RpcPort = value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var port) && TryParsePort(port)
                        ? port
                        : throw Bad(path, field.Name, "a port number 0–65535"),
                },
                "logLevel" => config with
                {
                    LogLevel = TryParseLevel(String(value, path, field.Name), out var level)
                        ? level
                        : throw Bad(path, field.Name, "trace, debug, info, warn or error"),
                },
                "blockInterval" => config with { BlockInterval = Duration(value, path, field.Name) },
                "emptyBlockInterval" => config with
                {
                    EmptyBlockInterval = value.ValueKind == JsonValueKind.Null ? null : Duration(value, path, field.Name),
                },
                "nodeKeyFile" => config with { NodeKeyFile = String(value, path, field.Name) },
                "p2pAddress" => config with
                {
                    P2PAddress = IPAddress.TryParse(String(value, path, field.Name), out var p2pAddress)
                        ? p2pAddress
                        : throw Bad(path, field.Name, "an IP address, e.g. 0.0.0.0"),
                },
                "p2pPort" => config with
                {
                    P2PPort = value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var p2pPort) && TryParsePort(p2pPort)
                        ? p2pPort
                        : throw Bad(path, field.Name, "a port number 0–65535"),
                },
                "persistentPeers" => config with { PersistentPeers = PeerList(value, path, field.Name) },
                "seeds" => config with { Seeds = PeerList(value, path, field.Name) },
                "maxPeers" => config with
                {
                    MaxPeers = value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var maxPeers) && maxPeers > 0
                        ? maxPeers
                        : throw Bad(path, field.Name, "a positive number"),
                },
                "fullNode" => config with
                {
                    FullNode = value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw Bad(path, field.Name, "true or false"),
                },
                "timeoutPropose" => config with { Timeouts = config.Timeouts with { ProposeBase = Timeout(value, path, field.Name) } },
                "timeoutProposeDelta" => config with { Timeouts = config.Timeouts with { ProposeDelta = Timeout(value, path, field.Name) } },
                "timeoutPrevote" => config with { Timeouts = config.Timeouts with { PrevoteBase = Timeout(value, path, field.Name) } },
                "timeoutPrevoteDelta" => config with { Timeouts = config.Timeouts with { PrevoteDelta = Timeout(value, path, field.Name) } },
                "timeoutPrecommit" => config with { Timeouts = config.Timeouts with { PrecommitBase = Timeout(value, path, field.Name) } },
                "timeoutPrecommitDelta" => config with { Timeouts = config.Timeouts with { PrecommitDelta = Timeout(value, path, field.Name) } },
                _ => throw new NodeConfigException($"{path}: unknown field \"{field.Name}\""),
            };
        }

        try
        {
            config.Timeouts.Validate();
        }
        catch (TimeoutConfigException e)
        {
            throw new NodeConfigException(TimeoutMessage(path, e), e);
        }

        return config;
    }

    /// <summary>The rule broken, in the file's field names (<c>ProposeBase</c> is <c>timeoutPropose</c>).</summary>
    private static string TimeoutMessage(string path, TimeoutConfigException e)
    {
        static string Field(string setting) => "timeout" + setting.Replace("Base", string.Empty, StringComparison.Ordinal);
        var field = Field(e.Setting);
        return e.Error switch
        {
            TimeoutConfigError.NotPositive => $"{path}: \"{field}\" must be positive (NotPositive)",
            TimeoutConfigError.BaseTooLong => $"{path}: \"{field}\" must be at most {Durations.Format(TimeoutConfig.MaxBase)} (BaseTooLong)",
            _ => $"{path}: \"{field}\" must be at most {Durations.Format(TimeoutConfig.MaxBase)} (DeltaTooLarge)",
        };
    }

    private static List<string> PeerList(JsonElement value, string path, string name)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Bad(path, name, "an array of \"0x<node id>@host:port\" strings");
        }

        var peers = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            var text = item.ValueKind == JsonValueKind.String ? item.GetString()! : throw Bad(path, name, "an array of strings");
            try
            {
                _ = Aro.Network.Peers.PeerAddress.Parse(text);
            }
            catch (FormatException e)
            {
                throw new NodeConfigException($"{path}: \"{name}\": {e.Message}", e);
            }

            peers.Add(text);
        }

        return peers;
    }

    private static string String(JsonElement value, string path, string name) =>
        value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : throw Bad(path, name, "a non-empty string");

    private static TimeSpan Duration(JsonElement value, string path, string name) =>
        Durations.TryParse(value.ValueKind == JsonValueKind.String ? value.GetString() : null, out var duration)
            ? duration
            : throw Bad(path, name, "a duration such as \"500ms\", \"1s\" or \"2m\"");

    private static TimeSpan Timeout(JsonElement value, string path, string name) =>
        Durations.TryParse(value.ValueKind == JsonValueKind.String ? value.GetString() : null, out var duration, allowZero: true)
            ? duration
            : throw Bad(path, name, "a duration such as \"500ms\" or \"3s\"");

    private static NodeConfigException Bad(string path, string name, string expected) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{path}: \"{name}\" must be {expected}"));
}
