using System.CommandLine;
using System.Globalization;
using Aro.Core;
using Aro.Execution.Chain;
using Aro.Node.Hosting;
using Aro.Node.Validator;

namespace Aro.Node.Cli;

/// <summary>
/// <c>aro-node devnet</c>: a one-validator chain on this machine from the built-in devnet genesis, for
/// development. Without <c>--home</c> it runs in a temporary home deleted on exit; a named home is
/// created on first use and reused after. Prints the dev accounts with their (public) private keys.
/// </summary>
internal static class DevnetCommand
{
    /// <summary>The devnet's default empty-block interval, written into a new devnet home's config.json.</summary>
    public static readonly TimeSpan DevnetEmptyBlockInterval = TimeSpan.FromSeconds(2);

    public static Command Create()
    {
        var home = new Option<string?>("--home") { Description = "Keep the devnet in this home (created if missing, reused if present). Default: a temporary home deleted on exit." };
        var shared = new NodeOptions();
        var command = new Command("devnet", "Run a local single-validator development chain (DEVNET ONLY keys).") { home };
        shared.AddTo(command);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var named = parseResult.GetValue(home);
            var homePath = named is null ? Directory.CreateTempSubdirectory("aro-devnet-").FullName : Path.GetFullPath(named);
            try
            {
                if (!NodeHome.IsInitialized(homePath))
                {
                    // Clients that wait for a receipt by polling for new blocks (ethers' tx.wait()) can look
                    // just before a block and start watching just after it; on a chain that only makes
                    // blocks for transactions they would then wait forever. A devnet keeps a heartbeat.
                    NodeHome.Initialize(homePath, DevnetGenesis.Json, DevnetGenesis.ValidatorKey, new NodeConfig { EmptyBlockInterval = DevnetEmptyBlockInterval, P2PAddress = System.Net.IPAddress.Loopback, P2PPort = 0 });
                }

                var settings = shared.Apply(parseResult, NodeSettings.From(NodeConfig.Load(NodeHome.ConfigPath(homePath)), homePath));
                var spec = GenesisSpec.Load(settings.GenesisFile);
                PrintBanner(output, homePath, temporary: named is null, spec);
                return NodeProcess.RunUntilStopped(settings, output, error);
            }
            catch (Exception e) when (e is GenesisException or NodeConfigException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"error: {e.Message}");
                return ExitCodes.UsageError;
            }
            finally
            {
                if (named is null)
                {
                    DeleteTemporaryHome(homePath, error);
                }
            }
        });
        return command;
    }

    /// <summary>Whole ARO (10^18 wei) when exact, else wei.</summary>
    private static string FormatAro(UInt256 wei)
    {
        UInt256 unit = 1_000_000_000_000_000_000UL;
        var whole = wei / unit;
        return whole * unit == wei ? $"{whole} ARO" : $"{wei} wei";
    }

    private static void DeleteTemporaryHome(string home, TextWriter error)
    {
        try
        {
            Directory.Delete(home, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"warning: could not delete the temporary devnet home {home}: {e.Message}");
        }
    }

    private static void PrintBanner(TextWriter output, string home, bool temporary, GenesisSpec spec)
    {
        output.WriteLine("Aro devnet");
        output.WriteLine($"  home      {home}{(temporary ? " (temporary: deleted on exit; use --home DIR to keep it)" : string.Empty)}");
        output.WriteLine($"  chain id  {spec.ChainId} (0x{spec.ChainId.ToString("x", CultureInfo.InvariantCulture)})");
        if (!DevnetGenesis.IsDevnet(spec))
        {
            output.WriteLine("  this home's genesis is not the built-in devnet's; no dev accounts to list");
            return;
        }

        output.WriteLine();
        output.WriteLine("Dev accounts — DEVNET ONLY — never use these keys on a real network (they are public):");
        output.WriteLine($"  {"address",-42}  {"private key",-66}  balance");
        foreach (var label in DevnetGenesis.AccountLabels)
        {
            var key = ValidatorKey.FromLabel(label);
            var balance = UInt256.Zero;
            foreach (var account in spec.Alloc)
            {
                if (account.Address == key.Address)
                {
                    balance = account.Balance;
                }
            }

            output.WriteLine($"  {key.Address}  {Hex.Encode(key.PrivateKey)}  {FormatAro(balance)}");
        }

        output.WriteLine($"Validator {DevnetGenesis.ValidatorKey.Address} (key {Hex.Encode(DevnetGenesis.ValidatorKey.PrivateKey)}) — DEVNET ONLY");
        output.WriteLine();
        output.Flush();
    }
}
