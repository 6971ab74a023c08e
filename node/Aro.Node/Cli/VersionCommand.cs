using System.CommandLine;
using System.Reflection;

namespace Aro.Node.Cli;

/// <summary><c>aro-node version</c>: the client's informational version.</summary>
internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the aro-node version.");
        command.SetAction(parseResult =>
        {
            var assembly = typeof(VersionCommand).Assembly;
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? assembly.GetName().Version?.ToString()
                ?? "unknown";
            parseResult.InvocationConfiguration.Output.WriteLine($"aro-node {version}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
