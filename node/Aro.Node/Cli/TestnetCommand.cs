using System.CommandLine;
using System.Net;
using Aro.Execution.Chain;
using Aro.Network.Keys;
using Aro.Node.Hosting;
using Aro.Node.Validator;

namespace Aro.Node.Cli;

/// <summary>
/// <c>aro-node testnet init --validators N --out DIR</c>: N validator homes (DIR/node0 … DIR/nodeN-1)
/// sharing one genesis — the devnet's accounts and settings with N freshly generated validators of
/// equal power, each a GPoS keeper (<see cref="TestnetGenesis"/>) — each listening on loopback (P2P base port + i, RPC base port + i) with every other
/// node as a persistent peer.
/// </summary>
internal static class TestnetCommand
{
    public static Command Create()
    {
        var validators = new Option<int>("--validators") { Description = "How many validators (1–64).", DefaultValueFactory = _ => 4 };
        var output = new Option<string>("--out") { Description = "Directory for the homes (created; must not hold them yet).", Required = true };
        var p2pBase = new Option<int>("--p2p-base-port") { Description = "P2P port of node0; node i listens on it + i.", DefaultValueFactory = _ => 26656 };
        var rpcBase = new Option<int>("--rpc-base-port") { Description = "JSON-RPC port of node0; node i listens on it + i.", DefaultValueFactory = _ => 8545 };
        var blockInterval = new Option<string?>("--block-interval") { Description = "Shortest time between blocks (default 1s)." };
        var emptyInterval = new Option<string?>("--empty-block-interval") { Description = "An empty block when none was made for this long (default 2s; 'never')." };
        var gasLimit = new Option<ulong?>("--gas-limit") { Description = "Block gas limit of the genesis (default: the devnet's 30,000,000)." };
        var init = new Command("init", "Write the homes of a local multi-validator network.") { validators, output, p2pBase, rpcBase, blockInterval, emptyInterval, gasLimit };
        init.SetAction(parseResult =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var count = parseResult.GetValue(validators);
            var p2p = parseResult.GetValue(p2pBase);
            var rpc = parseResult.GetValue(rpcBase);
            if (count is < 1 or > 64)
            {
                return Usage(error, "--validators must be 1–64");
            }

            if (!NodeConfig.TryParsePort(p2p) || !NodeConfig.TryParsePort(p2p + count - 1) || p2p == 0 || !NodeConfig.TryParsePort(rpc + count - 1) || rpc == 0)
            {
                return Usage(error, "the base ports must be 1–65535 with room for every node");
            }

            TimeSpan interval = TimeSpan.FromSeconds(1);
            TimeSpan? empty = TimeSpan.FromSeconds(2);
            if (parseResult.GetValue(blockInterval) is { } text && !Durations.TryParse(text, out interval))
            {
                return Usage(error, $"--block-interval: '{text}' is not a duration like 500ms or 1s");
            }

            if (parseResult.GetValue(emptyInterval) is { } emptyText)
            {
                if (emptyText == "never")
                {
                    empty = null;
                }
                else if (Durations.TryParse(emptyText, out var parsed))
                {
                    empty = parsed;
                }
                else
                {
                    return Usage(error, $"--empty-block-interval: '{emptyText}' is not a duration or 'never'");
                }
            }

            var gas = parseResult.GetValue(gasLimit) ?? DevnetGenesis.Spec.GasLimit;
            if (gas < 21_000)
            {
                return Usage(error, "--gas-limit must hold at least one transfer (21,000)");
            }

            var outDir = Path.GetFullPath(parseResult.GetValue(output)!);
            try
            {
                Write(outDir, count, p2p, rpc, interval, empty, gas, stdout);
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is NodeConfigException or NodeKeyException or GenesisException or IOException or UnauthorizedAccessException)
            {
                return Usage(error, e.Message);
            }
        });
        return new Command("testnet", "A local network of several validators.") { init };
    }

    private static void Write(string outDir, int count, int p2pBase, int rpcBase, TimeSpan blockInterval, TimeSpan? emptyInterval, ulong gasLimit, TextWriter stdout)
    {
        var keys = new ValidatorKey[count];
        var nodeKeys = new NodeKey[count];
        var homes = new string[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = ValidatorKey.Generate();
            homes[i] = Path.Combine(outDir, $"node{i}");
            if (NodeHome.IsInitialized(homes[i]))
            {
                throw new NodeConfigException($"{homes[i]} is already initialised; choose another --out");
            }

            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(homes[i]);
            }
            else
            {
                Directory.CreateDirectory(homes[i], UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            nodeKeys[i] = NodeKeyFile.LoadOrCreate(Path.Combine(homes[i], NodeKeyFile.DefaultName));
        }

        var genesis = TestnetGenesis.Build(keys, gasLimit);
        var json = genesis.ToJson();
        stdout.WriteLine($"Testnet of {count} validators in {outDir} (chain id {genesis.ChainId}, genesis {genesis.ComputeHash()})");
        for (var i = 0; i < count; i++)
        {
            var peers = new List<string>(count - 1);
            for (var j = 0; j < count; j++)
            {
                if (j != i)
                {
                    peers.Add($"{nodeKeys[j].Id}@127.0.0.1:{p2pBase + j}");
                }
            }

            var config = new NodeConfig
            {
                RpcPort = rpcBase + i,
                P2PAddress = IPAddress.Loopback,
                P2PPort = p2pBase + i,
                PersistentPeers = peers,
                BlockInterval = blockInterval,
                EmptyBlockInterval = emptyInterval,
            };
            NodeHome.Initialize(homes[i], json, keys[i], config);
            stdout.WriteLine($"  node{i}  validator {keys[i].Address}  node id {nodeKeys[i].Id}  p2p 127.0.0.1:{p2pBase + i}  rpc http://127.0.0.1:{rpcBase + i}");
        }

        stdout.WriteLine($"Start each with: aro-node run --home {Path.Combine(outDir, "node<i>")}   (or ./aro devnet --validators {count})");
    }

    private static int Usage(TextWriter error, string message)
    {
        error.WriteLine($"error: {message}");
        return ExitCodes.UsageError;
    }
}
