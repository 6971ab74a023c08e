using Aro.Node.Cli;

namespace Aro.Node.Tests.Cli;

/// <summary>Runs the aro-node command line in-process and captures what it prints.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public static CliResult Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = AroNodeCli.Run(args, output, error);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}

/// <summary>A scratch folder for mutated inputs, removed afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    private int _next;

    public TempFolder()
    {
        Path = Directory.CreateTempSubdirectory("aro-node-tests-").FullName;
    }

    public string Path { get; }

    public string Write(byte[] content)
    {
        var file = System.IO.Path.Combine(Path, $"input-{Interlocked.Increment(ref _next)}.bin");
        File.WriteAllBytes(file, content);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
