using Aro.Core.Blocks;
using Aro.Core;
using Aro.Execution.Chain;
using Aro.State.Trie;
using Aro.State.World;
using Aro.Storage.Memory;
using Aro.Storage.RocksDb;
using Aro.Storage;
using Aro.Testing;

namespace Aro.Execution.Tests.Chain;

public sealed class ChainStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string DbPath => Path.Combine(_directory.Path, "db");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Initialize_makes_genesis_the_head()
    {
        using var store = RocksDbStore.Open(DbPath);
        var chain = new ChainStore(store);
        var genesis = chain.Initialize(TestGenesis.Spec());

        Assert.Equal(new ChainHead(0, genesis.Hash), chain.Head);
        Assert.Equal(genesis.Hash, chain.GenesisHash);
        Assert.Equal(genesis.Header, chain.GetHeader(0));
        Assert.Equal(genesis.Header, chain.GetHeader(genesis.Hash));
        Assert.Empty(chain.GetReceipts(0)!);
        Assert.Null(chain.GetCommit(0));
    }

    [Fact]
    public void Genesis_state_is_stored_with_the_genesis_block()
    {
        using (var store = RocksDbStore.Open(DbPath))
        {
            new ChainStore(store).Initialize(TestGenesis.Spec());
        }

        using var reopened = RocksDbStore.Open(DbPath);
        var chain = new ChainStore(reopened);
        var state = new WorldState(new StoreTrieNodes(reopened), chain.GetHeader(0)!.StateRoot);
        Assert.Equal((UInt256)5UL, state.GetBalance(TestGenesis.Recipient));
    }

    [Fact]
    public void Reopening_with_the_same_genesis_keeps_the_chain()
    {
        Hash256 head;
        using (var store = RocksDbStore.Open(DbPath))
        {
            var chain = new ChainStore(store);
            chain.Initialize(TestGenesis.Spec());
            var blocks = new TestBlocks(chain, new StoreTrieNodes(store));
            blocks.CommitNext(1);
            head = blocks.CommitNext(2).Hash;
        }

        using var reopened = RocksDbStore.Open(DbPath);
        var again = new ChainStore(reopened);
        var genesis = again.Initialize(GenesisSpec.Parse(TestGenesis.Spec().ToJson()));

        Assert.Equal(genesis.Hash, again.GenesisHash);
        Assert.Equal(new ChainHead(2, head), again.Head);
    }

    [Fact]
    public void Database_made_from_another_genesis_is_refused()
    {
        Hash256 stored;
        using (var store = RocksDbStore.Open(DbPath))
        {
            stored = new ChainStore(store).Initialize(TestGenesis.Spec()).Hash;
        }

        using var reopened = RocksDbStore.Open(DbPath);
        var chain = new ChainStore(reopened);
        var other = TestGenesis.Spec(chainId: TestGenesis.ChainId + 1);
        var before = Contents(reopened);

        var error = Assert.Throws<GenesisMismatchException>(() => chain.Initialize(other));

        Assert.Equal(stored, error.Stored);
        Assert.Equal(BuildInMemory(other).Hash, error.Expected);
        Assert.Contains(stored.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains(error.Expected.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Equal(ChainStoreError.GenesisMismatch, error.Error);
        Assert.Equal(before, Contents(reopened));
    }

    [Fact]
    public void Uninitialized_store_has_no_head()
    {
        using var store = new MemoryStore();
        var chain = new ChainStore(store);

        Assert.False(chain.IsInitialized);
        Assert.Equal(ChainStoreError.NotInitialized, Assert.Throws<ChainStoreException>(() => chain.Head).Error);
        Assert.Null(chain.GetHeader(0));
    }

    [Fact]
    public void Committed_blocks_read_back_by_number_and_hash_after_reopen()
    {
        var committed = new List<(Block Block, Receipt[] Receipts)>();
        using (var store = RocksDbStore.Open(DbPath))
        {
            var chain = new ChainStore(store);
            chain.Initialize(TestGenesis.Spec());
            var blocks = new TestBlocks(chain, new StoreTrieNodes(store));
            for (int n = 1; n <= 6; n++)
            {
                var (block, receipts, state) = blocks.Next(n % 4);
                chain.CommitBlock(block, receipts, null, state);
                committed.Add((block, receipts));
            }
        }

        using var reopened = RocksDbStore.Open(DbPath);
        var again = new ChainStore(reopened);
        Assert.Equal(new ChainHead(6, committed[^1].Block.Hash), again.Head);
        foreach (var (block, receipts) in committed)
        {
            Assert.Equal(block.Header, again.GetHeader(block.Number));
            Assert.Equal(block.Header, again.GetHeader(block.Hash));
            Assert.Equal(BlockCodec.Encode(block), BlockCodec.Encode(again.GetBlock(block.Number)!));
            Assert.Equal(BlockCodec.Encode(block), BlockCodec.Encode(again.GetBlock(block.Hash)!));
            Assert.Equal(receipts, again.GetReceipts(block.Number));
            for (int i = 0; i < block.Body.Transactions.Length; i++)
            {
                Assert.Equal(new TxLocation(block.Number, block.Hash, i), again.GetTransactionLocation(block.Body.Transactions[i].Hash));
            }
        }
    }

    [Fact]
    public void Committed_state_reads_back_at_the_head_root_after_reopen()
    {
        UInt256 expected;
        using (var store = RocksDbStore.Open(DbPath))
        {
            var chain = new ChainStore(store);
            chain.Initialize(TestGenesis.Spec());
            var blocks = new TestBlocks(chain, new StoreTrieNodes(store));
            var (block, receipts, state) = blocks.Next(3);
            expected = state.GetBalance(TestGenesis.Recipient);
            chain.CommitBlock(block, receipts, null, state);
        }

        using var reopened = RocksDbStore.Open(DbPath);
        var head = new ChainStore(reopened).GetHeader(1)!;
        var world = new WorldState(new StoreTrieNodes(reopened), head.StateRoot);
        Assert.Equal(expected, world.GetBalance(TestGenesis.Recipient));
        Assert.Equal((UInt256)(5UL + 1 + 2 + 3), expected);
        Assert.Equal(3UL, world.GetNonce(TestGenesis.Sender));
    }

    [Fact]
    public void Commit_of_a_block_comes_from_the_next_block_or_the_stored_head_commit()
    {
        using var store = RocksDbStore.Open(DbPath);
        var chain = new ChainStore(store);
        chain.Initialize(TestGenesis.Spec());
        var blocks = new TestBlocks(chain, new StoreTrieNodes(store));
        var one = blocks.CommitNext(1);
        Assert.Null(chain.GetCommit(1));

        var (two, receipts, state) = blocks.Next(1);
        var headCommit = TestBlocks.CommitFor(two.Header);
        chain.CommitBlock(two, receipts, headCommit, state);
        Assert.Equal(headCommit, chain.GetCommit(2));
        Assert.NotNull(two.Body.LastCommit);
        Assert.Equal(two.Body.LastCommit, chain.GetCommit(1));
        Assert.Null(chain.GetCommit(0));

        var three = blocks.CommitNext(0);
        Assert.Equal(three.Body.LastCommit, chain.GetCommit(2));
        Assert.Null(chain.GetCommit(3));
        Assert.Null(chain.GetCommit(4));

        var commitForThree = TestBlocks.CommitFor(three.Header);
        chain.SetHeadCommit(commitForThree);
        Assert.Equal(commitForThree, new ChainStore(store).GetCommit(3));
        Assert.Equal(one.Hash, chain.GetHeader(1)!.Hash);
    }

    [Fact]
    public void Committed_evidence_is_indexed_by_its_double_sign_and_survives_a_reopen()
    {
        var evidence = DoubleSign(Keccak("a"), Keccak("b"));
        var sameInfraction = DoubleSign(Keccak("a"), Keccak("c"));
        using (var store = RocksDbStore.Open(DbPath))
        {
            var chain = new ChainStore(store);
            chain.Initialize(TestGenesis.Spec());
            var blocks = new TestBlocks(chain, new StoreTrieNodes(store));
            blocks.CommitNext(0);
            Assert.Null(chain.GetEvidenceBlock(evidence));

            blocks.CommitNext(0, evidence);
        }

        using (var store = RocksDbStore.Open(DbPath))
        {
            var chain = new ChainStore(store);
            Assert.Equal(2UL, chain.GetEvidenceBlock(evidence));
            Assert.Equal(2UL, chain.GetEvidenceBlock(sameInfraction));
            Assert.Equal(evidence.Hash, Assert.Single(chain.GetBlock(2)!.Body.Evidence).Hash);
        }
    }

    private static Hash256 Keccak(string text) => Aro.Core.Crypto.Keccak256.Hash(System.Text.Encoding.UTF8.GetBytes(text));

    private static DuplicateVoteEvidence DoubleSign(Hash256 first, Hash256 second) => new(
        Vote.Sign(TestGenesis.ChainId, VoteType.Prevote, 1, 0, first, 0, TestGenesis.ValidatorKey),
        Vote.Sign(TestGenesis.ChainId, VoteType.Prevote, 1, 0, second, 0, TestGenesis.ValidatorKey));

    [Fact]
    public void Wrong_height_is_refused_and_nothing_is_written()
    {
        using var store = RocksDbStore.Open(DbPath);
        var chain = new ChainStore(store);
        chain.Initialize(TestGenesis.Spec());
        var blocks = new TestBlocks(chain, new StoreTrieNodes(store));
        var (block, receipts, state) = blocks.Next(1);
        chain.CommitBlock(block, receipts, null, state);
        var before = Contents(store);

        var error = Assert.Throws<ChainStoreException>(() => chain.CommitBlock(block, receipts, null, _ => { }));

        Assert.Equal(ChainStoreError.WrongHeight, error.Error);
        Assert.Equal(before, Contents(store));
        Assert.Equal(new ChainHead(1, block.Hash), chain.Head);
    }

    [Fact]
    public void Wrong_parent_is_refused_and_nothing_is_written()
    {
        using var store = RocksDbStore.Open(DbPath);
        var chain = new ChainStore(store);
        var genesis = chain.Initialize(TestGenesis.Spec());
        var (block, receipts, state) = new TestBlocks(chain, new StoreTrieNodes(store)).Next(1);
        var orphan = new Block(WithParent(block.Header, Aro.Core.Crypto.Keccak256.Hash("elsewhere"u8)), block.Body);
        var before = Contents(store);

        var error = Assert.Throws<ChainStoreException>(() => chain.CommitBlock(orphan, receipts, null, state));

        Assert.Equal(ChainStoreError.WrongParent, error.Error);
        Assert.Equal(before, Contents(store));
        Assert.Equal(new ChainHead(0, genesis.Hash), chain.Head);
        Assert.Null(chain.GetTransactionLocation(block.Body.Transactions[0].Hash));
    }

    [Fact]
    public void State_with_another_root_is_refused_and_nothing_is_written()
    {
        using var store = RocksDbStore.Open(DbPath);
        var chain = new ChainStore(store);
        chain.Initialize(TestGenesis.Spec());
        var (block, receipts, state) = new TestBlocks(chain, new StoreTrieNodes(store)).Next(1);
        state.AddBalance(TestGenesis.Recipient, 1UL);
        var before = Contents(store);

        var error = Assert.Throws<ChainStoreException>(() => chain.CommitBlock(block, receipts, null, state));

        Assert.Equal(ChainStoreError.StateRootMismatch, error.Error);
        Assert.Equal(before, Contents(store));
    }

    [Fact]
    public void Receipts_must_match_the_transactions()
    {
        using var store = new MemoryStore();
        var chain = new ChainStore(store);
        chain.Initialize(TestGenesis.Spec());
        var (block, receipts, state) = new TestBlocks(chain, new StoreTrieNodes(store)).Next(2);

        var error = Assert.Throws<ChainStoreException>(() => chain.CommitBlock(block, receipts[..1], null, state));

        Assert.Equal(ChainStoreError.ReceiptCountMismatch, error.Error);
        Assert.Equal(0UL, chain.Head.Number);
    }

    [Fact]
    public void Head_commit_for_another_block_is_refused()
    {
        using var store = new MemoryStore();
        var chain = new ChainStore(store);
        var genesis = chain.Initialize(TestGenesis.Spec());
        var (block, receipts, state) = new TestBlocks(chain, new StoreTrieNodes(store)).Next(0);

        var error = Assert.Throws<ChainStoreException>(() => chain.CommitBlock(block, receipts, TestBlocks.CommitFor(genesis.Header), state));

        Assert.Equal(ChainStoreError.CommitMismatch, error.Error);
        Assert.Equal(0UL, chain.Head.Number);
    }

    [Fact]
    public void Genesis_takes_no_commit()
    {
        using var store = new MemoryStore();
        var chain = new ChainStore(store);
        var genesis = chain.Initialize(TestGenesis.Spec());

        var error = Assert.Throws<ChainStoreException>(() => chain.SetHeadCommit(TestBlocks.CommitFor(genesis.Header)));

        Assert.Equal(ChainStoreError.CommitMismatch, error.Error);
        Assert.Null(chain.GetCommit(0));
    }

    [Fact]
    public void State_nodes_given_as_a_batch_action_land_with_the_block()
    {
        using var store = new MemoryStore();
        var chain = new ChainStore(store);
        chain.Initialize(TestGenesis.Spec());
        var (block, receipts, state) = new TestBlocks(chain, new StoreTrieNodes(store)).Next(2);

        chain.CommitBlock(block, receipts, null, batch => state.Commit(new TrieNodeBatch(batch)));

        Assert.Equal(new ChainHead(1, block.Hash), chain.Head);
        Assert.NotNull(store.Get(Columns.TrieNodes, block.Header.StateRoot.Bytes));
        Assert.Equal(2UL, new WorldState(new StoreTrieNodes(store), block.Header.StateRoot).GetNonce(TestGenesis.Sender));
    }

    [Fact]
    public void Unknown_hashes_and_numbers_read_as_absent()
    {
        using var store = new MemoryStore();
        var chain = new ChainStore(store);
        chain.Initialize(TestGenesis.Spec());
        var unknown = Aro.Core.Crypto.Keccak256.Hash("unknown"u8);

        Assert.Null(chain.GetHeader(1));
        Assert.Null(chain.GetHeader(unknown));
        Assert.Null(chain.GetBlock(1));
        Assert.Null(chain.GetBlock(unknown));
        Assert.Null(chain.GetReceipts(1));
        Assert.Null(chain.GetTransactionLocation(unknown));
        Assert.Null(chain.GetNumber(unknown));
    }

    [Fact]
    public void Headers_are_keyed_by_big_endian_number_so_iteration_follows_height()
    {
        using var store = new MemoryStore();
        var chain = new ChainStore(store);
        chain.Initialize(TestGenesis.Spec());
        var blocks = new TestBlocks(chain, new StoreTrieNodes(store));
        for (int i = 0; i < 300; i++)
        {
            blocks.CommitNext(0);
        }

        using var iterator = store.Iterate(Columns.Headers, new IteratorOptions { Prefix = "n"u8.ToArray() });
        ulong expected = 0;
        for (iterator.SeekToFirst(); iterator.Valid; iterator.Next())
        {
            Assert.Equal(expected++, HeaderCodec.Decode(iterator.Value).Number);
        }

        Assert.Equal(301UL, expected);
    }

    private static Block BuildInMemory(GenesisSpec spec)
    {
        var nodes = new MemoryTrieNodeStore();
        return Genesis.Build(spec, nodes, nodes);
    }

    private static BlockHeader WithParent(BlockHeader header, Hash256 parent) => new()
    {
        ParentHash = parent,
        Number = header.Number,
        Timestamp = header.Timestamp,
        Proposer = header.Proposer,
        StateRoot = header.StateRoot,
        TransactionsRoot = header.TransactionsRoot,
        ReceiptsRoot = header.ReceiptsRoot,
        LogsBloom = header.LogsBloom,
        GasLimit = header.GasLimit,
        GasUsed = header.GasUsed,
        BaseFeePerGas = header.BaseFeePerGas,
        Epoch = header.Epoch,
        ValidatorSetHash = header.ValidatorSetHash,
        LastCommitHash = header.LastCommitHash,
    };

    /// <summary>Every key and value of every column, as hex lines: compares whole databases.</summary>
    private static List<string> Contents(IKeyValueStore store)
    {
        var lines = new List<string>();
        foreach (string column in store.ColumnNames)
        {
            using var iterator = store.Iterate(column);
            for (iterator.SeekToFirst(); iterator.Valid; iterator.Next())
            {
                lines.Add($"{column} {Hex.Encode(iterator.Key)} {Hex.Encode(iterator.Value)}");
            }
        }

        return lines;
    }
}
