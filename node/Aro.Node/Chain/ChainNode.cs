using Aro.Core;
using Aro.Core.Blocks;
using Aro.Execution.Chain;
using Aro.Execution.Execution;
using Aro.Execution.Modules;
using Aro.Execution.TxPool;
using Aro.Modules.Gpos;
using Aro.Node.Modules;
using Aro.State.Trie;
using Aro.State.World;
using Aro.Storage;
using Aro.Storage.RocksDb;

namespace Aro.Node.Chain;

/// <summary>
/// The running chain: the RocksDB database, the canonical head, the mempool following it and the
/// execution settings from genesis. Blocks enter only through <see cref="CommitBlock"/> (one writer);
/// everything in <see cref="IChainReader"/> is safe from any thread.
/// </summary>
public sealed class ChainNode : IChainReader, IDisposable
{
    private readonly RocksDbStore _store;
    private readonly StoreTrieNodes _nodes;
    private readonly Lock _commitLock = new();
    // Replaced (never mutated) after each commit, so readers see the old head or the new one, never a mix.
    private volatile BlockHeader _head;
    // The reader the pool was last handed (guarded by _commitLock): the parent of the next block's changes.
    private HeadStateReader _poolHead;
    private bool _disposed;

    private ChainNode(RocksDbStore store, ChainStore chain, GenesisSpec genesis, ModuleHost modules, IEvidenceHandler? evidence)
    {
        EvidenceHandler = evidence;
        _store = store;
        _nodes = new StoreTrieNodes(store);
        Store = chain;
        Genesis = genesis;
        Modules = modules;
        ChainId = genesis.ChainId;
        GenesisHash = chain.GenesisHash;
        Execution = new ExecutionParameters
        {
            MinBaseFee = genesis.MinBaseFeePerGas,

            // With GPoS the non-burnt fee funds the epoch's rewards (the module books it as fees); without it the proposer keeps it.
            FeeRecipient = genesis.Modules.ContainsKey(GposModule.GenesisSection) ? GposModule.Address : null,
        };
        _head = ReadHeadHeader(chain);
        _poolHead = new HeadStateReader(_nodes, _head.StateRoot);
        TxPool = new TxPool(
            new TxPoolOptions
            {
                ChainId = genesis.ChainId,
                BlockGasLimit = genesis.GasLimit,
                // Below the floor a transaction could never be included, so it is not worth holding.
                MinGasPrice = genesis.MinBaseFeePerGas,
                BaseFee = NextBaseFee(_head),
            },
            _poolHead);
    }

    public ulong ChainId { get; }

    public Hash256 GenesisHash { get; }

    public GenesisSpec Genesis { get; }

    public BlockHeader Head => _head;

    public ChainStore Store { get; }

    public ExecutionParameters Execution { get; }

    public ModuleHost Modules { get; }

    /// <summary>Applies a block's double-sign evidence (GPoS slashing); null when the genesis has no GPoS section.</summary>
    public IEvidenceHandler? EvidenceHandler { get; }

    public TxPool TxPool { get; }

    public event EventHandler<BlockCommittedEventArgs>? BlockCommitted;

