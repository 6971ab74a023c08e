using Aro.Consensus.Core;

namespace Aro.Consensus.Wal;

/// <summary>
/// Consensus write-ahead log in a directory of numbered segment files (README: WAL). The node appends
/// an input before the core acts on it and an end-height marker once a committed block is applied;
/// after a crash, <see cref="ReadHeight"/> gives the inputs to replay to resume the height.
/// After an end-height marker the log may rotate: a new segment starting with that marker, then the
/// older segments are deleted, so disk use stays bounded and only the current height is in memory.
/// A record cut short by a crash (short frame or checksum mismatch) ends the log: opening truncates
/// the last segment there, since nothing after it was acted on.
/// </summary>
public sealed class ConsensusWal : IDisposable
{
    /// <summary>Largest payload accepted; a corrupt length beyond it is treated as a torn tail.</summary>
    public const int MaxRecordLength = WalFrames.MaxRecordLength;

    private readonly string _directory;
    private readonly WalOptions _options;
    private readonly List<WalRecord> _records;
    private FileStream _segment;
    private ulong _segmentNumber;
    private int _heightsInSegment;

    private ConsensusWal(string directory, WalOptions options, FileStream segment, ulong segmentNumber, int heightsInSegment, List<WalRecord> records, long truncatedBytes)
    {
        _directory = directory;
        _options = options;
        _segment = segment;
        _segmentNumber = segmentNumber;
        _heightsInSegment = heightsInSegment;
        _records = records;
        TruncatedBytes = truncatedBytes;
    }

    /// <summary>Bytes of a torn tail cut off when the log was opened (0 after a clean shutdown).</summary>
    public long TruncatedBytes { get; }

    /// <summary>The last end-height marker and the records after it, oldest first (earlier heights are never replayed, so they are not kept in memory).</summary>
    public IReadOnlyList<WalRecord> Records => _records;

    /// <summary>The segment appends go to.</summary>
    public string CurrentSegment => _segment.Name;

    /// <summary>Called after each step of a rotation; a test throws from it to stop there as a crash would.</summary>
    internal Action<WalRotationStep>? AfterRotationStep { get; set; }

