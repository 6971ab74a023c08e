using System.Diagnostics;
using System.Globalization;

namespace Aro.LoadTest;

/// <summary>
/// CPU time (user + system) of the node processes and of this generator, read from /proc, so a run can
/// say where the machine's cores went and how much CPU one committed transaction costs.
/// </summary>
internal sealed class CpuClock(IReadOnlyList<int> nodePids)
{
    // Linux reports utime and stime in clock ticks; USER_HZ is 100 on every mainstream build.
    private const double TicksPerSecond = 100;

    public (TimeSpan Nodes, TimeSpan Generator) Read()
    {
        var nodes = 0L;
        foreach (var pid in nodePids)
        {
            nodes += Ticks(pid);
        }

        using var self = Process.GetCurrentProcess();
        return (TimeSpan.FromSeconds(nodes / TicksPerSecond), self.TotalProcessorTime);
    }

    private static long Ticks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name (which may hold spaces) start after the last ')': state is
            // field 3, utime 14 and stime 15.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 0; // not on Linux, or the process is gone: the figure is left out
        }
    }
}