    /// <summary>
    /// Opens (creating if needed) the database in <paramref name="dataDirectory"/>. An empty database is
    /// initialised from <paramref name="genesis"/>; an existing one resumes at its stored head after
    /// checking it was made from the same genesis.
    /// </summary>
    /// <exception cref="GenesisMismatchException">The database was made from another genesis.</exception>
    /// <exception cref="ChainNodeException">The directory or database cannot be used (locked by another process, damaged).</exception>
    /// <exception cref="GenesisException">A module section of the genesis is invalid (checked before the database is opened).</exception>
    public static ChainNode Open(string dataDirectory, GenesisSpec genesis, NodeModules? modules = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        ArgumentNullException.ThrowIfNull(genesis);
        modules ??= NodeModules.For(genesis);
        RocksDbStore store;
        try
        {
            Directory.CreateDirectory(dataDirectory);
            store = RocksDbStore.Open(dataDirectory);
        }
        catch (Exception e) when (e is StorageException or IOException or UnauthorizedAccessException)
        {
            throw new ChainNodeException($"cannot open the chain database in {dataDirectory}: {e.Message}", e);
        }

        try
        {
            var chain = new ChainStore(store);
            chain.Initialize(genesis, modules.InitializeGenesis);
            return new ChainNode(store, chain, genesis, modules.Host, modules.EvidenceHandler);
        }
        catch (ChainStoreException e)
        {
            store.Dispose();
            throw new ChainNodeException($"the chain database in {dataDirectory} cannot be used: {e.Message}", e);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>The base fee the block after <paramref name="parent"/> must carry (EIP-1559 rule with the genesis floor).</summary>
    public UInt256 NextBaseFee(BlockHeader parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return BaseFee.Next(parent.GasUsed, parent.GasLimit, parent.BaseFeePerGas, Execution.MinBaseFee);
    }

    public WorldState OpenState(in Hash256 stateRoot) => new(_nodes, stateRoot);

    /// <summary>
    /// Appends a block its maker has executed on <paramref name="state"/>: block, receipts, state and
    /// <paramref name="commit"/> go to disk in one synced batch; only then does <see cref="Head"/> move,
    /// the pool forget the included transactions, <see cref="BlockCommitted"/> fire, and the pool
    /// re-check its senders at the new state (from the accounts <paramref name="state"/> changed, when it
    /// was opened at the parent's root; otherwise by reading every pooled sender). A refused block (wrong parent, state root mismatch) writes nothing.
    /// </summary>
    /// <param name="senders">The sender of each transaction of the block, index for index (the maker recovered them already).</param>
    /// <param name="blockLogs">The hook logs of the block's execution (<c>BlockExecutionResult.BlockEvents</c>); stored in the same batch.</param>
    /// <exception cref="ChainStoreException">The store refused the block; the head is unchanged.</exception>
    public void CommitBlock(
        Block block, IReadOnlyList<Receipt> receipts, IReadOnlyList<Address> senders, Commit? commit, WorldState state, IReadOnlyList<Log>? blockLogs = null)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(receipts);
        ArgumentNullException.ThrowIfNull(senders);
        var transactions = block.Body.Transactions;
        if (senders.Count != transactions.Length)
        {
            throw new ArgumentException($"Block {block.Number} has {transactions.Length} transactions but {senders.Count} senders.", nameof(senders));
        }

        HeadStateReader headState;
        HeadChanges? changes = null;
        lock (_commitLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);

            // What the block changed, taken before the commit clears it. Only a state opened at the
            // parent's root with nothing committed since holds every change from the parent.
            var changed = state.StateRoot == _head.StateRoot ? state.GetChangedAccounts() : null;
            Store.CommitBlock(block, receipts, commit, state, blockLogs);
            _head = block.Header;
            headState = new HeadStateReader(_nodes, block.Header.StateRoot);
            if (changed is not null)
            {
                changes = new HeadChanges(_poolHead, changed);
            }

            _poolHead = headState;
        }

        if (transactions.Length > 0)
        {
            var included = new (Address Sender, ulong Nonce)[transactions.Length];
            for (var i = 0; i < included.Length; i++)
            {
                included[i] = (senders[i], transactions[i].Nonce);
            }

            TxPool.RemoveIncluded(included);
        }

        // Subscribers first: the included transactions already left the pool, and the head pass below
        // (a state read per pooled sender) need not delay newHeads or the head announcement.
        BlockCommitted?.Invoke(this, new BlockCommittedEventArgs(block, receipts, blockLogs));
        TxPool.OnNewHead(headState, NextBaseFee(block.Header), changes);
    }

    public void Dispose()
    {
        lock (_commitLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _store.Dispose();
        }
    }

    private static BlockHeader ReadHeadHeader(ChainStore chain)
    {
        var head = chain.Head;
        return chain.GetHeader(head.Number) is { } header && header.Hash == head.Hash
            ? header
            : throw new ChainNodeException($"the chain database names head {head.Number} {head.Hash}, but that header is not stored");
    }
}
