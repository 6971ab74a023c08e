using System.Net;
using Aro.Node.Production;
using Microsoft.Extensions.Logging;

namespace Aro.Node.Hosting;

/// <summary>Everything <see cref="NodeHost"/> needs, resolved from config.json and flags (flags win), with absolute paths.</summary>
public sealed record NodeSettings
{
    public required string GenesisFile { get; init; }

    public required string DataDir { get; init; }

    public required string ValidatorKeyFile { get; init; }

    public required IPEndPoint RpcEndPoint { get; init; }

    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    public ProductionOptions Production { get; init; } = new();

    public required string NodeKeyFile { get; init; }

    public required IPEndPoint P2PEndPoint { get; init; }

    public IReadOnlyList<Aro.Network.Peers.PeerAddress> PersistentPeers { get; init; } = [];

    public IReadOnlyList<Aro.Network.Peers.PeerAddress> Seeds { get; init; } = [];

    public int MaxPeers { get; init; } = 40;

    public bool FullNode { get; init; }

    /// <summary>The guarded signer's last-signed (height, round, step) state: <c>priv_validator_state</c> next to the validator key.</summary>
    public string SignerStateFile => Path.Combine(Path.GetDirectoryName(ValidatorKeyFile) ?? ".", "priv_validator_state");

    /// <summary>The consensus write-ahead log's segments: <c>consensus-wal/</c> next to the validator key.</summary>
    public string ConsensusWalDirectory => Path.Combine(Path.GetDirectoryName(ValidatorKeyFile) ?? ".", "consensus-wal");

    /// <summary>Where earlier versions kept the WAL as one file (adopted as the first segment on start).</summary>
    public string LegacyConsensusWalFile => Path.Combine(Path.GetDirectoryName(ValidatorKeyFile) ?? ".", "consensus.wal");

    /// <summary>Consensus step timeouts (null: the defaults of <see cref="Aro.Consensus.Core.TimeoutConfig"/>).</summary>
    public Aro.Consensus.Core.TimeoutConfig? Timeouts { get; init; }

    /// <summary>Relative paths of <paramref name="config"/> resolved against <paramref name="baseDirectory"/> (the config file's folder).</summary>
    public static NodeSettings From(NodeConfig config, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new NodeSettings
        {
            GenesisFile = Path.GetFullPath(config.GenesisFile, baseDirectory),
            DataDir = Path.GetFullPath(config.DataDir, baseDirectory),
            ValidatorKeyFile = Path.GetFullPath(config.ValidatorKeyFile, baseDirectory),
            RpcEndPoint = new IPEndPoint(config.RpcAddress, config.RpcPort),
            LogLevel = config.LogLevel,
            Production = new ProductionOptions { BlockInterval = config.BlockInterval, EmptyBlockInterval = config.EmptyBlockInterval },
            NodeKeyFile = Path.GetFullPath(config.NodeKeyFile, baseDirectory),
            P2PEndPoint = new IPEndPoint(config.P2PAddress, config.P2PPort),
            PersistentPeers = config.PersistentPeers.Select(Aro.Network.Peers.PeerAddress.Parse).ToArray(),
            Seeds = config.Seeds.Select(Aro.Network.Peers.PeerAddress.Parse).ToArray(),
            MaxPeers = config.MaxPeers,
            FullNode = config.FullNode,
            Timeouts = config.Timeouts,
        };
    }
}
