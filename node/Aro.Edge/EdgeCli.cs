using Aro.Core;

namespace Aro.Edge;

/// <summary>
/// <c>aro-edge COMMAND [--option value]…</c>. Exit codes: 0 done, 1 refused or reverted (the module's
/// error is named), 2 usage, 3 the node cannot be reached.
/// </summary>
public static class EdgeCli
{
    public const int Ok = 0;
    public const int Refused = 1;
    public const int Usage = 2;
    public const int NodeFailed = 3;

    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "--dev", "--nat-open", "--report-each-epoch", "--loop", "--poll" };

    private const string Help = """
        aro-edge — run an Aro edge node against a chain over JSON-RPC

          keys new   --key-file FILE                 create the edge key (0x-hex, mode 0600)
          keys show  --key-file FILE                 print its address
          attest     --key-file FILE --rpc URL --out FILE
                     (--dev [--dev-signer-key-file FILE] | --kind sgx|tdx|sev-snp|nitro --quote FILE [--collateral FILE])
          register   --key-file FILE --rpc URL --evidence FILE [--bond AMOUNT] [--region NAME]
                     [--bandwidth-mbps N] [--storage-gib N] [--compute-units N]   (declared; at least one above 0)
          report     --key-file FILE --rpc URL [--epoch E | --loop [--until-epoch E] [follow]] [--data FILE] [figures]
          serve-challenges --key-file FILE --rpc URL [--data FILE] [--report-each-epoch [figures]] [--until-epoch E] [follow]
          status     (--key-file FILE | --address 0x…) --rpc URL
          claim      --key-file FILE --rpc URL
          verdicts   --key-file KEEPER_KEY --rpc URL [--epoch E | --until-epoch E [follow]] [observations]

        figures:      --bandwidth-bytes N --storage-bytes N --compute-units N --uptime-ppm N (default 1000000)
        observations: --ip-class 0..3 --ip-changes N --upload-mbps N --nat-open --uptime-ppm N
        follow:       new heads over WebSocket on the RPC port (default), or --poll [--poll-ms N] (eth_blockNumber every N ms)
        AMOUNT: wei, or ARO with the suffix "aro" (1.5aro).
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            output.WriteLine(Help);
            return args.Length == 0 ? Usage : Ok;
        }

        try
        {
            var (command, rest) = args[0] == "keys" && args.Length > 1 ? ("keys " + args[1], args[2..]) : (args[0], args[1..]);
            var options = new EdgeOptions(rest, Flags);
            var commands = new EdgeCommands(options, output, error);
            return command switch
            {
                "keys new" => commands.KeysNew(),
                "keys show" => commands.KeysShow(),
                "attest" => await commands.AttestAsync().ConfigureAwait(false),
                "register" => await commands.RegisterAsync(cancel).ConfigureAwait(false),
                "report" => await commands.ReportAsync(cancel).ConfigureAwait(false),
                "serve-challenges" => await new ChallengeServer(options, output, error).RunAsync(cancel).ConfigureAwait(false),
                "status" => await commands.StatusAsync().ConfigureAwait(false),
                "claim" => await commands.ClaimAsync(cancel).ConfigureAwait(false),
                "verdicts" => await new VerdictSubmitter(options, output, error).RunAsync(cancel).ConfigureAwait(false),
                _ => throw new EdgeUsageException($"unknown command '{command}' (aro-edge help lists them)"),
            };
        }
        catch (EdgeUsageException e)
        {
            error.WriteLine($"error: {e.Message}");
            return Usage;
        }
        catch (CallRefusedException e)
        {
            error.WriteLine($"error: the GPoW module refuses the call (nothing sent): {e.Message}");
            return Refused;
        }
        catch (RpcCallException e)
        {
            error.WriteLine($"error: the node refused: {e.Reason}");
            return Refused;
        }
        catch (NodeUnreachableException e)
        {
            error.WriteLine($"error: {e.Message}");
            return NodeFailed;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return Ok;
        }
    }

    /// <summary>Prints a sent transaction's outcome; the exit code for it.</summary>
    internal static int Report(TxOutcome outcome, string what, TextWriter output, TextWriter error)
    {
        if (outcome.Succeeded)
        {
            output.WriteLine($"{what}: included in block {outcome.Block} ({outcome.Hash})");
            return Ok;
        }

        error.WriteLine($"error: {what} {outcome.Hash} failed: {outcome.Error}");
        return Refused;
    }

    internal static string Ether(UInt256 wei) => wei.ToString() + " wei";
}
