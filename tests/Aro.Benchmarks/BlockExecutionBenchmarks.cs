using System.Buffers.Binary;
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
using BenchmarkDotNet.Configs;

namespace Aro.Benchmarks;

/// <summary>
/// One block of N signed EIP-1559 transfers executed on a RocksDB-backed world state and committed:
/// N/5 distinct senders × 5 nonces, each paying a distinct one of 20,000 existing funded accounts
/// (spread over the whole account trie, as a block's recipients are). The state is reopened at the
/// parent root for every block and the new nodes go into one write batch that is written, as block
/// import does. "recovering senders" includes the parallel sender recovery
/// (<see cref="BlockExecutor.RecoverSenders"/>) in the measured time; "senders recovered" starts
/// from senders the pool already recovered. The tx/s column is N / mean.
/// </summary>
/// <remarks>
/// Every iteration executes the same block on the same parent, so after the warm-up the store's
/// decoded-node cache holds the paths the block reads; a node importing new blocks reads the upper
/// levels from the cache as well, and the leaves of accounts untouched for a while from RocksDB.
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
[Config(typeof(Columns))]
public class BlockExecutionBenchmarks
{
    private const int ExistingAccounts = 20_000;
    private const int NoncesPerSender = 5;
    private const ulong ChainId = 1337;

    private static readonly Address Proposer = Address.Parse("0x0000000000000000000000000000000000000b0b");

    private readonly BlockExecutor _executor = new(new ExecutionParameters(), ModuleHost.Empty);
    private readonly BlockContext _block = new(1, 1_700_000_000, Proposer, 7, 1_000_000_000, ChainId, 0);

    private RocksDbStore _store = null!;
    private string _path = string.Empty;
    private Hash256 _root;
    private Transaction[] _transactions = [];
    private SenderTx[] _recovered = [];

    [Params(1_000, 5_000)]
    public int Transactions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), "aro-exec-bench-" + Guid.NewGuid().ToString("N"));
        _store = RocksDbStore.Open(_path);
        var state = new WorldState(new StoreTrieNodes(_store));
        for (var i = 0; i < ExistingAccounts; i++)
        {
            state.AddBalance(Recipient(i), 1_000_000);
        }

        var senders = Transactions / NoncesPerSender;
        var txs = new Transaction[Transactions];
        Span<byte> publicKey = stackalloc byte[Secp256k1.UncompressedPublicKeyLength];
        for (var s = 0; s < senders; s++)
        {
            var key = new byte[32];
            key[0] = 0x03;
            BinaryPrimitives.WriteInt32BigEndian(key.AsSpan(28), s + 1);
            Secp256k1.GetPublicKey(key, publicKey);
            state.AddBalance(Address.FromPublicKey(publicKey), 1_000_000_000_000UL);
            for (var n = 0; n < NoncesPerSender; n++)
            {
                var index = (s * NoncesPerSender) + n;

                // A stride coprime to the account count: every transfer reaches a different account.
                var to = Recipient((int)((index * 7_919L) % ExistingAccounts));
                var unsigned = Transaction.DynamicFee(ChainId, (ulong)n, 1, 20, 21_000, to, 1, [], ImmutableArray<AccessListEntry>.Empty);
                txs[index] = TxSigner.Sign(unsigned, key);
            }
        }

        using (var batch = _store.CreateBatch())
        {
            _root = state.Commit(new TrieNodeBatch(batch));
            batch.Commit();
        }

        _store.Flush();
        _transactions = txs;
        _recovered = BlockExecutor.RecoverSenders(_transactions, out _);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_path, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public Hash256 Execute_and_commit_senders_recovered() => ExecuteAndCommit(_recovered);

    [Benchmark]
    public Hash256 Execute_and_commit_recovering_senders_in_parallel() =>
        ExecuteAndCommit(BlockExecutor.RecoverSenders(_transactions, out _));

    private static Address Recipient(int i)
    {
        Span<byte> bytes = stackalloc byte[Address.Size];
        bytes[0] = 0xcc;
        BinaryPrimitives.WriteInt32BigEndian(bytes[16..], i);
        return new Address(bytes);
    }

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

    private sealed class Columns : ManualConfig
    {
        public Columns() => AddColumn(new TxPerSecondColumn());
    }
}
