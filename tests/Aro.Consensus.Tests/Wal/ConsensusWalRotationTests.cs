using Aro.Consensus.Core;
using Aro.Consensus.Tests.Support;
using Aro.Consensus.Wal;
using Aro.Testing;

namespace Aro.Consensus.Tests.Wal;

/// <summary>WAL segments on real files in a temp directory: rotation, what a crash at each rotation step leaves, bounded disk use.</summary>
public sealed class ConsensusWalRotationTests : IDisposable
{
    private static readonly WalOptions EveryHeight = new() { SegmentHeights = 1 };

    private readonly TempDirectory _directory = new("aro-wal-rotation");

    private string WalDirectory => Path.Combine(_directory.Path, "cs-wal");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Rotation_after_the_height_limit_leaves_one_segment_that_starts_with_the_end_marker()
    {
        using (var wal = ConsensusWal.Open(WalDirectory, new WalOptions { SegmentHeights = 2 }))
        {
            wal.AppendInput(Timeout(1, 0), sync: false);
            wal.EndHeight(1);
            Assert.Equal(["00000001.wal"], SegmentNames());
            wal.AppendInput(Timeout(2, 0), sync: false);
            wal.EndHeight(2);
            wal.AppendInput(Timeout(3, 0), sync: true);
        }

        Assert.Equal(["00000002.wal"], SegmentNames());
        using var reopened = ConsensusWal.Open(WalDirectory);
        Assert.Equal([new WalEndHeight(2), new WalInput(Timeout(3, 0))], reopened.Records);
        Assert.Equal([Timeout(3, 0)], reopened.ReadHeight(3));
    }

    [Fact]
    public void Rotation_after_the_byte_limit_keeps_disk_use_to_about_one_height()
    {
        var block = TestBlocks.Value("a");
        using var wal = ConsensusWal.Open(WalDirectory, new WalOptions { SegmentBytes = 4096, SegmentHeights = int.MaxValue });
        long largest = 0;
        for (ulong height = 1; height <= 200; height++)
        {
            wal.AppendInput(new BlockReady(height, 0, block), sync: false);
            wal.AppendInput(Timeout(height, 0), sync: false);
            wal.EndHeight(height);
            largest = Math.Max(largest, DirectoryBytes());
        }

        var oneHeight = new FileInfo(wal.CurrentSegment).Length;
        Assert.Single(SegmentNames());
        Assert.True(largest < 4096 + (2 * 1024), $"the WAL grew to {largest} bytes");
        Assert.True(oneHeight < 4096);
        Assert.Equal([new WalEndHeight(200)], wal.Records.TakeLast(1));
    }

    [Theory]
    [InlineData(nameof(WalRotationStep.SegmentWritten))]
    [InlineData(nameof(WalRotationStep.DirectorySynced))]
    [InlineData(nameof(WalRotationStep.OlderSegmentsDeleted))]
    public void Crash_after_a_rotation_step_leaves_a_wal_that_replays_the_next_height(string stepName)
    {
        var step = Enum.Parse<WalRotationStep>(stepName);
        EndFirstHeightCrashingAfter(step);

        using (var reopened = ConsensusWal.Open(WalDirectory, EveryHeight))
        {
            Assert.Equal(["00000002.wal"], SegmentNames());
            Assert.Empty(reopened.ReadHeight(2));
            reopened.AppendInput(Timeout(2, 0), sync: true);
        }

        using var again = ConsensusWal.Open(WalDirectory, EveryHeight);
        Assert.Equal([Timeout(2, 0)], again.ReadHeight(2));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(9)] // the marker's frame is 10 bytes
    public void New_segment_torn_while_being_written_is_cut_and_the_older_one_still_replays(int keptBytes)
    {
        EndFirstHeightCrashingAfter(WalRotationStep.SegmentWritten);

        var torn = Path.Combine(WalDirectory, "00000002.wal");
        using (var file = new FileStream(torn, FileMode.Open))
        {
            file.SetLength(keptBytes);
        }

        using (var reopened = ConsensusWal.Open(WalDirectory, EveryHeight))
        {
            Assert.Equal(keptBytes, reopened.TruncatedBytes);
            Assert.Equal(["00000001.wal", "00000002.wal"], SegmentNames());
            Assert.Empty(reopened.ReadHeight(2));
            reopened.AppendInput(Timeout(2, 0), sync: true);
        }

        using (var again = ConsensusWal.Open(WalDirectory, EveryHeight))
        {
            Assert.Equal([Timeout(2, 0)], again.ReadHeight(2));
            again.EndHeight(2);
        }

        Assert.Equal(["00000003.wal"], SegmentNames());
    }

    [Fact]
    public void Older_segment_cut_short_before_a_later_one_stops_the_open()
    {
        EndFirstHeightCrashingAfter(WalRotationStep.DirectorySynced);

        var older = Path.Combine(WalDirectory, "00000001.wal");
        using (var file = new FileStream(older, FileMode.Open))
        {
            file.SetLength(file.Length - 1);
        }

        Assert.Throws<ConsensusWalException>(() => ConsensusWal.Open(WalDirectory));
    }

    [Fact]
    public void Single_file_wal_of_an_earlier_version_is_adopted_as_the_first_segment()
    {
        var legacy = Path.Combine(_directory.Path, "consensus.wal");
        using (var wal = ConsensusWal.Open(WalDirectory))
        {
            wal.EndHeight(4);
            wal.AppendInput(Timeout(5, 0), sync: true);
        }

        File.Move(Path.Combine(WalDirectory, "00000001.wal"), legacy);
        Directory.Delete(WalDirectory);

        ConsensusWal.AdoptLegacyFile(legacy, WalDirectory);

        Assert.False(File.Exists(legacy));
        using var adopted = ConsensusWal.Open(WalDirectory);
        Assert.Equal([Timeout(5, 0)], adopted.ReadHeight(5));
    }

    [Fact]
    public void Legacy_file_is_left_alone_when_the_directory_already_has_segments()
    {
        var legacy = Path.Combine(_directory.Path, "consensus.wal");
        File.WriteAllBytes(legacy, [1, 2, 3]);
        using (var wal = ConsensusWal.Open(WalDirectory))
        {
            wal.AppendInput(Timeout(1, 0), sync: true);
        }

        ConsensusWal.AdoptLegacyFile(legacy, WalDirectory);

        Assert.True(File.Exists(legacy));
        using var reopened = ConsensusWal.Open(WalDirectory);
        Assert.Equal([Timeout(1, 0)], reopened.ReadHeight(1));
    }

    /// <summary>One input of height 1, then its end-height marker, whose rotation stops after <paramref name="step"/> as a crash would.</summary>
    private void EndFirstHeightCrashingAfter(WalRotationStep step)
    {
        using var wal = ConsensusWal.Open(WalDirectory, EveryHeight);
        wal.AppendInput(Timeout(1, 0), sync: false);
        wal.AfterRotationStep = done =>
        {
            if (done == step)
            {
                throw new SimulatedCrash();
            }
        };
        Assert.Throws<SimulatedCrash>(() => wal.EndHeight(1));
    }

    private string[] SegmentNames() => [.. Directory.GetFiles(WalDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    private long DirectoryBytes() => Directory.GetFiles(WalDirectory).Sum(f => new FileInfo(f).Length);

    private static TimeoutElapsed Timeout(ulong height, uint round) => new(new TimeoutInfo(height, round, RoundStep.Propose));

    private sealed class SimulatedCrash : Exception;
}
