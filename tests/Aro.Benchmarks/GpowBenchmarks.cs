using System.Buffers.Binary;
using System.Collections.Immutable;
using Aro.Core;
using Aro.Core.Abi;
using Aro.Core.Crypto;
using Aro.Core.Transactions;
using Aro.Execution.Execution;
using Aro.Execution.Modules;
using Aro.Execution.Modules.Records;
using Aro.Modules.Gpos.Interop;
using Aro.Modules.Gpow;
using Aro.Modules.Gpow.Abi;
using Aro.Modules.Gpow.Genesis;
using Aro.Modules.Gpow.State;
using Aro.State.Trie;
using Aro.State.World;
using Aro.Storage.RocksDb;
using BenchmarkDotNet.Attributes;

namespace Aro.Benchmarks;

/// <summary>
/// GPoW on a RocksDB-backed world state, each iteration executing one block on the same parent and
/// committing it: (1) a block of 2,000 work-report transactions (senders already recovered);
/// (2) one transaction carrying a batch of 2,000 keeper verdicts; (3) the begin-block of one scoring page
/// and (4) one settlement page (500 edge nodes each, the default page) of an epoch with 100,000 reporting
/// edge nodes, each with three verdicts. A 100,000-node epoch takes 200 scoring pages and 200 settlement
/// pages, one page per block. Edge nodes, reports and verdicts are written straight into the module's
/// records in setup (registration would only repeat attestation checks).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class GpowBenchmarks
{
    public const int Reports = 2_000;
    public const int Verdicts = 2_000;
    public const int EpochEdges = 100_000;
    private const ulong ChainId = 4242;
    private static readonly Address Proposer = Address.Parse("0x0000000000000000000000000000000000000b0b");
    private static readonly GpowParams Params = new() { EpochBlocks = 600, MinBond = 0, ChallengeRatePpm = 0, ComputeChallengeRatePpm = 0 };

    private readonly FixedKeepers _keepers = new();
    private BlockExecutor _executor = null!;
    private RocksDbStore _store = null!;
    private string _path = string.Empty;
    private Hash256 _reportRoot;
    private Hash256 _verdictRoot;
    private Hash256 _scoreRoot;
    private Hash256 _settleRoot;
    private SenderTx[] _reportTxs = [];
    private SenderTx[] _verdictTx = [];

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), "aro-gpow-bench-" + Guid.NewGuid().ToString("N"));
        _store = RocksDbStore.Open(_path);
        var module = new GpowModule(_keepers);
        _executor = new BlockExecutor(new ExecutionParameters(), new ModuleHost([module]));

        // Parent of the report and verdict blocks: 2,000 registered edges; reports of epoch 0 are in for the verdict block.
        var state = new WorldState(new StoreTrieNodes(_store));
        new GpowGenesis(Params, new AttestationSettings()).Load(state);
        var records = Store(state);
        records.SetAssignment(0, Keccak256.Hash([0]), _keepers.Keepers);
        records.SetAssignment(1, Keccak256.Hash([1]), _keepers.Keepers);
        var keys = new byte[Reports][];
        var report = new WorkReport(1, 2, 3, 990_000, Hash256.Zero, 0);
        for (var i = 0; i < Reports; i++)
        {
            keys[i] = Key(i + 1);
            var edge = AddressOf(keys[i]);
            state.AddBalance(edge, 1_000_000_000_000UL);
            records.SetEdge(edge, new EdgeRecord(EdgeKinds.Dev, ulong.MaxValue, 0, "eu", 1, false, 0, 0, new DeclaredResources(100, 1, 1_000)));
            records.AppendEdge(edge);
        }

        _reportRoot = Commit(state);
        _reportTxs = [.. Enumerable.Range(0, Reports).Select(i => Sign(keys[i], 0, WorkProofAbi.SubmitWorkReport.EncodeCall(
            AbiValue.UInt(0UL), AbiValue.UInt(1UL), AbiValue.UInt(2UL), AbiValue.UInt(3UL), AbiValue.UInt(990_000UL), AbiValue.Bytes(new byte[32]), AbiValue.UInt(0UL))))];

        var keeperKey = Key(1_000_000);
        state = new WorldState(new StoreTrieNodes(_store), _reportRoot);
        records = Store(state);
        state.AddBalance(AddressOf(keeperKey), 1_000_000_000_000_000UL);
        var entries = new AbiValue[Verdicts];
        for (var i = 0; i < Reports; i++)
        {
            var edge = AddressOf(keys[i]);
            records.AddReport(0, edge, report);
            entries[i] = AbiValue.List(AbiValue.Address(edge), AbiValue.UInt(2UL), AbiValue.UInt(0UL), AbiValue.UInt(20UL), AbiValue.Bool(false), AbiValue.UInt(990_000UL));
        }

        _keepers.Keepers[0] = AddressOf(keeperKey);
        records.SetAssignment(0, Keccak256.Hash([0]), [.. _keepers.Keepers.Order()]);
        _verdictTx = [Sign(keeperKey, 0, WorkProofAbi.SubmitVerdicts.EncodeCall(AbiValue.UInt(0UL), AbiValue.List(entries)), 50_000_000)];
        _verdictRoot = Commit(state);

        // A 100,000-edge epoch 0, every edge reported and judged by three keepers; scoring starts at block 900.
        state = new WorldState(new StoreTrieNodes(_store));
        new GpowGenesis(Params, new AttestationSettings()).Load(state);
        records = Store(state);
        records.SetAssignment(0, Keccak256.Hash([0]), _keepers.Keepers);
        records.SetAssignment(1, Keccak256.Hash([1]), _keepers.Keepers);
        records.SetChallengeSeed(0, Keccak256.Hash([2]), 700);
        for (var i = 0; i < EpochEdges; i++)
        {
            var edge = Synthetic(i);
            records.SetEdge(edge, new EdgeRecord(EdgeKinds.Dev, ulong.MaxValue, 0, "eu", 1, false, 0, 0, new DeclaredResources(100, 1, 1_000)));
            records.AppendEdge(edge);
            records.AddReport(0, edge, report);
            records.SetVerdicts(0, edge, [.. _keepers.Keepers.Select(k => new Verdict(k, (byte)(i % 4), 0, 20, false, 990_000))]);
        }

        _scoreRoot = Commit(state);

        // The same epoch fully scored, its pool received: settlement starts at block 900.
        state = new WorldState(new StoreTrieNodes(_store), _scoreRoot);
        records = Store(state);
        UInt256 total = 0;
        for (var i = 0; i < EpochEdges; i++)
        {
            var score = (UInt256)(ulong)(20_000_000 + (i % 4 * 10_000_000));
            records.SetResult(0, Synthetic(i), new EdgeResult(score, 0, 3, false));
            total += score;
        }

        records.SetEpochScore(0, total);
        UInt256 pool = UInt256.Parse("1000000000000000000000");
        records.SetPool(0, new PoolRecord(pool, false));
        records.Totals = new GpowTotals(0, pool, 0, 0);
        state.AddBalance(GpowModule.Address, pool);
        records.Cursors = new Cursors(1, 0, 0, 0, 0, 0);
        _settleRoot = Commit(state);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_path, recursive: true);
    }

    [Benchmark]
    public Hash256 Block_of_2000_work_reports() => Execute(_reportRoot, 600, _reportTxs);

    [Benchmark]
    public Hash256 One_tx_with_2000_verdicts() => Execute(_verdictRoot, 601, _verdictTx);

    [Benchmark]
    public Hash256 Scoring_page_of_500_in_a_100k_epoch() => Execute(_scoreRoot, 900, []);

    [Benchmark]
    public Hash256 Settlement_page_of_500_in_a_100k_epoch() => Execute(_settleRoot, 900, []);

    private Hash256 Execute(Hash256 parent, ulong height, SenderTx[] txs)
    {
        var state = new WorldState(new StoreTrieNodes(_store), parent);
        var block = new BlockContext(height, 1_700_000_000 + height, Proposer, 1, 1_000_000_000, ChainId, height / Params.EpochBlocks);
        var result = _executor.BuildBlock(state, block, txs);
        if (result.Transactions.Length != txs.Length || result.Transactions.Any(t => !t.Succeeded))
        {
            throw new InvalidOperationException("benchmark block lost or reverted transactions");
        }

        using var batch = _store.CreateBatch();
        var root = state.Commit(new TrieNodeBatch(batch));
        batch.Commit();
        return root;
    }

    private Hash256 Commit(WorldState state)
    {
        using var batch = _store.CreateBatch();
        var root = state.Commit(new TrieNodeBatch(batch));
        batch.Commit();
        return root;
    }

    private static GpowStore Store(WorldState state) => new(new WritableRecordStore(state.GetModuleStore(GpowModule.Address)));

    private static SenderTx Sign(byte[] key, ulong nonce, byte[] calldata, ulong gas = 200_000)
    {
        var unsigned = Transaction.DynamicFee(ChainId, nonce, 1, 2, gas, GpowModule.Address, 0, calldata, ImmutableArray<AccessListEntry>.Empty);
        return new SenderTx(TxSigner.Sign(unsigned, key), AddressOf(key));
    }

    private static byte[] Key(int seed)
    {
        var key = new byte[32];
        key[0] = 0x07;
        BinaryPrimitives.WriteInt32BigEndian(key.AsSpan(28), seed);
        return key;
    }

    private static Address AddressOf(byte[] key)
    {
        Span<byte> publicKey = stackalloc byte[Secp256k1.UncompressedPublicKeyLength];
        Secp256k1.GetPublicKey(key, publicKey);
        return Address.FromPublicKey(publicKey);
    }

    private static Address Synthetic(int i)
    {
        var bytes = new byte[20];
        bytes[0] = 0xed;
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), i);
        return new Address(bytes);
    }

    private sealed class FixedKeepers : IKeeperRegistry
    {
        public Address[] Keepers { get; } = [Synthetic(-1), Synthetic(-2), Synthetic(-3)];

        public IReadOnlyList<Address> ActiveKeepers(ModuleContext context) => Keepers;

        public bool IsActiveKeeper(ModuleContext context, in Address keeper) => Keepers.Contains(keeper);

        public void SlashFalseVouch(ModuleContext context, in Address keeper, ulong infractionEpoch, string reason)
        {
        }
    }
}
