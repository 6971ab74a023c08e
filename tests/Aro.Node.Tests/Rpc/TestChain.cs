using System.Collections.Immutable;
using System.Text.Json;
using Aro.Core;
using Aro.Core.Blocks;
using Aro.Core.Transactions;
using Aro.Execution.Chain;
using Aro.Execution.Execution;
using Aro.Execution.Modules;
using Aro.Execution.Tests;
using Aro.Execution.TxPool;
using Aro.Node.Chain;
using Aro.State;
using Aro.State.Trie;
using Aro.State.World;
using Aro.Storage.RocksDb;
using Aro.Testing;

namespace Aro.Node.Tests.Rpc;

/// <summary>
/// A test-only <see cref="IChainReader"/>: a real RocksDB chain store in a temp directory, the real block
/// executor, pool and module host, and <see cref="Commit"/> to build and commit the next block from given
/// transactions (stand-in for the node's block production while that is written).
/// </summary>
internal sealed class TestChain : IChainReader, IDisposable
{
    public static readonly UInt256 Funds = UInt256.Parse("1000000000000000000");

    public static readonly byte[] ValidatorKey = TestTx.Key(0x99);

    /// <summary>An account the genesis gives a balance and one 32-byte storage slot, for eth_getStorageAt and eth_getProof.</summary>
    public static readonly Address StorageHolder = Address.Parse("0x00000000000000000000000000000000000005a0");

    public static readonly byte[] StorageSlot = Hex.Decode("0x0000000000000000000000000000000000000000000000000000000000000007");

    public static readonly byte[] StorageSlotValue = [0x2a];

    private readonly TempDirectory _directory = new("aro-rpc");
    private readonly RocksDbStore _db;
    private readonly BlockExecutor _executor;
    private readonly HeadState _headState;
    private BlockHeader? _pinnedHead;

    public TestChain(params IModule[] modules)
    {
        _db = RocksDbStore.Open(Path.Combine(_directory.Path, "db"));
        Store = new ChainStore(_db);
        Store.Initialize(Spec(), state => state.SetStorage(StorageHolder, StorageSlot, StorageSlotValue));
        Modules = new ModuleHost(modules);
        Execution = new ExecutionParameters { MinBaseFee = 1 };
        _executor = new BlockExecutor(Execution, Modules);
        _headState = new HeadState(this);
        TxPool = new TxPool(new TxPoolOptions { ChainId = TestTx.ChainId, BaseFee = 1 }, _headState);
    }

    public event EventHandler<BlockCommittedEventArgs>? BlockCommitted;

    public static Address A => TestTx.AddressOf(TestTx.KeyA);

    public static Address B => TestTx.AddressOf(TestTx.KeyB);

    public static Address Validator => TestTx.AddressOf(ValidatorKey);

    public ulong ChainId => TestTx.ChainId;

    public Hash256 GenesisHash => Store.GenesisHash;

    public BlockHeader Head => _pinnedHead ?? Store.GetHeader(Store.Head.Number)!;

    /// <summary>
    /// Holds <see cref="Head"/> where it is while later blocks are committed to the store: the moment in
    /// the node between a block's batch landing and the head pointer moving to it.
    /// </summary>
    public void PinHead() => _pinnedHead = Head;

    public void UnpinHead() => _pinnedHead = null;

    public ChainStore Store { get; }

    public ExecutionParameters Execution { get; }

    public ModuleHost Modules { get; }

    public TxPool TxPool { get; }

    public WorldState OpenState(in Hash256 stateRoot) => new(new StoreTrieNodes(_db), stateRoot);

    /// <summary>Executes the transactions as the next block (each must be valid) and commits it.</summary>
    public Block Commit(params Transaction[] transactions) => CommitWithEvidence([], transactions);

