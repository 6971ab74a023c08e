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
        };
    }
}
