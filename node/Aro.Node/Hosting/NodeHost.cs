using System.Net.Sockets;
using System.Reflection;
using Aro.Network.Keys;
using Aro.Execution.Chain;
using Aro.JsonRpc;
using Aro.JsonRpc.Hosting;
using Aro.JsonRpc.Subscriptions;
using Aro.Node.Chain;
using Aro.Consensus.Signing;
using Aro.Consensus.Wal;
using Aro.Node.Cli;
using Aro.Node.Consensus;
using Aro.Node.Network;
using Aro.Node.Rpc;
using Aro.Node.Validator;
using Aro.Node.Modules;
using Microsoft.Extensions.Logging;

namespace Aro.Node.Hosting;

/// <summary>
/// Runs a validating node until asked to stop: the chain database, the block producer and its loop,
/// and the JSON-RPC server (HTTP and WebSocket on one port). Start order: chain, producer (refuses a
/// foreign key before anything listens), RPC, production. Stop order: production (the block being
/// made is finished and committed), RPC (no reader left), database.
/// </summary>
internal static class NodeHost
{
    public static string ClientVersion { get; } =
        "aro-node/v" + (typeof(NodeHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        + "/linux-x64/dotnet" + Environment.Version.ToString(2);

    /// <summary>Returns the process exit code: 0 after a requested stop, 2 for unusable settings or files, 3 when the node failed.</summary>
    public static async Task<int> RunAsync(NodeSettings settings, TextWriter output, TextWriter error, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var loggerFactory = CreateLoggerFactory(settings.LogLevel);
        var logger = loggerFactory.CreateLogger("Aro.Node");

        GenesisSpec genesis;
        ValidatorKey? key = null;
        try
        {
            genesis = GenesisSpec.Load(settings.GenesisFile);
            if (!settings.FullNode)
            {
                key = ValidatorKeyFile.Read(settings.ValidatorKeyFile);
            }
        }
        catch (Exception e) when (e is GenesisException or ValidatorKeyException)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.UsageError;
        }

        if (key is not null && ValidatorKeyFile.IsExposed(settings.ValidatorKeyFile))
        {
            logger.LogWarning("{File} is readable by other users; restrict it with: chmod 600 {File}", settings.ValidatorKeyFile, settings.ValidatorKeyFile);
        }

        NodeKey nodeKey;
        try
        {
            nodeKey = NodeKeyFile.LoadOrCreate(settings.NodeKeyFile);
        }
        catch (Exception e) when (e is NodeKeyException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.UsageError;
        }

        ChainNode chain;
        NodeModules modules;
        try
        {
            modules = NodeModules.For(genesis);
            chain = ChainNode.Open(settings.DataDir, genesis, modules);
        }
        catch (ChainNodeException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.NodeFailed;
        }
        catch (GenesisException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.UsageError;
        }

        using (chain)
        {
            // With GPoS the set changes by epoch: a key outside it follows the chain and signs once its keeper is in the set.
            if (key is not null && !modules.HasGposGenesis && !chain.Genesis.Validators.Any(v => v.Address == key.Address))
            {
                error.WriteLine(
                    $"error: the validator key {key.Address} is not a validator of this chain (genesis validators: {string.Join(", ", chain.Genesis.Validators.Select(v => v.Address.ToString()))}); "
                    + "use the key file whose address is in the genesis \"validators\", or run with --full-node");
                return ExitCodes.UsageError;
            }

            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation(
                    "Chain {ChainId}, genesis {Genesis}, head {Number} {Hash}, {Role}, node id {NodeId}, data {DataDir}",
                    chain.ChainId, chain.GenesisHash, chain.Head.Number, chain.Head.Hash,
                    key is null ? "full node" : $"validator {key.Address}", nodeKey.Id, settings.DataDir);
            }

            if (modules.DevAttestationEnabled)
            {
                logger.LogWarning("GPoW dev attestation is ENABLED (devnet only: anyone holding the genesis dev signer key can attest an edge node)");
            }
            else if (modules.HasGpowGenesis && logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("GPoW dev attestation is disabled (edge nodes need TEE evidence)");
            }

            var registry = new JsonRpcMethodRegistry();
            var subscriptions = new SubscriptionHub(logger: loggerFactory.CreateLogger<SubscriptionHub>());
            RpcApi.Register(registry, subscriptions, chain, ClientVersion);
            var server = new JsonRpcServer(registry, new JsonRpcServerOptions { EndPoint = settings.RpcEndPoint }, subscriptions, loggerFactory);
            await using (server.ConfigureAwait(false))
            {
                try
                {
                    await server.StartAsync(stopping).ConfigureAwait(false);
                }
                catch (IOException e)
                {
                    error.WriteLine($"error: cannot listen for JSON-RPC on {settings.RpcEndPoint}: {e.Message}");
                    return ExitCodes.NodeFailed;
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    // Asked to stop while starting: nothing was produced yet, so this is an ordinary stop.
                    return ExitCodes.Ok;
                }

                // Printed only now that the socket accepts: scripts and tests wait for this line.
                var endPoint = server.LocalEndPoint!;
                output.WriteLine($"RPC listening on http://{endPoint}");
                output.WriteLine($"WebSocket listening on ws://{endPoint}");
                output.Flush();

                var validators = ValidatorSetSources.For(chain);
                var network = new NodeNetwork(chain, validators, nodeKey, settings, loggerFactory.CreateLogger("Aro.Node.Network"));
                await using (network.ConfigureAwait(false))
                {
                    ConsensusWal? wal = null;
                    var consensus = key is null ? null : CreateConsensus(settings, chain, validators, key, network, loggerFactory, error, out wal);
                    using var walLifetime = wal;
                    if (key is not null && consensus is null)
                    {
                        return ExitCodes.NodeFailed;
                    }

                    if (consensus is null)
                    {
                        network.Host.RegisterChannel(Aro.Network.Peers.ChannelDescriptor.Consensus, new ConsensusObserver());
                    }

                    try
                    {
                        await network.StartAsync().ConfigureAwait(false);
                    }
                    catch (SocketException e)
                    {
                        error.WriteLine($"error: cannot listen for P2P on {settings.P2PEndPoint}: {e.Message}");
                        return ExitCodes.NodeFailed;
                    }

                    output.WriteLine($"P2P listening on {network.Host.ListenEndPoint} as {nodeKey.Id}");
                    output.Flush();

                    try
                    {
                        if (consensus is null)
                        {
                            await network.FollowAsync(stopping).ConfigureAwait(false);
                        }
                        else
                        {
                            await consensus.RunAsync(stopping).ConfigureAwait(false);
                        }
                    }
                    catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                    {
                        // A stop asked for at any moment, even before the first step ran (a signal right after
                        // the listening lines), is an ordinary stop.
                    }
                    catch (Exception e) when (consensus is not null && e is not OperationCanceledException)
                    {
                        // Logged by the service; the database holds every block up to the last committed one.
                        error.WriteLine($"error: consensus stopped: {e.Message}");
                        return ExitCodes.NodeFailed;
                    }
                }

                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Stopping at block {Number}; closed P2P, closing JSON-RPC and the database", chain.Head.Number);
                }
            }
        }