    /// <summary>As <see cref="Commit"/>, the block also carrying <paramref name="evidence"/> (no handler: recorded only).</summary>
    public Block CommitWithEvidence(DuplicateVoteEvidence[] evidence, params Transaction[] transactions)
    {
        var parent = Store.GetHeader(Store.Head.Number)!;
        var state = OpenState(parent.StateRoot);
        var context = new BlockContext(
            parent.Number + 1,
            parent.Timestamp + 2,
            Validator,
            BaseFee.Next(parent.GasUsed, parent.GasLimit, parent.BaseFeePerGas, Execution.MinBaseFee),
            parent.GasLimit,
            ChainId,
            0);
        var senders = BlockExecutor.RecoverSenders(transactions, out _);
        var result = _executor.BuildBlock(state, context, senders);
        if (!result.Skipped.IsEmpty)
        {
            throw new InvalidOperationException("A test block skipped a transaction: " + result.Skipped[0].Message);
        }

        var lastCommit = parent.Number == 0 ? null : CommitFor(parent);
        var body = new BlockBody([.. transactions], lastCommit, [.. evidence]);
        var header = new BlockHeader
        {
            EvidenceHash = body.EvidenceHash,
            ParentHash = parent.Hash,
            Number = context.Number,
            Timestamp = context.Timestamp,
            Proposer = Validator,
            StateRoot = state.ComputeRoot(),
            TransactionsRoot = DerivedRoots.Transactions(body),
            ReceiptsRoot = DerivedRoots.Receipts(result.Receipts),
            LogsBloom = result.LogsBloom,
            GasLimit = context.GasLimit,
            GasUsed = result.GasUsed,
            BaseFeePerGas = context.BaseFee,
            Epoch = 0,
            ValidatorSetHash = parent.ValidatorSetHash,
            LastCommitHash = lastCommit?.Hash ?? Hash256.Zero,
        };
        var block = new Block(header, body);
        Store.CommitBlock(block, result.Receipts, null, state, result.BlockEvents);

        var included = new List<(Address, ulong)>();
        foreach (var outcome in result.Transactions)
        {
            included.Add((outcome.Sender, outcome.Transaction.Nonce));
        }

        TxPool.RemoveIncluded(included);
        TxPool.OnNewHead(_headState, BaseFee.Next(header.GasUsed, header.GasLimit, header.BaseFeePerGas, Execution.MinBaseFee));
        BlockCommitted?.Invoke(this, new BlockCommittedEventArgs(block, result.Receipts, result.BlockEvents));
        return block;
    }

    /// <summary>Commits empty blocks up to the given height.</summary>
    public void CommitEmptyUntil(ulong number)
    {
        while (Head.Number < number)
        {
            Commit();
        }
    }

    public void Dispose()
    {
        _db.Dispose();
        _directory.Dispose();
    }

    /// <summary>The single validator's precommit for a block.</summary>
    private Commit CommitFor(BlockHeader header)
    {
        var signingHash = VoteSignBytes.SigningHash(ChainId, header.Number, 0, VoteType.Precommit, header.Hash);
        return new Commit(header.Number, 0, header.Hash, [CommitSignature.Sign(0, signingHash, ValidatorKey)]);
    }

    private static GenesisSpec Spec()
    {
        var publicKey = new byte[Aro.Core.Crypto.Secp256k1.UncompressedPublicKeyLength];
        Aro.Core.Crypto.Secp256k1.GetPublicKey(ValidatorKey, publicKey);
        return new GenesisSpec
        {
            ChainId = TestTx.ChainId,
            Timestamp = 1_767_225_600,
            GasLimit = 30_000_000,
            BaseFeePerGas = 1,
            MinBaseFeePerGas = 1,
            Alloc = [.. new[] { new GenesisAccount(A, Funds), new GenesisAccount(B, Funds), new GenesisAccount(StorageHolder, 5UL) }.OrderBy(a => a.Address)],
            Validators = [new GenesisValidator(Validator, [.. publicKey], 10)],
            Modules = ImmutableSortedDictionary<string, JsonElement>.Empty.WithComparers(StringComparer.Ordinal),
        };
    }

    /// <summary>The pool's view of the head state.</summary>
    private sealed class HeadState(TestChain chain) : ITxPoolStateReader
    {
        public ulong GetNonce(Address address) => chain.OpenState(chain.Head.StateRoot).GetNonce(address);

        public UInt256 GetBalance(Address address) => chain.OpenState(chain.Head.StateRoot).GetBalance(address);
    }
}
