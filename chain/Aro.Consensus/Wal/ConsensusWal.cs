using System.Buffers.Binary;
using Aro.Consensus.Core;

namespace Aro.Consensus.Wal;

/// <summary>
/// Append-only consensus write-ahead log. Each record is framed as
/// <c>length (u32 big-endian) ‖ crc32c(payload) (u32 big-endian) ‖ payload</c>. The node appends an
/// input before the core acts on it and an end-height marker once a committed block is applied;
/// after a crash, <see cref="ReadHeight"/> gives the inputs to replay to resume the height.
/// A record cut short by a crash (short frame or checksum mismatch) ends the log: opening truncates
/// the file there, since nothing after it was acted on.
/// </summary>
public sealed class ConsensusWal : IDisposable
{
    /// <summary>Largest payload accepted; a corrupt length beyond it is treated as a torn tail.</summary>
    public const int MaxRecordLength = 64 * 1024 * 1024;

    private const int FrameHeader = 8;

    private readonly FileStream _file;
    private readonly List<WalRecord> _records;

    private ConsensusWal(FileStream file, List<WalRecord> records, long truncatedBytes)
    {
        _file = file;
        _records = records;
        TruncatedBytes = truncatedBytes;
    }

    /// <summary>Bytes of a torn tail cut off when the log was opened (0 after a clean shutdown).</summary>
    public long TruncatedBytes { get; }

    /// <summary>Opens or creates the log at <paramref name="path"/>, reads its records and cuts a torn tail.</summary>
    /// <exception cref="ConsensusWalException">A checksummed record that does not decode.</exception>
    public static ConsensusWal Open(string path)
    {
        var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 4096, FileOptions.None);
        try
        {
            var (records, validLength) = Scan(file);
            var truncated = file.Length - validLength;
            if (truncated > 0)
            {
                file.SetLength(validLength);
                file.Flush(flushToDisk: true);
            }

            file.Seek(0, SeekOrigin.End);
            return new ConsensusWal(file, records, truncated);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The last end-height marker and the records after it, oldest first (earlier heights are never replayed, so they are not kept in memory).</summary>
    public IReadOnlyList<WalRecord> Records => _records;

    /// <summary>
    /// Appends <paramref name="record"/>. With <paramref name="sync"/> it is on disk when this returns
    /// (use it for this node's own signed messages and end-height markers); without, it reaches the
    /// disk with the next synced append or flush.
    /// </summary>
    public void Append(WalRecord record, bool sync)
    {
        ArgumentNullException.ThrowIfNull(record);
        var payload = WalCodec.Encode(record);
        var frame = new byte[FrameHeader + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)payload.Length);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), Crc32C.Compute(payload));
        payload.CopyTo(frame, FrameHeader);
        _file.Write(frame);
        _file.Flush(flushToDisk: sync);
        Remember(_records, record);
    }

    public void AppendInput(ConsensusInput input, bool sync) => Append(new WalInput(input), sync);

    /// <summary>Marks <paramref name="height"/> done (synced).</summary>
    public void EndHeight(ulong height) => Append(new WalEndHeight(height), sync: true);

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

    public void Dispose() => _file.Dispose();

    private static void Remember(List<WalRecord> records, WalRecord record)
    {
        if (record is WalEndHeight)
        {
            records.Clear();
        }

        records.Add(record);
    }

    private static (List<WalRecord> Records, long ValidLength) Scan(FileStream file)
    {
        var records = new List<WalRecord>();
        var length = file.Length;
        long position = 0;
        Span<byte> header = stackalloc byte[FrameHeader];
        file.Seek(0, SeekOrigin.Begin);
        while (length - position >= FrameHeader)
        {
            file.ReadExactly(header);
            var payloadLength = BinaryPrimitives.ReadUInt32BigEndian(header);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(header[4..]);
            if (payloadLength == 0 || payloadLength > MaxRecordLength || payloadLength > length - position - FrameHeader)
            {
                break;
            }

            var payload = new byte[payloadLength];
            file.ReadExactly(payload);
            if (Crc32C.Compute(payload) != crc)
            {
                break;
            }

            Remember(records, WalCodec.Decode(payload));
            position += FrameHeader + payloadLength;
        }

        return (records, position);
    }
}
