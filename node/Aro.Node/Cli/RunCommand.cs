using System.CommandLine;
using Aro.Node.Hosting;

namespace Aro.Node.Cli;

/// <summary>
/// <c>aro-node run --home DIR</c>: runs the node of an initialised home until SIGINT/SIGTERM. Settings
/// come from config.json (or <c>--config</c>); flags override them.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var home = new Option<string?>("--home") { Description = "The node's home directory (made by aro-node init)." };
        var config = new Option<string?>("--config") { Description = "Config file (default HOME/config.json); its relative paths are relative to its folder." };
        var dataDir = new Option<string?>("--data-dir") { Description = "Database directory (default from config: HOME/data)." };
        var shared = new NodeOptions();
        var command = new Command("run", "Run a validating node: produce blocks and serve JSON-RPC until SIGINT/SIGTERM.") { home, config, dataDir };
        shared.AddTo(command);
        command.SetAction(parseResult =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var configPath = parseResult.GetValue(config) ?? (parseResult.GetValue(home) is { } homePath ? NodeHome.ConfigPath(homePath) : null);
            if (configPath is null)
            {
                error.WriteLine("error: run needs --home DIR (made by aro-node init) or --config FILE");
                return ExitCodes.UsageError;
            }

            if (!File.Exists(configPath))
            {
                error.WriteLine($"error: {configPath} does not exist; initialise the home first: aro-node init --home DIR");
                return ExitCodes.UsageError;
            }

            NodeSettings settings;
            try
            {
                var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
                settings = shared.Apply(parseResult, NodeSettings.From(NodeConfig.Load(configPath), baseDirectory));
                if (parseResult.GetValue(dataDir) is { } data)
                {
                    settings = settings with { DataDir = Path.GetFullPath(data) };
                }
            }
            catch (NodeConfigException e)
            {
                error.WriteLine($"error: {e.Message}");
                return ExitCodes.UsageError;
            }

            return NodeProcess.RunUntilStopped(settings, parseResult.InvocationConfiguration.Output, error);
        });
        return command;
    }
}
