using System.Buffers.Binary;
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
            long acknowledged = CrashProbe.RunAndKill(delays.Next(5, 250), dbPath, mode);
            long last = Verify(dbPath);
            Assert.True(last >= acknowledged, $"run {run}: batch {acknowledged} was acknowledged but the database ends at {last}");
            Assert.True(last >= previousLast, $"run {run}: database went back from {previousLast} to {last}");
            previousLast = last;
        }

        Assert.True(previousLast > 0, "the probe never committed a batch");
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

}
