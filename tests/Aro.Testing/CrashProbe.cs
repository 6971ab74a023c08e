using System.Diagnostics;
using System.Globalization;
using Xunit;

namespace Aro.Testing;

/// <summary>
/// Drives tests/Aro.Storage.CrashProbe, a child process that writes in a loop: it prints "ready"
/// once its database is open and "committed N" after each durable write. Crash tests kill it with
/// SIGKILL after a delay and check what the database holds against the last acknowledged N.
/// </summary>
public static class CrashProbe
{
    /// <summary>Starts the probe with <paramref name="arguments"/>, kills it <paramref name="delayMilliseconds"/> after "ready",
    /// and returns the highest N it acknowledged.</summary>
    public static long RunAndKill(int delayMilliseconds, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(ProbePath());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var probe = new Process { StartInfo = start };
        long acknowledged = 0;
        using var ready = new ManualResetEventSlim();
        probe.OutputDataReceived += (_, e) =>
        {
            if (e.Data == "ready")
            {
                ready.Set();
            }
            else if (e.Data is { } line && line.StartsWith("committed ", StringComparison.Ordinal))
            {
                Volatile.Write(ref acknowledged, long.Parse(line.AsSpan("committed ".Length), CultureInfo.InvariantCulture));
            }
        };
        probe.ErrorDataReceived += (_, _) => { };

        probe.Start();
        probe.BeginOutputReadLine();
        probe.BeginErrorReadLine();
        try
        {
            Assert.True(ready.Wait(TimeSpan.FromSeconds(60)), "probe did not open the database");
            Thread.Sleep(delayMilliseconds);
            Assert.False(probe.HasExited, $"probe exited early with code {(probe.HasExited ? probe.ExitCode : 0)}");
        }
        finally
        {
            probe.Kill();
            probe.WaitForExit();
        }

        return Volatile.Read(ref acknowledged);
    }

    /// <summary>The probe is built beside the calling test assembly's configuration by a project reference.</summary>
    private static string ProbePath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        var path = System.IO.Path.Combine(
            TestData.RepositoryRoot, "tests", "Aro.Storage.CrashProbe", "bin", configuration, framework, "Aro.Storage.CrashProbe.dll");
        Assert.True(File.Exists(path), $"crash probe not built at {path}");
        return path;
    }
}
