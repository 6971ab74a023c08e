using System.Buffers.Binary;

namespace Aro.Consensus.Wal;

/// <summary>
/// A WAL record on disk: <c>length (u32 big-endian) ‖ crc32c(payload) (u32 big-endian) ‖ payload</c>.
/// </summary>
internal static class WalFrames
{
    /// <summary>Largest payload accepted; a corrupt length beyond it is treated as a torn tail.</summary>
    public const int MaxRecordLength = 64 * 1024 * 1024;

    private const int Header = 8;

    public static byte[] Encode(WalRecord record)
    {
        var payload = WalCodec.Encode(record);
        var frame = new byte[Header + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)payload.Length);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), Crc32C.Compute(payload));
        payload.CopyTo(frame, Header);
        return frame;
    }

    /// <summary>
    /// Reads <paramref name="file"/> from the start up to the first short frame, oversized length or
    /// checksum mismatch; <c>ValidLength</c> is where that torn tail begins (the file's length when there is none).
    /// </summary>
    /// <exception cref="ConsensusWalException">A checksummed record that does not decode.</exception>
    public static (List<WalRecord> Records, long ValidLength) Scan(FileStream file)
    {
        var records = new List<WalRecord>();
        var length = file.Length;
        long position = 0;
        Span<byte> header = stackalloc byte[Header];
        file.Seek(0, SeekOrigin.Begin);
        while (length - position >= Header)
        {
            file.ReadExactly(header);
            var payloadLength = BinaryPrimitives.ReadUInt32BigEndian(header);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(header[4..]);
            if (payloadLength == 0 || payloadLength > MaxRecordLength || payloadLength > length - position - Header)
            {
                break;
            }

            var payload = new byte[payloadLength];
            file.ReadExactly(payload);
            if (Crc32C.Compute(payload) != crc)
            {
                break;
            }

            records.Add(WalCodec.Decode(payload));
            position += Header + payloadLength;
        }

        return (records, position);
    }
}
