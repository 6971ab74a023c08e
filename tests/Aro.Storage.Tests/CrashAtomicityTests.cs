using System.Buffers.Binary;
using System.Diagnostics;
using Aro.Storage;
using Aro.Storage.RocksDb;
using Aro.Testing;

namespace Aro.Storage.Tests;

/// <summary>
/// Kills a child process (Aro.Storage.CrashProbe) with SIGKILL while it commits batches, then checks
/// that every batch is all-or-nothing and that no acknowledged batch was lost.
/// </summary>
public sealed class CrashAtomicityTests : IDisposable
{
    private const int Kills = 6;
    private static readonly string[] ProbeColumns = [Columns.Headers, Columns.Blocks, Columns.Receipts, Columns.TrieNodes];

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("nosync", 17)]
    [InlineData("sync", 29)]
    public void Killed_writer_never_leaves_a_half_written_batch(string mode, int seed)
    {
        string dbPath = Path.Combine(_directory.Path, "db");
        var delays = new Random(seed);
        long previousLast = 0;
        for (int run = 0; run < Kills; run++)
        {
            long acknowledged = RunAndKill(dbPath, mode, delays.Next(5, 250));
            long last = Verify(dbPath);
            Assert.True(last >= acknowledged, $"run {run}: batch {acknowledged} was acknowledged but the database ends at {last}");
            Assert.True(last >= previousLast, $"run {run}: database went back from {previousLast} to {last}");
            previousLast = last;
        }

        Assert.True(previousLast > 0, "the probe never committed a batch");
    }

    /// <summary>Returns the highest batch number the probe reported as committed before it died.</summary>
    private static long RunAndKill(string dbPath, string mode, int delayMilliseconds)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ProbePath());
        start.ArgumentList.Add(dbPath);
        start.ArgumentList.Add(mode);

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
                Volatile.Write(ref acknowledged, long.Parse(line.AsSpan("committed ".Length)));
            }
        };

        probe.Start();
        probe.BeginOutputReadLine();
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

    private static long Verify(string dbPath)
    {
        using RocksDbStore store = RocksDbStore.Open(dbPath);
        byte[]? lastValue = store.Get(Columns.Metadata, "last"u8);
        long last = lastValue is null ? 0 : BinaryPrimitives.ReadInt64BigEndian(lastValue);
        byte[] key = new byte[4];
        for (int i = 0; i < 50; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(key, i);
            byte[]? value = store.Get(ProbeColumns[i % ProbeColumns.Length], key);
            long written = value is null ? 0 : BinaryPrimitives.ReadInt64BigEndian(value);
            Assert.True(written == last, $"key {i} holds batch {written} but 'last' is batch {last}");
        }

        return last;
    }

    /// <summary>The probe is built beside this assembly's configuration by the project reference.</summary>
    private static string ProbePath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string framework = output.Name;
        string configuration = output.Parent!.Name;
        string path = Path.Combine(
            TestData.RepositoryRoot, "tests", "Aro.Storage.CrashProbe", "bin", configuration, framework, "Aro.Storage.CrashProbe.dll");
        Assert.True(File.Exists(path), $"crash probe not built at {path}");
        return path;
    }
}