        return ExitCodes.Ok;
    }

    /// <summary>A validator's consensus (one validator or many: the same path), with its signer state and WAL in the home; registers the consensus channel, so before the network starts.</summary>
    private static ConsensusService? CreateConsensus(
        NodeSettings settings, ChainNode chain, IValidatorSetSource validators, ValidatorKey key, NodeNetwork network, ILoggerFactory loggerFactory, TextWriter error, out ConsensusWal? wal)
    {
        GuardedSigner signer;
        try
        {
            signer = GuardedSigner.Open(settings.SignerStateFile, key.PrivateKey);
            ConsensusWal.AdoptLegacyFile(settings.LegacyConsensusWalFile, settings.ConsensusWalDirectory);
            wal = ConsensusWal.Open(settings.ConsensusWalDirectory);
        }
        catch (Exception e) when (e is SignerStateException or ConsensusWalException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot open the consensus state: {e.Message}");
            wal = null;
            return null;
        }

        return new ConsensusService(new ConsensusServiceParts
        {
            Chain = chain,
            Validators = validators,
            Signer = signer,
            Wal = wal,
            Host = network.Host,
            SyncService = network.SyncService,
            SyncClient = network.SyncClient,
            Options = settings.Production,
            Timeouts = settings.Timeouts,
            Logger = loggerFactory.CreateLogger("Aro.Node.Consensus"),
        });
    }

    private static ILoggerFactory CreateLoggerFactory(LogLevel level) =>
        LoggerFactory.Create(builder => builder
            .SetMinimumLevel(level)
            .AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            }));
}