    /// <summary>
    /// Opens or creates the log in <paramref name="directory"/>: reads its segments, cuts a torn tail
    /// off the last one and deletes the segments a finished rotation left behind.
    /// </summary>
    /// <exception cref="ConsensusWalException">A checksummed record that does not decode, or a segment other than the last one that is cut short.</exception>
    public static ConsensusWal Open(string directory, WalOptions? options = null)
    {
        options ??= new WalOptions();
        options.Validate();
        directory = Path.GetFullPath(directory);
        Directory.CreateDirectory(directory);
        var segments = WalSegments.List(directory);
        if (segments.Count == 0)
        {
            segments.Add((1, WalSegments.PathOf(directory, 1)));
        }

        var records = new List<WalRecord>();
        var lastEndSegment = 0;
        for (var i = 0; i < segments.Count - 1; i++)
        {
            using var older = new FileStream(segments[i].Path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var (segmentRecords, validLength) = WalFrames.Scan(older);
            if (validLength != older.Length)
            {
                throw new ConsensusWalException($"WAL segment {segments[i].Path} is cut short at byte {validLength} but later segments follow; it was complete when the next one began, so this is corruption, not a crash.");
            }

            if (Remember(records, segmentRecords) > 0)
            {
                lastEndSegment = i;
            }
        }

        var (number, path) = segments[^1];
        var segment = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 4096, FileOptions.None);
        try
        {
            var (lastRecords, validLength) = WalFrames.Scan(segment);
            var truncated = segment.Length - validLength;
            if (truncated > 0)
            {
                segment.SetLength(validLength);
                segment.Flush(flushToDisk: true);
            }

            var ends = Remember(records, lastRecords);
            if (ends > 0)
            {
                lastEndSegment = segments.Count - 1;
            }

            segment.Seek(0, SeekOrigin.End);
            var wal = new ConsensusWal(directory, options, segment, number, CountHeights(lastRecords), records, truncated);
            wal.DeleteSegments(segments.GetRange(0, lastEndSegment));
            return wal;
        }
        catch
        {
            segment.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Moves the single-file WAL of earlier versions (the same frames) into <paramref name="directory"/>
    /// as its first segment, unless the directory already holds segments; an atomic rename, so a
    /// crash leaves either layout whole.
    /// </summary>
    public static void AdoptLegacyFile(string file, string directory)
    {
        directory = Path.GetFullPath(directory);
        if (!File.Exists(file) || (Directory.Exists(directory) && WalSegments.List(directory).Count > 0))
        {
            return;
        }

        Directory.CreateDirectory(directory);
        File.Move(file, WalSegments.PathOf(directory, 1));
        DirectorySync.Sync(directory);
        DirectorySync.Sync(Path.GetDirectoryName(Path.GetFullPath(file))!);
    }

    /// <summary>
    /// Appends <paramref name="record"/>. With <paramref name="sync"/> it is on disk when this returns
    /// (use it for this node's own signed messages and end-height markers); without, it reaches the
    /// disk with the next synced append or flush.
    /// </summary>
    public void Append(WalRecord record, bool sync)
    {
        ArgumentNullException.ThrowIfNull(record);
        _segment.Write(WalFrames.Encode(record));
        _segment.Flush(flushToDisk: sync);
        Remember(_records, record);
    }

    public void AppendInput(ConsensusInput input, bool sync) => Append(new WalInput(input), sync);

    /// <summary>Marks <paramref name="height"/> done (synced), then rotates when the segment is full (<see cref="WalOptions"/>).</summary>
    public void EndHeight(ulong height)
    {
        Append(new WalEndHeight(height), sync: true);
        _heightsInSegment++;
        if (_heightsInSegment >= _options.SegmentHeights || _segment.Length >= _options.SegmentBytes)
        {
            Rotate(height);
        }
    }

    /// <summary>
    /// The inputs to replay to resume <paramref name="height"/>: those after the last end-height
    /// marker for height − 1 (all of them when there is none), in the order they were written.
    /// </summary>
    public IReadOnlyList<ConsensusInput> ReadHeight(ulong height)
    {
        var start = 0;
        for (var i = _records.Count - 1; i >= 0; i--)
        {
            if (_records[i] is WalEndHeight end && end.Height + 1 == height)
            {
                start = i + 1;
                break;
            }
        }

        var inputs = new List<ConsensusInput>();
        for (var i = start; i < _records.Count; i++)
        {
            if (_records[i] is WalInput input)
            {
                inputs.Add(input.Input);
            }
        }

        return inputs;
    }

    public void Dispose() => _segment.Dispose();

    /// <summary>
    /// 1: the next segment, holding only the end-height marker, is written and synced. 2: the
    /// directory is synced, so that segment's name survives a power loss. 3: the older segments are
    /// deleted. A crash before 3 leaves extra segments that the next <see cref="Open"/> deletes; a crash
    /// inside 1 leaves a torn last segment, which opening truncates, the older one still ending with the marker.
    /// </summary>
    private void Rotate(ulong height)
    {
        var number = _segmentNumber + 1;
        var next = new FileStream(WalSegments.PathOf(_directory, number), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, 4096, FileOptions.None);
        try
        {
            next.Write(WalFrames.Encode(new WalEndHeight(height)));
            next.Flush(flushToDisk: true);
            AfterRotationStep?.Invoke(WalRotationStep.SegmentWritten);
            DirectorySync.Sync(_directory);
            AfterRotationStep?.Invoke(WalRotationStep.DirectorySynced);
        }
        catch
        {
            next.Dispose();
            throw;
        }

        var previous = _segment;
        _segment = next;
        _segmentNumber = number;
        _heightsInSegment = 0;
        previous.Dispose();
        DeleteSegments(WalSegments.List(_directory).FindAll(s => s.Number < number));
        AfterRotationStep?.Invoke(WalRotationStep.OlderSegmentsDeleted);
    }

    /// <summary>Deletes segments that hold nothing a replay reads (all of them end before the last end-height marker).</summary>
    private void DeleteSegments(List<(ulong Number, string Path)> segments)
    {
        foreach (var (_, path) in segments)
        {
            File.Delete(path);
        }

        // Not synced: a deleted segment that reappears after a power loss is deleted again by the next Open.
    }

    /// <summary>Adds <paramref name="read"/> to <paramref name="records"/> as appends do; returns how many end-height markers it held.</summary>
    private static int Remember(List<WalRecord> records, List<WalRecord> read)
    {
        var ends = 0;
        foreach (var record in read)
        {
            ends += record is WalEndHeight ? 1 : 0;
            Remember(records, record);
        }

        return ends;
    }

    private static void Remember(List<WalRecord> records, WalRecord record)
    {
        if (record is WalEndHeight)
        {
            records.Clear();
        }

        records.Add(record);
    }

    /// <summary>Heights ended in a segment; the marker a rotation starts a segment with ends no height there.</summary>
    private static int CountHeights(List<WalRecord> segmentRecords)
    {
        var ends = 0;
        foreach (var record in segmentRecords)
        {
            ends += record is WalEndHeight ? 1 : 0;
        }

        return segmentRecords.Count > 0 && segmentRecords[0] is WalEndHeight ? ends - 1 : ends;
    }
}
