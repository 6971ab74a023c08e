using System.Collections.Immutable;
using Aro.Core;
using Aro.Core.Transactions;
using BenchmarkDotNet.Attributes;

namespace Aro.Benchmarks;

/// <summary>
/// A signed EIP-1559 transfer with 68 bytes of calldata and an access list of 2 addresses × 2 keys
/// (the shape of a token transfer that pre-warms storage): network encode/decode, signing hash and
/// sender recovery. Decode includes copying the calldata and hashing the input (the tx hash).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class TransactionBenchmarks
{
    private Transaction _signed = null!;
    private byte[] _encoded = [];

    [GlobalSetup]
    public void Setup()
    {
        var key = new byte[32];
        key[31] = 0x2a;
        var storageKey = Hash256.Parse("0x" + new string('5', 64));
        ImmutableArray<AccessListEntry> accessList =
        [
            new(Address.Parse("0x" + new string('3', 40)), [storageKey, storageKey]),
            new(Address.Parse("0x" + new string('4', 40)), [storageKey, storageKey]),
        ];
        var data = new byte[68];
        Array.Fill(data, (byte)0x22);
        var unsigned = Transaction.DynamicFee(
            1, 42, 1_500_000_000, 30_000_000_000, 100_000, Address.Parse("0x" + new string('1', 40)), 1_000_000_000_000_000_000, data, accessList);
        _signed = TxSigner.Sign(unsigned, key);
        _encoded = TxEncoder.Encode(_signed);
    }

    [Benchmark]
    public byte[] Encode() => TxEncoder.Encode(_signed);

    [Benchmark]
    public Transaction Decode() => TxDecoder.Decode(_encoded);

    [Benchmark]
    public Hash256 SigningHash() => TxEncoder.SigningHash(_signed);

    [Benchmark]
    public Address RecoverSender() => TxSender.Recover(_signed);
}
