using System.CommandLine;

namespace Aro.Node.Cli;

/// <summary>
/// The <c>aro-node</c> command tree. Each area adds its commands from its own file (attest, version; later
/// init, run, keys, devnet), so this stays the single place that wires them.
/// </summary>
internal static class AroNodeCli
{
    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand("Aro.Chain node: consensus, execution, storage and JSON-RPC for the ARO edge-cloud chain.");
        root.Add(VersionCommand.Create());
        root.Add(AttestCommand.Create());
        root.Add(InitCommand.Create());
        root.Add(RunCommand.Create());
        root.Add(DevnetCommand.Create());
        root.Add(TestnetCommand.Create());
        root.Add(KeysCommand.Create());
        root.Add(Staking.TxStakingCommand.Create());
        root.Add(Staking.QueryStakingCommand.Create());
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>, writing to the given streams; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var parseResult = BuildRootCommand().Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                error.WriteLine(parseError.Message);
            }

            error.WriteLine("Run 'aro-node --help' for usage.");
            return ExitCodes.UsageError;
        }

        return parseResult.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
