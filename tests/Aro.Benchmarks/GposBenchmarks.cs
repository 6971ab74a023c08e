using System.Collections.Immutable;
using Aro.Core;
using Aro.Core.Abi;
using Aro.Core.Blocks;
using Aro.Core.Crypto;
using Aro.Core.Transactions;
using Aro.Execution.Execution;
using Aro.Execution.Modules;
using Aro.Modules.Gpos;
using Aro.Modules.Gpos.Abi;
using Aro.Modules.Gpos.Genesis;
using Aro.State.Trie;
using Aro.State.World;
using Aro.Testing.Modules;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Aro.Benchmarks;

/// <summary>
/// The GPoS module with 100 keepers and 10,000 delegators (100 per keeper) loaded from genesis, every
/// keeper having signed a block of the epoch (real commit, signatures recovered in begin-block):
/// <list type="bullet">
/// <item><c>EpochTransition</c>: the end-block that settles the epoch (mint, split, 100 keeper lines and
/// accumulators), computes stake limits and picks the next active set — issue 5 item 13.</item>
/// <item><c>DelegateBlock</c> / <c>UndelegateBlock</c>: a block of <c>Transactions</c> signed delegate
/// (undelegate) calls from distinct delegators, senders already recovered; tx/s = N / mean.</item>
/// </list>
/// Each invocation runs on the same state and reverts to the journal snapshot taken before it.
/// The trie nodes live in memory: this measures the module, not the database.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
[Config(typeof(Columns))]
public class GposBenchmarks
{
    private const int Keepers = 100;
    private const int DelegatorsPerKeeper = 100;
    private const ulong ChainId = 4242;
    private const ulong EpochBlocks = 600;

    private static readonly Address Proposer = Address.Parse("0x0000000000000000000000000000000000000b0b");

    private readonly GposModule _module = new();
    private ModuleHost _host = null!;
    private BlockExecutor _executor = null!;
    private WorldState _state = null!;
    private SenderTx[] _delegates = [];
    private SenderTx[] _undelegates = [];

    [Params(1_000)]
    public int Transactions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _host = new ModuleHost([_module]);
        _executor = new BlockExecutor(new ExecutionParameters { FeeRecipient = GposModule.Address }, _host);
        var nodes = new MemoryTrieNodeStore();
        _state = new WorldState(nodes);
        var p = new GposParams { EpochBlocks = EpochBlocks, MaxValidators = Keepers, MaxKeepers = Keepers, MinSelfStake = 1_000 };

        var keepers = new List<GenesisKeeper>();
        var consensusKeys = new List<(Address Keeper, byte[] Key)>();
        for (var k = 0; k < Keepers; k++)
        {
            var consensusKey = Key(0x0c, k);
            var address = AddressOf(Key(0x0a, k));
            keepers.Add(new GenesisKeeper(address, [.. PublicKey(consensusKey)], 500, "k" + k, "eu-west", (UInt256)(10_000UL + (ulong)k)));
            consensusKeys.Add((address, consensusKey));
        }

        keepers.Sort((a, b) => a.Address.CompareTo(b.Address));
        var delegations = new List<GenesisDelegation>();
        for (var d = 0; d < Keepers * DelegatorsPerKeeper; d++)
        {
            delegations.Add(new GenesisDelegation(AddressOf(Key(0x0d, d)), keepers[d % Keepers].Address, 1_000));
        }

        delegations.Sort((a, b) => a.Keeper != b.Keeper ? a.Keeper.CompareTo(b.Keeper) : a.Delegator.CompareTo(b.Delegator));
        var genesis = new GposGenesis(p, [.. keepers], [.. delegations]);
        _state.AddBalance(GposModule.Address, genesis.TotalStake);
        genesis.Load(_state);

        // Fund the delegators and sign their calls: delegate 100 wei more, or undelegate 100 wei.
        var keeperOf = new Dictionary<Address, Address>();
        foreach (var d in delegations)
        {
            keeperOf[d.Delegator] = d.Keeper;
        }

        _delegates = new SenderTx[Transactions];
        _undelegates = new SenderTx[Transactions];
        for (var d = 0; d < Transactions; d++)
        {
            var key = Key(0x0d, d);
            var sender = AddressOf(key);
            _state.AddBalance(sender, 1_000_000_000_000UL);
            var keeper = AbiValue.Address(keeperOf[sender]);
            _delegates[d] = Signed(key, sender, StakingAbi.Delegate.EncodeCall(keeper), 100);
            _undelegates[d] = Signed(key, sender, StakingAbi.Undelegate.EncodeCall(keeper, AbiValue.UInt(100UL)), 0);
        }

        _state.Commit(nodes);

        // One block of the epoch signed by every keeper, so the settlement shares out real weights.
        var blockHash = Keccak256.Hash("bench"u8);
        var signingHash = VoteSignBytes.SigningHash(ChainId, EpochBlocks - 3, 0, VoteType.Precommit, blockHash);
        var signatures = consensusKeys.Select((c, i) => CommitSignature.Sign((uint)i, signingHash, c.Key)).ToImmutableArray();
        var commit = new Commit(EpochBlocks - 3, 0, blockHash, signatures);
        _host.BeginBlock(_state, Context(EpochBlocks - 2, commit), []);
        _state.Commit(nodes);

        // Guard: the measured end-block really settles 100 keeper lines and starts the next epoch.
        if (EpochTransition() < Keepers + 2)
        {
            throw new InvalidOperationException("the end-block did not run the epoch transition");
        }
    }

    [Benchmark]
    public int EpochTransition()
    {
        var snapshot = _state.TakeSnapshot();
        var events = new List<Log>();
        _host.EndBlock(_state, Context(EpochBlocks - 1, null), events);
        _state.RevertToSnapshot(snapshot);
        return events.Count;
    }

    [Benchmark]
    public int DelegateBlock() => Execute(_delegates);

    [Benchmark]
    public int UndelegateBlock() => Execute(_undelegates);

    private int Execute(SenderTx[] txs)
    {
        var snapshot = _state.TakeSnapshot();
        var result = _executor.BuildBlock(_state, Context(10, null), txs);
        _state.RevertToSnapshot(snapshot);
        if (!result.Skipped.IsEmpty || result.Transactions.Any(t => !t.Succeeded))
        {
            throw new InvalidOperationException("a benchmark transaction failed");
        }

        return result.Transactions.Length;
    }

    private static BlockContext Context(ulong height, Commit? commit) =>
        new(height, 1_700_000_000 + height, Proposer, 1, 1_000_000_000, ChainId, height / EpochBlocks, commit);

    private static SenderTx Signed(byte[] key, Address sender, byte[] calldata, ulong value)
    {
        var unsigned = Transaction.DynamicFee(ChainId, 0, 1, 2, 200_000, GposModule.Address, value, calldata, ImmutableArray<AccessListEntry>.Empty);
        return new SenderTx(TxSigner.Sign(unsigned, key), sender);
    }

    private static byte[] Key(byte kind, int i) => TestKeys.PrivateKey(kind, i + 1);

    private static byte[] PublicKey(byte[] key) => TestKeys.PublicKey(key);

    private static Address AddressOf(byte[] key) => TestKeys.AddressOf(key);

    private sealed class Columns : ManualConfig
    {
        public Columns() => AddColumn(new TxPerSecondColumn());
    }
}
