using System.CommandLine;
using Aro.Core;
using Aro.Execution.Chain;
using Aro.Node.Hosting;
using Aro.Node.Modules;
using Aro.Node.Validator;
using Aro.State.Trie;

namespace Aro.Node.Cli;

/// <summary>
/// <c>aro-node init --home DIR</c>: writes a node home (config.json, genesis.json, priv_validator_key.json
/// with mode 0600, data/). The genesis defaults to the embedded devnet; the validator key comes from a
/// file, is generated, or, for the devnet genesis only, is the devnet's published key.
/// </summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var home = new Option<string>("--home") { Description = "The home directory to create.", Required = true };
        var genesis = new Option<string?>("--genesis") { Description = "Genesis file (default: the built-in devnet genesis)." };
        var keyFile = new Option<string?>("--validator-key-file") { Description = "Use this priv_validator_key.json (copied into the home)." };
        var generate = new Option<bool>("--generate-validator-key") { Description = "Generate a new validator key (its address must then be in the genesis validators)." };
        var command = new Command("init", "Create a node home: config, genesis, validator key and data directory.") { home, genesis, keyFile, generate };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var homePath = Path.GetFullPath(parseResult.GetValue(home)!);
            var keyPath = parseResult.GetValue(keyFile);
            var generateKey = parseResult.GetValue(generate);
            if (keyPath is not null && generateKey)
            {
                return Usage(error, "give either --validator-key-file or --generate-validator-key, not both");
            }

            try
            {
                var (json, spec) = parseResult.GetValue(genesis) is { } genesisPath
                    ? (File.ReadAllText(genesisPath), GenesisSpec.Load(genesisPath))
                    : (DevnetGenesis.Json, DevnetGenesis.Spec);
                ValidatorKey key;
                if (keyPath is not null)
                {
                    key = ValidatorKeyFile.Read(keyPath);
                }
                else if (generateKey)
                {
                    key = ValidatorKey.Generate();
                }
                else if (DevnetGenesis.IsDevnet(spec))
                {
                    key = DevnetGenesis.ValidatorKey;
                }
                else
                {
                    return Usage(error, "this genesis is not the devnet's: give the validator's key with --validator-key-file, or --generate-validator-key");
                }

                // Built before anything is written, with the module records, so a genesis whose module
                // sections the node refuses creates no home, and the hash printed is the one the node will use.
                var genesisHash = Genesis.Build(spec, new MemoryTrieNodeStore(), new MemoryTrieNodeStore(), NodeModules.For(spec).InitializeGenesis).Hash;
                var config = new NodeConfig();
                NodeHome.Initialize(homePath, json, key, config);
                var nodeKey = Aro.Network.Keys.NodeKeyFile.LoadOrCreate(Path.Combine(homePath, config.NodeKeyFile));
                Report(output, homePath, config, spec, genesisHash, key);
                output.WriteLine($"  node id    {nodeKey.Id} in {Path.Combine(homePath, config.NodeKeyFile)} (P2P identity; peers list it as {nodeKey.Id}@host:{config.P2PPort})");
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is GenesisException or ValidatorKeyException or NodeConfigException or Aro.Network.Keys.NodeKeyException or IOException or UnauthorizedAccessException)
            {
                return Usage(error, e.Message);
            }
        });
        return command;
    }

    private static void Report(TextWriter output, string home, NodeConfig config, GenesisSpec spec, Hash256 genesisHash, ValidatorKey key)
    {
        output.WriteLine($"Initialised {home}");
        output.WriteLine($"  config     {Path.Combine(home, NodeConfig.FileName)}");
        output.WriteLine($"  genesis    {Path.Combine(home, config.GenesisFile)} (chain id {spec.ChainId}, genesis hash {genesisHash})");
        output.WriteLine($"  data       {Path.Combine(home, config.DataDir)}");
        output.WriteLine($"  validator  {key.Address} in {Path.Combine(home, config.ValidatorKeyFile)} (plaintext, mode 0600: keep it private)");
        output.WriteLine($"  public key {Hex.Encode(key.PublicKey.Span)}");
        if (!spec.Validators.Any(v => v.Address == key.Address))
        {
            if (spec.Modules.ContainsKey(Aro.Modules.Gpos.GposModule.GenesisSection))
            {
                output.WriteLine($"note: {key.Address} is not a validator in this genesis: the node follows the chain and signs from the first");
                output.WriteLine("      height of an epoch whose GPoS set holds it (register a keeper with this consensus key: aro-node tx staking register).");
            }
            else
            {
                output.WriteLine($"note: {key.Address} is not a validator in this genesis, so 'aro-node run' will refuse it;");
                output.WriteLine("      add its address and public key to the genesis \"validators\" (genesis/SCHEMA.md) and initialise again.");
            }
        }

        output.WriteLine($"Start it with: aro-node run --home {home}");
    }

    private static int Usage(TextWriter error, string message)
    {
        error.WriteLine($"error: {message}");
        return ExitCodes.UsageError;
    }
}
