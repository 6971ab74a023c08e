using Aro.Core;
using Aro.State.Trie;
using Aro.State.World;
using Aro.Storage.RocksDb;
using BenchmarkDotNet.Attributes;

namespace Aro.Benchmarks;

/// <summary>
/// One block's state commit against RocksDB: over a committed state of 100,000 funded accounts, a
/// sender pays 1 wei to each of N existing accounts (N balance changes plus the sender's debit and
/// nonce), and the module's storage gets N/10 records; then the world state computes the root and
/// commits every new node into one write batch, which is written. The state is reopened at the base
/// root each time, so the changed paths load from RocksDB as a block import would (through the
/// store's decoded-node cache, warm after the warm-up). "Commit only" makes the same changes before
/// the measured region (an iteration setup, one invocation per iteration) and times just the root
/// computation, the node writes into the batch and the batch write.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class WorldStateCommitBenchmarks
{
    private const int BaseAccounts = 100_000;

    private static readonly Address Sender = Address.Parse("0x00000000000000000000000000000000000a11ce");
    private static readonly Address Module = Address.Parse("0x0000000000000000000000000000000000001000");

    private RocksDbStore _store = null!;
    private string _path = string.Empty;
    private Hash256 _root;

    [Params(100, 1_000, 10_000)]
    public int ChangedAccounts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), "aro-world-bench-" + Guid.NewGuid().ToString("N"));
        _store = RocksDbStore.Open(_path);
        var state = new WorldState(new StoreTrieNodes(_store));
        state.AddBalance(Sender, UInt256.MaxValue >> 1);
        for (var i = 0; i < BaseAccounts; i++)
        {
            state.AddBalance(AccountAddress(i), 1_000_000);
        }

        using var batch = _store.CreateBatch();
        _root = state.Commit(new TrieNodeBatch(batch));
        batch.Commit();
        _store.Flush();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_path, recursive: true);
    }

    private WorldState? _changed;

    [Benchmark]
    public Hash256 Change_accounts_and_commit_to_RocksDB() => Commit(Change());

    [IterationSetup(Target = nameof(Commit_only_to_RocksDB))]
    public void ChangeBeforeCommit() => _changed = Change();

    [Benchmark]
    public Hash256 Commit_only_to_RocksDB() => Commit(_changed!);

    private Hash256 Commit(WorldState state)
    {
        using var batch = _store.CreateBatch();
        var root = state.Commit(new TrieNodeBatch(batch));
        batch.Commit();
        return root;
    }

    private WorldState Change()
    {
        var state = new WorldState(new StoreTrieNodes(_store), _root);
        var step = BaseAccounts / ChangedAccounts;
        state.SubtractBalance(Sender, (ulong)ChangedAccounts);
        state.IncrementNonce(Sender);
        var module = state.GetModuleStore(Module);
        Span<byte> key = stackalloc byte[5];
        key[0] = 0x21;
        for (var i = 0; i < ChangedAccounts; i++)
        {
            state.AddBalance(AccountAddress(i * step), 1);
            if (i % 10 == 0)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(key[1..], i);
                module.Set(key, [0xc3, 0x01, 0x02, 0x03]);
            }
        }

        return state;
    }

    private static Address AccountAddress(int i)
    {
        Span<byte> bytes = stackalloc byte[Address.Size];
        bytes[0] = 0xaa;
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes[16..], i);
        return new Address(bytes);
    }
}
