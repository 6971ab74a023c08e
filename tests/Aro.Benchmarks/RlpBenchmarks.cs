using Aro.Core.Rlp;
using BenchmarkDotNet.Attributes;

namespace Aro.Benchmarks;

/// <summary>
/// Encoding and decoding an EIP-1559-shaped signed list (chain id, nonce, tip, fee cap, gas, to,
/// value, data, access list of 2 entries x 2 keys, y parity, r, s) with RlpWriter / RlpReader directly.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class RlpBenchmarks
{
    private readonly byte[] _to = Filled(20, 0x11);
    private readonly byte[] _data = Filled(68, 0x22);
    private readonly byte[][] _accessAddresses = [Filled(20, 0x33), Filled(20, 0x44)];
    private readonly byte[] _storageKey = Filled(32, 0x55);
    private readonly byte[] _r = Filled(32, 0x66);
    private readonly byte[] _s = Filled(32, 0x77);
    private byte[] _buffer = [];
    private byte[] _encoded = [];

    [GlobalSetup]
    public void Setup()
    {
        _buffer = new byte[RlpWriter.LengthOfList(ContentLength())];
        Encode();
        _encoded = (byte[])_buffer.Clone();
    }

    [Benchmark]
    public int Encode()
    {
        var writer = new RlpWriter(_buffer);
        writer.WriteListHeader(ContentLength());
        writer.WriteUInt64(1);
        writer.WriteUInt64(42);
        writer.WriteUInt64(1_500_000_000);
        writer.WriteUInt64(30_000_000_000);
        writer.WriteUInt64(100_000);
        writer.WriteBytes(_to);
        writer.WriteUInt64(1_000_000_000_000_000_000);
        writer.WriteBytes(_data);
        writer.WriteListHeader(AccessListContentLength());
        foreach (var address in _accessAddresses)
        {
            writer.WriteListHeader(AccessEntryContentLength(address));
            writer.WriteBytes(address);
            writer.WriteListHeader(StorageKeysContentLength());
            writer.WriteBytes(_storageKey);
            writer.WriteBytes(_storageKey);
        }

        writer.WriteUInt64(1);
        writer.WriteBigEndianInteger(_r);
        writer.WriteBigEndianInteger(_s);
        return writer.Position;
    }

    [Benchmark]
    public ulong Decode()
    {
        var reader = new RlpReader(_encoded);
        var fields = reader.ReadList();
        var sum = fields.ReadUInt64() + fields.ReadUInt64() + fields.ReadUInt64() + fields.ReadUInt64() + fields.ReadUInt64();
        sum += (ulong)fields.ReadBytes().Length;
        sum += fields.ReadUInt64();
        sum += (ulong)fields.ReadBytes().Length;
        var accessList = fields.ReadList();
        while (accessList.HasMore)
        {
            var entry = accessList.ReadList();
            sum += (ulong)entry.ReadBytes().Length;
            var keys = entry.ReadList();
            while (keys.HasMore)
            {
                sum += (ulong)keys.ReadBytes().Length;
            }

            entry.EnsureEnd();
        }

        sum += fields.ReadUInt64();
        sum += (ulong)fields.ReadIntegerBytes(32).Length;
        sum += (ulong)fields.ReadIntegerBytes(32).Length;
        fields.EnsureEnd();
        reader.EnsureEnd();
        return sum;
    }

    private static byte[] Filled(int length, byte value)
    {
        var bytes = new byte[length];
        Array.Fill(bytes, value);
        return bytes;
    }

    private int StorageKeysContentLength() => 2 * RlpWriter.LengthOfBytes(_storageKey);

    private int AccessEntryContentLength(byte[] address) =>
        RlpWriter.LengthOfBytes(address) + RlpWriter.LengthOfList(StorageKeysContentLength());

    private int AccessListContentLength()
    {
        var length = 0;
        foreach (var address in _accessAddresses)
        {
            length += RlpWriter.LengthOfList(AccessEntryContentLength(address));
        }

        return length;
    }

    private int ContentLength() =>
        RlpWriter.LengthOfUInt64(1) + RlpWriter.LengthOfUInt64(42) + RlpWriter.LengthOfUInt64(1_500_000_000)
        + RlpWriter.LengthOfUInt64(30_000_000_000) + RlpWriter.LengthOfUInt64(100_000) + RlpWriter.LengthOfBytes(_to)
        + RlpWriter.LengthOfUInt64(1_000_000_000_000_000_000) + RlpWriter.LengthOfBytes(_data)
        + RlpWriter.LengthOfList(AccessListContentLength()) + RlpWriter.LengthOfUInt64(1)
        + RlpWriter.LengthOfBigEndianInteger(_r) + RlpWriter.LengthOfBigEndianInteger(_s);
}
