using System.Globalization;
using System.Runtime.InteropServices;
using Aro.Node.Hosting;

namespace Aro.Node.Cli;

/// <summary>Runs <see cref="NodeHost"/> in this process until SIGINT or SIGTERM asks it to stop gracefully.</summary>
internal static class NodeProcess
{
    private const int Sigint = 2;

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
        if (IgnoresAtStart(Sigint, ReadStatus()))
        {
            // The runtime keeps an inherited "ignore" for SIGINT (a shell's background job), so the registration
            // above never fires; say so instead of leaving an operator's Ctrl-C or kill -INT to do nothing.
            error.WriteLine("warning: SIGINT is ignored in this process (inherited from its parent, e.g. started in the background by a non-interactive shell): Ctrl-C and kill -INT will not stop it; stop it with SIGTERM");
            error.Flush();
        }

        return NodeHost.RunAsync(settings, output, error, stop.Token).GetAwaiter().GetResult();
    }

    /// <summary>Whether <paramref name="signal"/> is in the <c>SigIgn</c> mask of a /proc/PID/status text (false when there is none).</summary>
    internal static bool IgnoresAtStart(int signal, string? status)
    {
        if (status is null)
        {
            return false;
        }

        foreach (var line in status.Split('\n'))
        {
            if (line.StartsWith("SigIgn:", StringComparison.Ordinal)
                && ulong.TryParse(line.AsSpan("SigIgn:".Length).Trim(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var mask))
            {
                return (mask & (1UL << (signal - 1))) != 0;
            }
        }

        return false;
    }

    private static string? ReadStatus()
    {
        try
        {
            return File.ReadAllText("/proc/self/status");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
