using System.CommandLine;
using System.Net;
using Aro.Node.Hosting;

namespace Aro.Node.Cli;

/// <summary>The flags <c>run</c> and <c>devnet</c> share; each overrides the matching config.json field.</summary>
internal sealed class NodeOptions
{
    public Option<string?> RpcAddress { get; } = new("--rpc-addr") { Description = "JSON-RPC listen address (default 127.0.0.1)." };

    public Option<int?> RpcPort { get; } = new("--rpc-port") { Description = "JSON-RPC port, HTTP and WebSocket (default 8545; 0 picks a free one)." };

    public Option<string?> LogLevel { get; } = new("--log-level") { Description = "trace, debug, info, warn or error (default info)." };

    public Option<string?> BlockInterval { get; } = new("--block-interval") { Description = "How often a block is made when transactions wait, e.g. 1s, 500ms (default 1s)." };

    public Option<string?> EmptyBlockInterval { get; } = new("--empty-block-interval") { Description = "Make an empty block if none was made for this long, e.g. 10s, or never (default: never; devnet: 2s)." };

    public Option<string?> P2PAddress { get; } = new("--p2p-addr") { Description = "P2P listen address (default 0.0.0.0)." };

    public Option<int?> P2PPort { get; } = new("--p2p-port") { Description = "P2P port (default 26656; 0 picks a free one)." };

    public Option<string?> PersistentPeers { get; } = new("--persistent-peers") { Description = "Comma-separated 0x<node id>@host:port peers to keep connected (replaces the config list)." };

    public Option<bool> FullNode { get; } = new("--full-node") { Description = "Follow the chain from peers (block sync) without producing blocks; no validator key needed." };

    public Option<string?> TimeoutPropose { get; } = new("--timeout-propose")
    {
        Description = "How long a round waits for the proposer's block before moving on, e.g. 500ms (default 3s; each later round adds 500ms).",
    };

    public void AddTo(Command command)
    {
        command.Add(TimeoutPropose);
        command.Add(P2PAddress);
        command.Add(P2PPort);
        command.Add(PersistentPeers);
        command.Add(FullNode);
        command.Add(RpcAddress);
        command.Add(RpcPort);
        command.Add(LogLevel);
        command.Add(BlockInterval);
        command.Add(EmptyBlockInterval);
    }

    /// <exception cref="NodeConfigException">A flag's value is malformed.</exception>
    public NodeSettings Apply(ParseResult parseResult, NodeSettings settings)
    {
        settings = settings with { RpcEndPoint = EndPoint(settings.RpcEndPoint, parseResult.GetValue(RpcAddress), parseResult.GetValue(RpcPort), "rpc", "127.0.0.1") };

        if (parseResult.GetValue(LogLevel) is { } levelText)
        {
            settings = settings with
            {
                LogLevel = NodeConfig.TryParseLevel(levelText, out var level) ? level : throw new NodeConfigException("--log-level must be trace, debug, info, warn or error"),
            };
        }

        if (parseResult.GetValue(BlockInterval) is { } blockText)
        {
            settings = settings with { Production = settings.Production with { BlockInterval = Duration(blockText, "--block-interval") } };
        }

        if (parseResult.GetValue(EmptyBlockInterval) is { } emptyText)
        {
            var empty = emptyText == "never" ? (TimeSpan?)null : Duration(emptyText, "--empty-block-interval");
            settings = settings with { Production = settings.Production with { EmptyBlockInterval = empty } };
        }

        settings = settings with { P2PEndPoint = EndPoint(settings.P2PEndPoint, parseResult.GetValue(P2PAddress), parseResult.GetValue(P2PPort), "p2p", "0.0.0.0") };

        if (parseResult.GetValue(PersistentPeers) is { } peersText)
        {
            try
            {
                settings = settings with
                {
                    PersistentPeers = peersText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(Aro.Network.Peers.PeerAddress.Parse).ToArray(),
                };
            }
            catch (FormatException e)
            {
                throw new NodeConfigException($"--persistent-peers: {e.Message}");
            }
        }

        if (parseResult.GetValue(TimeoutPropose) is { } proposeText)
        {
            // A proposer whose node is down costs every height it would propose this long: a local chain with
            // a keeper that runs no node (the devnet walkthrough) wants it short.
            var timeouts = (settings.Timeouts ?? new Aro.Consensus.Core.TimeoutConfig()) with { ProposeBase = Duration(proposeText, "--timeout-propose") };
            try
            {
                timeouts.Validate();
            }
            catch (Aro.Consensus.Core.TimeoutConfigException e)
            {
                throw new NodeConfigException($"--timeout-propose: {e.Message}");
            }

            settings = settings with { Timeouts = timeouts };
        }

        if (parseResult.GetValue(FullNode))
        {
            settings = settings with { FullNode = true };
        }

        return settings;
    }

    /// <summary>The endpoint with <c>--{flag}-addr</c> and <c>--{flag}-port</c> applied where given.</summary>
    private static IPEndPoint EndPoint(IPEndPoint current, string? addressText, int? portValue, string flag, string exampleAddress)
    {
        var address = addressText is null
            ? current.Address
            : IPAddress.TryParse(addressText, out var parsed) ? parsed : throw new NodeConfigException($"--{flag}-addr must be an IP address, e.g. {exampleAddress}");
        var port = portValue is not { } given
            ? current.Port
            : NodeConfig.TryParsePort(given) ? given : throw new NodeConfigException($"--{flag}-port must be 0–65535");
        return new IPEndPoint(address, port);
    }

    private static TimeSpan Duration(string text, string flag) =>
        Durations.TryParse(text, out var duration) ? duration : throw new NodeConfigException($"{flag} must be a duration such as 500ms, 1s or 2m");
}
