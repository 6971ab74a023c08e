using System.Buffers.Binary;
using System.Numerics;

namespace Aro.Consensus.Wal;

/// <summary>CRC-32C (Castagnoli) with the CPU's instruction where it has one (<see cref="BitOperations.Crc32C(uint, ulong)"/>).</summary>
internal static class Crc32C
{
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = uint.MaxValue;
        while (data.Length >= sizeof(ulong))
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[sizeof(ulong)..];
        }

        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return ~crc;
    }
}
