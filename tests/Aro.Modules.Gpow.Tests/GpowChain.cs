using Aro.Core;
using Aro.Core.Abi;
using Aro.Core.Blocks;
using Aro.Core.Crypto;
using Aro.Execution.Execution;
using Aro.Execution.Modules;
using Aro.Modules.Gpow.Abi;
using Aro.Modules.Gpow.Genesis;
using Aro.State.Trie;
using Aro.State.World;
using Aro.Storage;
using Aro.Storage.RocksDb;
using Aro.Testing.Modules;

namespace Aro.Modules.Gpow.Tests;

/// <summary>
/// A chain driven the way a node drives it, over real RocksDB in a temp folder: a <see cref="WorldState"/>
/// committed per block, GPoW and the test GPoS side in a <see cref="ModuleHost"/>, blocks built by the
/// <see cref="BlockExecutor"/> from signed EIP-1559 transactions (<see cref="ModuleBlocks"/>). After every block it checks
/// <see cref="GpowInvariants"/> and the supply (genesis supply = balances + burnt fees).
/// </summary>
internal sealed class GpowChain : IDisposable
{
    public const ulong ChainId = 4242;
    public static readonly UInt256 Funds = UInt256.Parse("1000000000000000000");
    public static readonly UInt256 RegistryFunds = UInt256.Parse("1000000000000000");
    public static readonly Address Proposer = Address.Parse("0x" + new string('9', 40));
    public static readonly Account DevSigner = Account.Of(999);

    private readonly List<Address> _accounts = [];
    private readonly ModuleBlocks _blocks;
    private readonly TempDirectory _directory = new("aro-gpow");
    private readonly IKeyValueStore _db;

    public GpowChain(GpowParams? parameters = null, AttestationSettings? attestation = null, int edges = 6, int keepers = 3, ulong baseTime = 1_700_000_000, Address? admin = null)
    {
        Params = parameters ?? TestParams;
        BaseTime = baseTime;
        _db = RocksDbStore.Open(_directory.Path);
        State = new WorldState(new StoreTrieNodes(_db));
        Edges = [.. Enumerable.Range(1, edges).Select(Account.Of)];
        Keepers = [.. Enumerable.Range(101, keepers).Select(Account.Of)];
        foreach (var account in Edges.Concat(Keepers))
        {
            State.AddBalance(account.Address, Funds);
            _accounts.Add(account.Address);
        }

        State.AddBalance(TestKeeperRegistry.Address, RegistryFunds);
        _accounts.AddRange([GpowModule.Address, TestKeeperRegistry.Address, Proposer]);
        GenesisSupply = (Funds * (ulong)(edges + keepers)) + RegistryFunds;
        Genesis = new GpowGenesis(Params, attestation ?? DevnetAttestation) { Admin = admin };
        Genesis.Load(State);
        Registry = new TestKeeperRegistry(Params.EpochBlocks);
        Registry.Keepers.AddRange(Keepers.Select(k => k.Address));
        Module = new GpowModule(Registry);
        Registry.Settlement = Module;
        Host = new ModuleHost([Module, Registry]);
        _blocks = new ModuleBlocks(ChainId, GpowModule.Address, Host, new ExecutionParameters());
        Commit();
        AssertInvariants();
    }

    /// <summary>Epochs of 10 blocks: reports in offsets 0–2, challenges open at 3 and close at 6, verdicts until 6, scoring at 7.</summary>
    public static GpowParams TestParams { get; } = new()
    {
        EpochBlocks = 10,
        ReportWindowBlocks = 3,
        ChallengeDeadlineBlocks = 3,
        VerdictWindowBlocks = 7,
        KeepersPerEdge = 3,
        MaxVerdictsPerTx = 50,
        ChallengeRatePpm = 0,
        ComputeChallengeRatePpm = 0,
        ChallengeSlashPpm = 100_000,
        MinBond = 1_000,
        AttestationValiditySeconds = 86_400,
        SettlementPageSize = 500,
        MaxChunkBytes = 256,
    };

    public static AttestationSettings DevnetAttestation { get; } = new() { DevEnabled = true, DevSigner = DevSigner.Address };

    public GpowParams Params { get; }

    public ulong BaseTime { get; }

    public GpowGenesis Genesis { get; }

    public WorldState State { get; }

    public GpowModule Module { get; }

    public TestKeeperRegistry Registry { get; }

    public ModuleHost Host { get; }

    public Account[] Edges { get; }

    public Account[] Keepers { get; }

    public UInt256 GenesisSupply { get; }

    public ulong Height { get; private set; }

    public ulong Epoch => Height / Params.EpochBlocks;

    public List<Log> AllLogs => _blocks.AllLogs;

    public List<Log> LastBlockEvents { get; private set; } = [];

    public GpowReader Reader => new(key => State.GetModuleStore(GpowModule.Address).Get(key));

    public ulong TimeOf(ulong height) => BaseTime + (height * 6);

    public SenderTx Tx(Account from, byte[] calldata, UInt256 value = default, ulong gas = 2_000_000) =>
        _blocks.Tx(from.PrivateKey, from.Address, calldata, value, gas);

