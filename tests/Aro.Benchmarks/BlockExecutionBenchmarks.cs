using System.Collections.Immutable;
using Aro.Core;
using Aro.Core.Crypto;
using Aro.Core.Transactions;
using Aro.Execution.Execution;
using Aro.Execution.Modules;
using Aro.State.Trie;
using Aro.State.World;
using Aro.Storage.RocksDb;
using BenchmarkDotNet.Attributes;

namespace Aro.Benchmarks;

/// <summary>
/// One block of 1,000 signed EIP-1559 transfers (100 senders × 10 nonces, 1,000 fresh recipients)
/// executed on a RocksDB-backed world state reopened at the parent root, then committed into one
/// write batch that is written. Either the senders arrive recovered (the pool already did it) or
/// the block recovers them in parallel first. tx/s = 1,000 / mean.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class BlockExecutionBenchmarks
{
    private const int Senders = 100;
    private const int PerSender = 10;
    private const ulong ChainId = 1337;

    private static readonly Address Proposer = Address.Parse("0x0000000000000000000000000000000000000b0b");

    private readonly BlockExecutor _executor = new(new ExecutionParameters(), ModuleHost.Empty);
    private readonly BlockContext _block = new(1, 1_700_000_000, Proposer, 7, 30_000_000, ChainId, 0);

    private RocksDbStore _store = null!;
    private string _path = string.Empty;
    private Hash256 _root;
    private Transaction[] _transactions = [];
    private SenderTx[] _recovered = [];

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), "aro-exec-bench-" + Guid.NewGuid().ToString("N"));
        _store = RocksDbStore.Open(_path);
        var state = new WorldState(new StoreTrieNodes(_store));
        var txs = new List<Transaction>(Senders * PerSender);
        Span<byte> publicKey = stackalloc byte[Secp256k1.UncompressedPublicKeyLength];
        for (var s = 0; s < Senders; s++)
        {
            var key = new byte[32];
            key[0] = 0x03;
            key[31] = (byte)(s + 1);
            Secp256k1.GetPublicKey(key, publicKey);
            state.AddBalance(Address.FromPublicKey(publicKey), 1_000_000_000_000UL);
            for (var n = 0; n < PerSender; n++)
            {
                var to = new byte[Address.Size];
                to[0] = 0xcc;
                System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(to.AsSpan(16), (s * PerSender) + n);
                var unsigned = Transaction.DynamicFee(ChainId, (ulong)n, 1, 20, 21_000, new Address(to), 1, [], ImmutableArray<AccessListEntry>.Empty);
                txs.Add(TxSigner.Sign(unsigned, key));
            }
        }

        using (var batch = _store.CreateBatch())
        {
            _root = state.Commit(new TrieNodeBatch(batch));
            batch.Commit();
        }

        _store.Flush();
        _transactions = [.. txs];
        _recovered = BlockExecutor.RecoverSenders(_transactions, out _);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_path, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public Hash256 Execute_1000_transfers_senders_recovered() => ExecuteAndCommit(_recovered);

    [Benchmark]
    public Hash256 Execute_1000_transfers_recovering_senders_in_parallel() =>
        ExecuteAndCommit(BlockExecutor.RecoverSenders(_transactions, out _));

    private Hash256 ExecuteAndCommit(SenderTx[] transactions)
    {
        var state = new WorldState(new StoreTrieNodes(_store), _root);
        var result = _executor.ValidateBlock(state, _block, transactions);
        if (result.Transactions.Length != transactions.Length)
        {
            throw new InvalidOperationException("benchmark block lost transactions");
        }

        using var batch = _store.CreateBatch();
        var root = state.Commit(new TrieNodeBatch(batch));
        batch.Commit();
        return root;
    }
}
