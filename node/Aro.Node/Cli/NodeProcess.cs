using System.Runtime.InteropServices;
using Aro.Node.Hosting;

namespace Aro.Node.Cli;

/// <summary>Runs <see cref="NodeHost"/> in this process until SIGINT or SIGTERM asks it to stop gracefully.</summary>
internal static class NodeProcess
{
    public static int RunUntilStopped(NodeSettings settings, TextWriter output, TextWriter error)
    {
        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            // Handled here: the runtime's default would end the process before the database is closed.
            context.Cancel = true;
            stop.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        return NodeHost.RunAsync(settings, output, error, stop.Token).GetAwaiter().GetResult();
    }
}