    public BlockExecutionResult Block(params SenderTx[] txs)
    {
        Height++;
        var context = new BlockContext(Height, TimeOf(Height), Proposer, 1, 60_000_000, ChainId, Epoch);
        var result = _blocks.Build(State, context, txs);
        LastBlockEvents = [.. result.BlockEvents];
        AssertInvariants();
        Commit();
        return result;
    }

    /// <summary>Runs empty blocks until the next block to execute is <paramref name="height"/>.</summary>
    public void AdvanceTo(ulong height)
    {
        while (Height + 1 < height)
        {
            Block();
        }
    }

    /// <summary>The first block number of <paramref name="epoch"/> plus <paramref name="offset"/>.</summary>
    public ulong At(ulong epoch, ulong offset) => (epoch * Params.EpochBlocks) + offset;

    public ModuleCall Send(Account from, byte[] calldata, UInt256 value = default) => ModuleBlocks.Only(Block(Tx(from, calldata, value)));

    public ModuleCall Ok(Account from, byte[] calldata, UInt256 value = default) =>
        ModuleReverts.AssertSucceeded(Send(from, calldata, value), WorkProofAbi.Errors, withArguments: true);

    /// <summary>
    /// Sends a call that must revert with <paramref name="error"/>, and proves it changed nothing: the same
    /// block without the call, run on a second world state opened at the same committed root, leaves the
    /// module's records and balance exactly as the block with the failed call did.
    /// </summary>
    public AbiValue[] Fails(Account from, byte[] calldata, AbiError error, UInt256 value = default)
    {
        var shadow = Shadow();
        var shadowRegistry = new TestKeeperRegistry(Params.EpochBlocks) { PoolPerEpoch = Registry.PoolPerEpoch };
        shadowRegistry.Keepers.AddRange(Registry.Keepers);
        var shadowModule = new GpowModule(shadowRegistry);
        shadowRegistry.Settlement = shadowModule;
        var shadowExecutor = new BlockExecutor(new ExecutionParameters(), new ModuleHost([shadowModule, shadowRegistry]));
        shadowExecutor.BuildBlock(shadow, new BlockContext(Height + 1, TimeOf(Height + 1), Proposer, 1, 60_000_000, ChainId, (Height + 1) / Params.EpochBlocks), []);
        shadow.ComputeRoot();

        var arguments = ModuleReverts.AssertRevertedWith(Send(from, calldata, value), error, WorkProofAbi.Errors, withArguments: true);
        Assert.Equal(shadow.GetAccount(GpowModule.Address)?.StorageRoot, ModuleStorageRoot());
        Assert.Equal(shadow.GetBalance(GpowModule.Address), State.GetBalance(GpowModule.Address));
        return arguments;
    }

    public AbiValue[] View(AbiFunction function, params AbiValue[] arguments)
    {
        var context = new BlockContext(Height, TimeOf(Height), Proposer, 1, 60_000_000, ChainId, Epoch);
        return _blocks.View(State, context, function, WorkProofAbi.Errors, arguments);
    }

    /// <summary>A second world state over the same RocksDB at the last committed root, for side computations.</summary>
    public WorldState Shadow() => new(new StoreTrieNodes(_db), State.ComputeRoot());

    public UInt256 Balance(Account account) => State.GetBalance(account.Address);

    public IEnumerable<AbiValue[]> Events(AbiEvent abiEvent) =>
        AllLogs.Where(l => l.Address == GpowModule.Address && l.Topics.Length > 0 && l.Topics[0] == abiEvent.Topic0)
            .Select(l => abiEvent.Decode(l.Topics, l.Data.Span));

    public void AssertInvariants()
    {
        Assert.Empty(GpowInvariants.Check(State));
        var held = _blocks.Burnt;
        foreach (var address in _accounts)
        {
            held += State.GetBalance(address);
        }

        Assert.Equal(GenesisSupply, held);
    }

    public Hash256 ModuleStorageRoot() => _blocks.StorageRoot(State);

    public static string DescribeRevert(byte[] output) => ModuleReverts.Describe(output, WorkProofAbi.Errors, withArguments: true);

    public void Dispose()
    {
        _db.Dispose();
        _directory.Dispose();
    }

    private void Commit()
    {
        using var batch = _db.CreateBatch();
        State.Commit(new TrieNodeBatch(batch));
        batch.Commit();
    }
}

/// <summary>A test account: a private key and its address.</summary>
internal sealed record Account(int Seed, byte[] PrivateKey, Address Address)
{
    public static Account Of(int seed)
    {
        var key = TestKeys.PrivateKey(0x6b, seed);
        return new Account(seed, key, TestKeys.AddressOf(key));
    }

    /// <summary>A 65-byte r‖s‖v signature of <paramref name="hash"/>.</summary>
    public byte[] Sign(in Hash256 hash)
    {
        var signature = new byte[65];
        Secp256k1.SignRecoverable(hash.Bytes, PrivateKey, signature.AsSpan(0, 64), out var v);
        signature[64] = v;
        return signature;
    }
}
