using System.Collections.Immutable;
using Aro.Core;
using Aro.Core.Crypto;
using Aro.Core.Transactions;
using Aro.Execution.TxPool;
using BenchmarkDotNet.Attributes;

namespace Aro.Benchmarks;

/// <summary>
/// The mempool: admitting pre-signed EIP-1559 transfers in network form (decode, static validation,
/// sender recovery, state reads, insertion) from one and from two threads, per transaction; and
/// selecting a block from 10,000 pending transactions (1,000 senders × 10 nonces).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class TxPoolBenchmarks
{
    private const int AddSenders = 200;
    private const int AddNonces = 10;
    private const int AddCount = AddSenders * AddNonces;
    private const ulong ChainId = 1;

    private static readonly TxPoolOptions Options = new() { ChainId = ChainId, BaseFee = 7 };

    private byte[][] _raw = [];
    private byte[][][] _rawByThread = [];
    private MapState _state = null!;
    private TxPool _full = null!;

    [GlobalSetup]
    public void Setup()
    {
        _state = new MapState();
        _raw = new byte[AddCount][];
        for (var s = 0; s < AddSenders; s++)
        {
            var key = Key(s);
            for (var n = 0; n < AddNonces; n++)
            {
                // Interleaved senders, as transactions arrive from many wallets.
                _raw[(n * AddSenders) + s] = TxEncoder.Encode(Transfer(key, (ulong)n, (ulong)(s % 17) + 1));
            }
        }

        // Thread t takes every other sender, so the two threads share the pool but not senders' nonce chains.
        _rawByThread = [[.. _raw.Where((_, i) => i % AddSenders % 2 == 0)], [.. _raw.Where((_, i) => i % AddSenders % 2 == 1)]];

        _full = new TxPool(Options, _state);
        for (var s = 0; s < 1_000; s++)
        {
            var key = Key(10_000 + s);
            for (var n = 0; n < 10; n++)
            {
                if (!_full.Add(Transfer(key, (ulong)n, (ulong)((s * 7) + n) % 23 + 1)).IsAccepted)
                {
                    throw new InvalidOperationException("setup transaction refused");
                }
            }
        }

        if (_full.PendingCount != 10_000)
        {
            throw new InvalidOperationException($"{_full.PendingCount} pending, expected 10,000");
        }
    }

    [Benchmark(OperationsPerInvoke = AddCount)]
    public int AddRaw_OneThread()
    {
        var pool = new TxPool(Options, _state);
        foreach (var raw in _raw)
        {
            pool.Add(raw);
        }

        return Check(pool);
    }

    [Benchmark(OperationsPerInvoke = AddCount)]
    public int AddRaw_TwoThreads()
    {
        var pool = new TxPool(Options, _state);
        Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, t =>
        {
            foreach (var raw in _rawByThread[t])
            {
                pool.Add(raw);
            }
        });

        return Check(pool);
    }

    /// <summary>A 30M-gas block of 21,000-gas transfers: 1,428 transactions out of 10,000.</summary>
    [Benchmark]
    public int GetPendingForBlock_30M_gas_of_10k() => _full.GetPendingForBlock(30_000_000, 7, 10_000).Count;

    /// <summary>Every one of the 10,000 pending transactions, in block order.</summary>
    [Benchmark]
    public int GetPendingForBlock_all_10k() => _full.GetPendingForBlock(ulong.MaxValue, 7, 10_000).Count;

    private static int Check(TxPool pool) =>
        pool.PendingCount == AddCount ? AddCount : throw new InvalidOperationException($"{pool.PendingCount} pending, expected {AddCount}");

    private Transaction Transfer(byte[] key, ulong nonce, ulong tip)
    {
        Span<byte> publicKey = stackalloc byte[Secp256k1.UncompressedPublicKeyLength];
        Secp256k1.GetPublicKey(key, publicKey);
        _state.Balances[Address.FromPublicKey(publicKey)] = UInt256.Parse("1000000000000000000000");
        var unsigned = Transaction.DynamicFee(
            ChainId, nonce, tip, 1_000_000_000, 21_000, Address.Parse("0x" + new string('1', 40)), 1_000, [], ImmutableArray<AccessListEntry>.Empty);
        return TxSigner.Sign(unsigned, key);
    }

    private static byte[] Key(int seed)
    {
        var key = new byte[32];
        key[0] = 0x01;
        key[29] = (byte)(seed >> 16);
        key[30] = (byte)(seed >> 8);
        key[31] = (byte)seed;
        return key;
    }

    private sealed class MapState : ITxPoolStateReader
    {
        public Dictionary<Address, UInt256> Balances { get; } = [];

        public ulong GetNonce(Address address) => 0;

        public UInt256 GetBalance(Address address) => Balances.GetValueOrDefault(address);
    }
}
