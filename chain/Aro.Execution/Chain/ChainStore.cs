using System.Buffers.Binary;
using System.Collections.Immutable;
using Aro.Core;
using Aro.Core.Blocks;
using Aro.Core.Rlp;
using Aro.Core.Transactions;
using Aro.State.Trie;
using Aro.State.World;
using Aro.Storage;

namespace Aro.Execution.Chain;

/// <summary>
/// The canonical chain in the key-value store: headers, bodies, receipts, transaction index, the
/// head's commit and the head pointer. Every block is written with its state in one synced batch,
/// so after a crash the head named by the store is whole (README.md: key layout and rules).
/// <para>Writes are serialised by the caller (one block importer); reads may run concurrently with them.</para>
/// </summary>
public sealed class ChainStore
{
    private readonly IKeyValueStore _store;
    private readonly Lock _writeLock = new();
    // One immutable snapshot swapped atomically, so a concurrent reader never sees a torn head.
    private volatile Tip? _tip;

    public ChainStore(IKeyValueStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        if (store.Get(Columns.Metadata, ChainKeys.Genesis) is { } genesis)
        {
            _tip = new Tip(
                ReadHash(genesis, "genesis hash"),
                ReadHead(store.Get(Columns.Metadata, ChainKeys.Head) ?? throw Corrupt("the genesis hash is stored but the head pointer is missing")));
        }
    }

    public bool IsInitialized => _tip is not null;

    /// <summary>The last committed block.</summary>
    /// <exception cref="ChainStoreException"><see cref="ChainStoreError.NotInitialized"/>.</exception>
    public ChainHead Head => (_tip ?? throw NotInitialized()).Head;

    public Hash256 GenesisHash => (_tip ?? throw NotInitialized()).Genesis;

    /// <summary>
    /// Writes the genesis block and state of <paramref name="spec"/> into an empty store, or checks
    /// that an initialised store was made from the same genesis. Returns the genesis block.
    /// </summary>
    /// <exception cref="GenesisMismatchException">The store holds another genesis.</exception>
    public Block Initialize(GenesisSpec spec, Action<WorldState>? initializeModules = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        lock (_writeLock)
        {
            if (_tip is { Genesis: var stored })
            {
                // Built against a scratch node store: the existing database is only read, never touched.
                var expected = Genesis.Build(spec, new MemoryTrieNodeStore(), new MemoryTrieNodeStore(), initializeModules);
                return expected.Hash == stored ? expected : throw new GenesisMismatchException(stored, expected.Hash);
            }

            using var batch = _store.CreateBatch();
            var genesis = Genesis.Build(spec, new StoreTrieNodes(_store), new TrieNodeBatch(batch), initializeModules);
            PutBlock(batch, genesis, [], null);
            batch.Put(Columns.Metadata, ChainKeys.Genesis, genesis.Hash.Bytes);
            var head = new ChainHead(0, genesis.Hash);
            PutHead(batch, head);
            batch.Commit(sync: true);
            _tip = new Tip(genesis.Hash, head);
            return genesis;
        }
    }

