using System.Collections.Immutable;
using Aro.Core;
using Aro.Core.Abi;
using Aro.Core.Blocks;
using Aro.Core.Crypto;
using Aro.Core.Transactions;
using Aro.Execution.Execution;
using Aro.Execution.Modules;
using Aro.Modules.Gpos.Genesis;
using Aro.State.Trie;
using Aro.State.World;
using Aro.Testing.Modules;

namespace Aro.Modules.Gpos.Tests;

/// <summary>
/// A chain driven the way a node drives it: a real <see cref="WorldState"/>, the module in a
/// <see cref="ModuleHost"/>, blocks built by the <see cref="BlockExecutor"/> from signed EIP-1559
/// transactions (<see cref="ModuleBlocks"/>). After every block it checks the module invariants and the supply invariant
/// (genesis supply + minted − burned by slashes = every balance + every burnt fee). Every block carries the
/// previous block's commit, signed by every member of that block's epoch set (<c>72</c>) except
/// <see cref="Offline"/>: the one way tests produce liveness for slashing and signed blocks for rewards.
/// </summary>
internal sealed class GposChain
{
    public const ulong ChainId = 4242;
    public static readonly UInt256 BaseFee = 1;
    public static readonly UInt256 Funds = UInt256.Parse("1000000000000000000");
    public static readonly Address Proposer = Address.Parse("0x" + new string('9', 40));

    private static readonly AbiError[] RevertErrors = [.. Abi.StakingAbi.Errors, .. Abi.SettlementAbi.Errors];

    private readonly HashSet<Address> _accounts = [];
    private readonly ModuleBlocks _blocks;
    private readonly MemoryTrieNodeStore _nodes = new();
    private bool _withoutCommit;

    public GposChain(
        GposParams? parameters = null,
        IReadOnlyList<Account>? genesisKeepers = null,
        int accounts = 8,
        bool checkInvariants = true,
        UInt256? funds = null,
        bool feesToModule = false,
        GposModule? module = null,
        Func<GposModule, IModule>? companion = null)
    {
        var fundsEach = funds ?? Funds;
        Params = parameters ?? TestParams;
        CheckInvariants = checkInvariants;
        State = new WorldState(_nodes);
        Accounts = [.. Enumerable.Range(1, accounts).Select(Account.Of)];
        foreach (var account in Accounts)
        {
            State.AddBalance(account.Address, fundsEach);
            _accounts.Add(account.Address);
        }

        _accounts.Add(GposModule.Address);
        _accounts.Add(Proposer);
        var keepers = ImmutableArray.CreateBuilder<GenesisKeeper>();
        foreach (var keeper in (genesisKeepers ?? []).OrderBy(k => k.Address))
        {
            keepers.Add(new GenesisKeeper(keeper.Address, [.. keeper.ConsensusKey], 500, "genesis-" + keeper.Seed, "eu-west", Params.MinSelfStake));
        }

        var genesis = new GposGenesis(Params, keepers.ToImmutable(), []);
        if (!genesis.TotalStake.IsZero)
        {
            // A zero credit would touch-and-delete the empty account, and WorldState then refuses
            // the genesis records written to it (reported in the GPoS slice report).
            State.AddBalance(GposModule.Address, genesis.TotalStake);
        }

        GenesisSupply = fundsEach * (ulong)accounts + genesis.TotalStake;
        genesis.Load(State);
        State.Commit(_nodes);
        Module = module ?? new GposModule();
        Host = companion is null ? new ModuleHost([Module]) : new ModuleHost([Module, companion(Module)]);
        _blocks = new ModuleBlocks(ChainId, GposModule.Address, Host, new ExecutionParameters { FeeRecipient = feesToModule ? GposModule.Address : null });
        AssertInvariants();
    }

    /// <summary>Small numbers so tests cross epochs, unbonding periods and caps in a few blocks.</summary>
    public static GposParams TestParams { get; } = new()
    {
        EpochBlocks = 4,
        UnbondingEpochs = 3,
        MaxValidators = 3,
        MaxKeepers = 6,
        MinSelfStake = 1_000,
        MaxCommissionBps = 5_000,
        MaxCommissionChangeBps = 100,
        CommissionChangeEpochs = 2,
        MaxEntries = 3,
        MaxDelegationsPerDelegator = 3,
        SignedBlocksWindow = 8,
        MinSignedBps = 5_000,
        JailEpochs = 1,
        MaxEvidenceAgeBlocks = 8,
        InitialEpochEmission = 0,
    };

