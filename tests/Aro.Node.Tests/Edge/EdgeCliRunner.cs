using Aro.Edge;

namespace Aro.Node.Tests.Edge;

/// <summary>Runs the aro-edge command line in-process (its real entry point, real JSON-RPC over sockets) and captures what it prints.</summary>
internal sealed record EdgeResult(int ExitCode, string Output, string Error)
{
    public static async Task<EdgeResult> RunAsync(string[] args, CancellationToken cancel = default)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await EdgeCli.RunAsync(args, TextWriter.Synchronized(output), TextWriter.Synchronized(error), cancel);
        return new EdgeResult(exitCode, output.ToString(), error.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}