    /// <summary>
    /// Commits <paramref name="state"/> (which must have the header's state root) and the block in one
    /// synced batch, and makes the block the head.
    /// </summary>
    /// <param name="headCommit">The commit finalising this block, if already known (else it arrives in the next block's body).</param>
    /// <param name="blockLogs">The block's hook logs in execution order (<c>BlockExecutionResult.BlockEvents</c>); none when null.</param>
    /// <exception cref="ChainStoreException">Wrong height or parent, receipts not one per transaction, a commit for another block, or a state root mismatch; nothing is written.</exception>
    public void CommitBlock(Block block, IReadOnlyList<Receipt> receipts, Commit? headCommit, WorldState state, IReadOnlyList<Log>? blockLogs = null)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(state);
        lock (_writeLock)
        {
            Validate(block, receipts, headCommit);
            var root = state.ComputeRoot();
            if (root != block.Header.StateRoot)
            {
                throw new ChainStoreException(
                    ChainStoreError.StateRootMismatch,
                    $"Block {block.Number} names state root {block.Header.StateRoot}, but the state to commit has {root}.");
            }

            WriteBlock(block, receipts, blockLogs, headCommit, batch => state.Commit(new TrieNodeBatch(batch)));
        }
    }

    /// <summary>
    /// As <see cref="CommitBlock(Block, IReadOnlyList{Receipt}, Commit?, WorldState, IReadOnlyList{Log}?)"/>, with the state's
    /// trie nodes added by <paramref name="addStateNodes"/> (called once, after validation, before the batch commits).
    /// </summary>
    public void CommitBlock(Block block, IReadOnlyList<Receipt> receipts, Commit? headCommit, Action<IWriteBatch> addStateNodes, IReadOnlyList<Log>? blockLogs = null)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(addStateNodes);
        lock (_writeLock)
        {
            Validate(block, receipts, headCommit);
            WriteBlock(block, receipts, blockLogs, headCommit, addStateNodes);
        }
    }

    /// <summary>Stores the commit for the head block once it is known (it is otherwise carried by the next block).</summary>
    public void SetHeadCommit(Commit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        lock (_writeLock)
        {
            var head = Head;
            if (head.Number == 0)
            {
                throw new ChainStoreException(ChainStoreError.CommitMismatch, "Genesis is final by definition and has no commit.");
            }

            CheckCommit(commit, head.Number, head.Hash);
            _store.Put(Columns.Metadata, ChainKeys.HeadCommit, CommitCodec.Encode(commit));
        }
    }

    public BlockHeader? GetHeader(ulong number)
    {
        Span<byte> key = stackalloc byte[ChainKeys.NumberKeyLength];
        ChainKeys.Number(key, ChainKeys.HeaderByNumber, number);
        return _store.Get(Columns.Headers, key) is { } rlp ? Decode(rlp, HeaderCodec.Decode, $"header {number}") : null;
    }

    public BlockHeader? GetHeader(in Hash256 hash) => GetNumber(hash) is { } number ? GetHeader(number) : null;

    /// <summary>The number of the canonical block with this hash, or null.</summary>
    public ulong? GetNumber(in Hash256 hash)
    {
        Span<byte> key = stackalloc byte[ChainKeys.HashKeyLength];
        ChainKeys.Hash(key, ChainKeys.NumberByHash, hash);
        if (_store.Get(Columns.Headers, key) is not { } value)
        {
            return null;
        }

        return value.Length == sizeof(ulong) ? BinaryPrimitives.ReadUInt64BigEndian(value) : throw Corrupt($"hash index entry for {hash} has {value.Length} bytes");
    }

    public Block? GetBlock(ulong number)
    {
        if (GetHeader(number) is not { } header)
        {
            return null;
        }

        var bodyRlp = _store.Get(Columns.Blocks, ChainKeys.Number(number)) ?? throw Corrupt($"block {number} has a header but no body");
        var body = Decode(bodyRlp, BlockCodec.DecodeBody, $"body {number}");
        try
        {
            return new Block(header, body);
        }
        catch (ArgumentException e)
        {
            throw new ChainStoreException(ChainStoreError.Corrupt, $"Stored block {number}: {e.Message}", e);
        }
    }

    public Block? GetBlock(in Hash256 hash) => GetNumber(hash) is { } number ? GetBlock(number) : null;

    /// <summary>The receipts of block <paramref name="number"/> in transaction order, or null if there is no such block.</summary>
    public IReadOnlyList<Receipt>? GetReceipts(ulong number)
    {
        if (_store.Get(Columns.Receipts, ChainKeys.Number(number)) is not { } rlp)
        {
            return null;
        }

        try
        {
            var reader = new RlpReader(rlp);
            var list = reader.ReadList();
            reader.EnsureEnd();
            var receipts = new List<Receipt>();
            while (list.HasMore)
            {
                receipts.Add(ReceiptCodec.Decode(list.ReadBytes()));
            }

            return receipts;
        }
        catch (Exception e) when (e is RlpException or BlockFormatException)
        {
            throw new ChainStoreException(ChainStoreError.Corrupt, $"Stored receipts of block {number} do not decode: {e.Message}", e);
        }
    }

    /// <summary>
    /// The logs the begin- and end-block hooks of block <paramref name="number"/> emitted, in execution order;
    /// empty when it had none or is not stored.
    /// </summary>
    public IReadOnlyList<Log> GetBlockLogs(ulong number)
    {
        Span<byte> key = stackalloc byte[ChainKeys.NumberKeyLength];
        ChainKeys.Number(key, ChainKeys.BlockLogsByNumber, number);
        if (_store.Get(Columns.Receipts, key) is not { } encoded)
        {
            return [];
        }

        try
        {
            return ReceiptCodec.Decode(encoded).Logs;
        }
        catch (Exception e) when (e is RlpException or BlockFormatException)
        {
            throw new ChainStoreException(ChainStoreError.Corrupt, $"Stored block logs of block {number} do not decode: {e.Message}", e);
        }
    }

    /// <summary>Where the transaction with this hash was included, or null.</summary>
    public TxLocation? GetTransactionLocation(in Hash256 transactionHash)
    {
        if (_store.Get(Columns.TxIndex, transactionHash.Bytes) is not { } value)
        {
            return null;
        }

        if (value.Length != ChainKeys.TxLocationLength)
        {
            throw Corrupt($"tx index entry for {transactionHash} has {value.Length} bytes");
        }

        ulong number = BinaryPrimitives.ReadUInt64BigEndian(value);
        uint index = BinaryPrimitives.ReadUInt32BigEndian(value.AsSpan(sizeof(ulong)));
        var header = GetHeader(number) ?? throw Corrupt($"tx {transactionHash} is indexed in block {number}, which is not stored");
        return index <= int.MaxValue
            ? new TxLocation(number, header.Hash, (int)index)
            : throw Corrupt($"tx {transactionHash} is indexed at position {index}");
    }

    /// <summary>
    /// The number of the block that committed evidence of the same double-sign as <paramref name="evidence"/>
    /// (same validator, height, round and vote type, whichever vote pair), or null when none did.
    /// </summary>
    public ulong? GetEvidenceBlock(DuplicateVoteEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        Span<byte> key = stackalloc byte[ChainKeys.EvidenceKeyLength];
        ChainKeys.Evidence(key, evidence);
        if (_store.Get(Columns.TxIndex, key) is not { } value)
        {
            return null;
        }

        return value.Length == sizeof(ulong)
            ? BinaryPrimitives.ReadUInt64BigEndian(value)
            : throw Corrupt($"evidence index entry for {evidence.Validator} at {evidence.Height}/{evidence.Round} has {value.Length} bytes");
    }

    /// <summary>
    /// The commit finalising block <paramref name="number"/>: carried by block number+1's body, or,
    /// for the head, the separately stored commit. Null when not known (yet).
    /// </summary>
    public Commit? GetCommit(ulong number)
    {
        if (_tip is not { Head: var head } || number > head.Number)
        {
            return null;
        }

        if (number == head.Number)
        {
            return _store.Get(Columns.Metadata, ChainKeys.HeadCommit) is { } rlp ? Decode(rlp, CommitCodec.Decode, "head commit") : null;
        }

        return GetBlock(number + 1)?.Body.LastCommit;
    }

    private void Validate(Block block, IReadOnlyList<Receipt> receipts, Commit? headCommit)
    {
        ArgumentNullException.ThrowIfNull(receipts);
        var head = Head;
        if (block.Number != head.Number + 1)
        {
            throw new ChainStoreException(ChainStoreError.WrongHeight, $"Block {block.Number} cannot follow head {head.Number}; expected {head.Number + 1}.");
        }

        if (block.Header.ParentHash != head.Hash)
        {
            throw new ChainStoreException(
                ChainStoreError.WrongParent, $"Block {block.Number} has parent {block.Header.ParentHash}, but the head is {head.Hash}.");
        }

        if (receipts.Count != block.Body.Transactions.Length)
        {
            throw new ChainStoreException(
                ChainStoreError.ReceiptCountMismatch,
                $"Block {block.Number} has {block.Body.Transactions.Length} transactions but {receipts.Count} receipts.");
        }

        if (headCommit is not null)
        {
            CheckCommit(headCommit, block.Number, block.Hash);
        }
    }

    private static void CheckCommit(Commit commit, ulong number, in Hash256 hash)
    {
        if (commit.Height != number || commit.BlockHash != hash)
        {
            throw new ChainStoreException(
                ChainStoreError.CommitMismatch, $"The commit is for block {commit.Height} {commit.BlockHash}, not {number} {hash}.");
        }
    }

    private void WriteBlock(Block block, IReadOnlyList<Receipt> receipts, IReadOnlyList<Log>? blockLogs, Commit? headCommit, Action<IWriteBatch> addStateNodes)
    {
        using var batch = _store.CreateBatch();
        addStateNodes(batch);
        PutBlock(batch, block, receipts, blockLogs);
        if (headCommit is not null)
        {
            batch.Put(Columns.Metadata, ChainKeys.HeadCommit, CommitCodec.Encode(headCommit));
        }
        else
        {
            // The previous head's commit now lives in this block's body.
            batch.Delete(Columns.Metadata, ChainKeys.HeadCommit);
        }

        var head = new ChainHead(block.Number, block.Hash);
        PutHead(batch, head);
        batch.Commit(sync: true);
        _tip = _tip! with { Head = head };
    }

    private static void PutBlock(IWriteBatch batch, Block block, IReadOnlyList<Receipt> receipts, IReadOnlyList<Log>? blockLogs)
    {
        ulong number = block.Number;
        Span<byte> numberKey = stackalloc byte[ChainKeys.NumberKeyLength];
        ChainKeys.Number(numberKey, ChainKeys.HeaderByNumber, number);
        batch.Put(Columns.Headers, numberKey, HeaderCodec.Encode(block.Header));

        Span<byte> hashKey = stackalloc byte[ChainKeys.HashKeyLength];
        ChainKeys.Hash(hashKey, ChainKeys.NumberByHash, block.Hash);
        batch.Put(Columns.Headers, hashKey, numberKey[1..]);

        batch.Put(Columns.Blocks, numberKey[1..], BlockCodec.EncodeBody(block.Body));
        batch.Put(Columns.Receipts, numberKey[1..], EncodeReceipts(receipts));
        if (blockLogs is { Count: > 0 })
        {
            // Stored in the shape of a receipt (bor's "block receipt"): the codec exists and the bloom comes along.
            Span<byte> logsKey = stackalloc byte[ChainKeys.NumberKeyLength];
            ChainKeys.Number(logsKey, ChainKeys.BlockLogsByNumber, number);
            batch.Put(Columns.Receipts, logsKey, ReceiptCodec.Encode(Receipt.Create(TxType.Legacy, true, 0, [.. blockLogs])));
        }

        Span<byte> location = stackalloc byte[ChainKeys.TxLocationLength];
        BinaryPrimitives.WriteUInt64BigEndian(location, number);
        var transactions = block.Body.Transactions;
        for (int i = 0; i < transactions.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(location[sizeof(ulong)..], (uint)i);
            batch.Put(Columns.TxIndex, transactions[i].Hash.Bytes, location);
        }

        Span<byte> evidenceKey = stackalloc byte[ChainKeys.EvidenceKeyLength];
        foreach (var evidence in block.Body.Evidence)
        {
            ChainKeys.Evidence(evidenceKey, evidence);
            batch.Put(Columns.TxIndex, evidenceKey, numberKey[1..]);
        }
    }

    private static void PutHead(IWriteBatch batch, in ChainHead head)
    {
        Span<byte> value = stackalloc byte[sizeof(ulong) + Hash256.Size];
        BinaryPrimitives.WriteUInt64BigEndian(value, head.Number);
        head.Hash.Bytes.CopyTo(value[sizeof(ulong)..]);
        batch.Put(Columns.Metadata, ChainKeys.Head, value);
    }

    // rlp([receipt₀, receipt₁, …]) with each receipt's consensus encoding as an RLP string, so a
    // typed receipt (type ‖ rlp) and a legacy one (an RLP list) are stored alike.
    private static byte[] EncodeReceipts(IReadOnlyList<Receipt> receipts)
    {
        var encoded = new byte[receipts.Count][];
        int content = 0;
        for (int i = 0; i < encoded.Length; i++)
        {
            encoded[i] = ReceiptCodec.Encode(receipts[i]);
            content += RlpWriter.LengthOfBytes(encoded[i]);
        }

        var buffer = new byte[RlpWriter.LengthOfList(content)];
        var writer = new RlpWriter(buffer);
        writer.WriteListHeader(content);
        foreach (var receipt in encoded)
        {
            writer.WriteBytes(receipt);
        }

        return buffer;
    }

    private static ChainHead ReadHead(byte[] value) =>
        value.Length == sizeof(ulong) + Hash256.Size
            ? new ChainHead(BinaryPrimitives.ReadUInt64BigEndian(value), new Hash256(value.AsSpan(sizeof(ulong))))
            : throw Corrupt($"head pointer has {value.Length} bytes");

    private static Hash256 ReadHash(byte[] value, string what) =>
        value.Length == Hash256.Size ? new Hash256(value) : throw Corrupt($"{what} has {value.Length} bytes");

    private delegate T Decoder<out T>(ReadOnlySpan<byte> rlp);

    private static T Decode<T>(byte[] rlp, Decoder<T> decode, string what)
    {
        try
        {
            return decode(rlp);
        }
        catch (Exception e) when (e is RlpException or BlockFormatException or Aro.Core.Transactions.TransactionFormatException)
        {
            throw new ChainStoreException(ChainStoreError.Corrupt, $"Stored {what} does not decode: {e.Message}", e);
        }
    }

    private sealed record Tip(Hash256 Genesis, ChainHead Head);

    private static ChainStoreException Corrupt(string message) => new(ChainStoreError.Corrupt, "Chain database is damaged: " + message);

    private static ChainStoreException NotInitialized() =>
        new(ChainStoreError.NotInitialized, "The chain database holds no genesis block; initialise it from a genesis file first.");
}