    /// <summary><see cref="TestParams"/> with emission, a decay every 3 epochs and round split numbers.</summary>
    public static GposParams RewardParams { get; } = TestParams with
    {
        InitialEpochEmission = 1_000_000,
        EmissionDecayBps = 1_000,
        EpochsPerYear = 3,
        KeeperPoolBps = 2_000,
        CommunityTaxBps = 500,
    };

    /// <summary>Counts <paramref name="address"/>'s balance in the supply check (an edge settlement account, say).</summary>
    public void TrackAccount(in Address address) => _accounts.Add(address);

    /// <summary>Consensus addresses whose keepers do not sign (their precommits are left out of the next block's last commit).</summary>
    public HashSet<Address> Offline { get; } = [];

    /// <summary>Numbers the commit's signatures in reverse set order, as a producer with another ordering of the set would.</summary>
    public bool MisnumberedCommits { get; set; }

    /// <summary>The commit the next block carries: precommits of the set of the last block's epoch, minus <see cref="Offline"/>; null when nobody signs.</summary>
    public Commit? NextLastCommit()
    {
        if (_withoutCommit || Height == 0 || GposModule.ValidatorSetOf(State, Height / Params.EpochBlocks) is not { } set)
        {
            return null;
        }

        var blockHash = Keccak256.Hash(BitConverter.GetBytes(Height));
        var digest = VoteSignBytes.SigningHash(ChainId, Height, 0, VoteType.Precommit, blockHash);
        var signatures = ImmutableArray.CreateBuilder<CommitSignature>();
        for (var i = 0; i < set.Members.Length; i++)
        {
            var consensus = set.Members[i].ConsensusAddress;
            if (!Offline.Contains(consensus))
            {
                signatures.Add(CommitSignature.Sign((uint)(MisnumberedCommits ? set.Members.Length - 1 - i : i), digest, ConsensusKeyOf(consensus)));
            }
        }

        if (MisnumberedCommits)
        {
            signatures.Reverse(); // indices must increase along the commit
        }

        return signatures.Count == 0 ? null : new Commit(Height, 0, blockHash, signatures.ToImmutable());
    }

    private byte[] ConsensusKeyOf(in Address consensusAddress)
    {
        foreach (var account in Accounts)
        {
            if (account.ConsensusAddress == consensusAddress)
            {
                return Account.KeyOf(account.Seed + 10_000);
            }
        }

        throw new InvalidOperationException("no test account holds consensus address " + consensusAddress);
    }

    public GposParams Params { get; }

    public bool CheckInvariants { get; }

    public WorldState State { get; }

    public GposModule Module { get; }

    public ModuleHost Host { get; }

    public Account[] Accounts { get; }

    public UInt256 GenesisSupply { get; }

    /// <summary>Number of the last executed block (0 = genesis).</summary>
    public ulong Height { get; private set; }

    public ulong Epoch => Height / Params.EpochBlocks;

    public List<Log> AllLogs => _blocks.AllLogs;

    public Account this[int index] => Accounts[index];

    /// <summary>A signed call to the module from <paramref name="from"/>, with a fresh nonce.</summary>
    public SenderTx Tx(Account from, byte[] calldata, UInt256 value = default, ulong gas = 300_000) =>
        _blocks.Tx(from.PrivateKey, from.Address, calldata, value, gas);

    /// <summary>A signed call to another module at <paramref name="to"/>, with a fresh nonce.</summary>
    public SenderTx TxTo(Account from, Address to, byte[] calldata, ulong gas = 300_000) =>
        _blocks.Tx(from.PrivateKey, from.Address, calldata, UInt256.Zero, gas, to);

    /// <summary>Executes the next block with <paramref name="txs"/> in order.</summary>
    public BlockExecutionResult Block(params SenderTx[] txs)
    {
        var lastCommit = NextLastCommit();
        Height++;
        var context = new BlockContext(Height, 1_700_000_000 + (Height * 6), Proposer, BaseFee, 30_000_000, ChainId, Epoch, lastCommit);
        var result = _blocks.Build(State, context, txs);
        AssertInvariants();
        State.Commit(_nodes);
        return result;
    }

    /// <summary>Sends one call in its own block and returns its outcome and receipt.</summary>
    public ModuleCall Send(Account from, byte[] calldata, UInt256 value = default) => ModuleBlocks.Only(Block(Tx(from, calldata, value)));

    /// <summary>Sends a call that must succeed.</summary>
    public ModuleCall Ok(Account from, byte[] calldata, UInt256 value = default) =>
        ModuleReverts.AssertSucceeded(Send(from, calldata, value), RevertErrors);

    /// <summary>Sends a call that must revert with <paramref name="error"/>; proves the module's records did not change.</summary>
    /// <remarks>
    /// Runs the call in a block without an epoch transition, so the records' root before and after
    /// isolates what the call itself did.
    /// </remarks>
    public AbiValue[] Fails(Account from, byte[] calldata, AbiError error, UInt256 value = default)
    {
        if ((Height + 2) % Params.EpochBlocks == 0)
        {
            Block();
        }

        // A commit would record liveness and count signed blocks in begin-block: leave it out so the root isolates the call.
        var rootBefore = StorageRootOfModule();
        _withoutCommit = true;
        var sent = Send(from, calldata, value);
        _withoutCommit = false;
        var arguments = ModuleReverts.AssertRevertedWith(sent, error, RevertErrors);
        Assert.Equal(rootBefore, StorageRootOfModule());
        return arguments;
    }

    /// <summary>Runs empty blocks until the module has started <paramref name="epoch"/> (in the end-block of block epoch·epochBlocks − 1).</summary>
    public void AdvanceToEpoch(ulong epoch)
    {
        while (Height + 1 < epoch * Params.EpochBlocks)
        {
            Block();
        }
    }

    public void AdvanceEpochs(ulong count) => AdvanceToEpoch(ModuleEpoch + count);

    /// <summary>The epoch the module has started (its transition runs in the last block of the previous one).</summary>
    public ulong ModuleEpoch => View(Abi.StakingAbi.GetEpoch)[0].AsUInt64();

    public AbiValue[] View(AbiFunction function, params AbiValue[] arguments)
    {
        var context = new BlockContext(Height, 0, Proposer, BaseFee, 30_000_000, ChainId, Epoch);
        return _blocks.View(State, context, function, RevertErrors, arguments);
    }

    public UInt256 Balance(Account account) => State.GetBalance(account.Address);

    public void AssertInvariants()
    {
        if (!CheckInvariants)
        {
            return;
        }

        Assert.Empty(GposInvariants.Check(State));

        // genesis supply + minted − burned = every balance + every burnt fee
        var held = _blocks.Burnt + GposInvariants.Burned(State);
        foreach (var address in _accounts)
        {
            held += State.GetBalance(address);
        }

        Assert.Equal(GenesisSupply + GposInvariants.Minted(State), held);
    }

    public Hash256 StateRoot() => State.ComputeRoot();

    public static uint ReadSelector(byte[] output) => ModuleReverts.Selector(output);

    public static string DescribeRevert(byte[] output) => ModuleReverts.Describe(output, RevertErrors);

    /// <summary>The root of the module's records.</summary>
    public Hash256 StorageRootOfModule() => _blocks.StorageRoot(State);
}

/// <summary>A test account: a private key, its address and a consensus key derived from a second key.</summary>
internal sealed record Account(int Seed, byte[] PrivateKey, Address Address, byte[] ConsensusKey)
{
    public Address ConsensusAddress => Address.FromPublicKey(ConsensusKey);

    /// <summary>The private key behind <see cref="ConsensusKey"/> (signs votes and commits).</summary>
    public byte[] ConsensusPrivateKey => KeyOf(Seed + 10_000);

    public static Account Of(int seed)
    {
        var key = KeyOf(seed);
        return new Account(seed, key, AddressOf(key), PublicKey(KeyOf(seed + 10_000)));
    }

    public static byte[] KeyOf(int seed) => TestKeys.PrivateKey(0x5a, seed);

    public static byte[] PublicKey(byte[] privateKey) => TestKeys.PublicKey(privateKey);

    private static Address AddressOf(byte[] key) => TestKeys.AddressOf(key);
}
