using Aro.Core;
using Aro.Core.Blocks;
using Aro.Execution.Chain;
using Aro.State.Trie;
using Aro.Storage.RocksDb;
using Aro.Testing;

namespace Aro.Execution.Tests.Chain;

/// <summary>A block's hook logs are written with the block, in its batch, and read back in order.</summary>
public sealed class ChainStoreBlockLogsTests : IDisposable
{
    private static readonly Address Module = Address.Parse("0x00000000000000000000000000000000000a0001");

    private readonly TempDirectory _directory = new();

    private string DbPath => Path.Combine(_directory.Path, "db");

    public void Dispose() => _directory.Dispose();

    private static Log HookLog(byte tag) => new(Module, [Hash256.Parse("0x" + new string('b', 62) + tag.ToString("x2"))], [tag, 0xff]);

    [Fact]
    public void Block_logs_read_back_in_order_after_reopen()
    {
        Log[] logs = [HookLog(1), HookLog(2), HookLog(3)];
        ulong number;
        using (var store = RocksDbStore.Open(DbPath))
        {
            var chain = new ChainStore(store);
            chain.Initialize(TestGenesis.Spec());
            var (block, receipts, state) = new TestBlocks(chain, new StoreTrieNodes(store)).Next(2);
            chain.CommitBlock(block, receipts, null, state, logs);
            number = block.Number;
        }

        using var reopened = RocksDbStore.Open(DbPath);
        var again = new ChainStore(reopened);

        Assert.Equal(logs, again.GetBlockLogs(number));
        Assert.Equal(2, again.GetReceipts(number)!.Count);
    }

    [Fact]
    public void Block_logs_given_with_a_state_batch_action_land_with_the_block()
    {
        using var store = RocksDbStore.Open(DbPath);
        var chain = new ChainStore(store);
        chain.Initialize(TestGenesis.Spec());
        var (block, receipts, state) = new TestBlocks(chain, new StoreTrieNodes(store)).Next(0);

        chain.CommitBlock(block, receipts, null, batch => state.Commit(new TrieNodeBatch(batch)), [HookLog(7)]);

        Assert.Equal([HookLog(7)], chain.GetBlockLogs(block.Number));
    }

    [Fact]
    public void A_block_without_hook_logs_and_an_unknown_block_read_as_none()
    {
        using var store = RocksDbStore.Open(DbPath);
        var chain = new ChainStore(store);
        chain.Initialize(TestGenesis.Spec());
        var blocks = new TestBlocks(chain, new StoreTrieNodes(store));
        var quiet = blocks.CommitNext(1);
        var (next, receipts, state) = blocks.Next(1);
        chain.CommitBlock(next, receipts, null, state, []);

        Assert.Empty(chain.GetBlockLogs(0));
        Assert.Empty(chain.GetBlockLogs(quiet.Number));
        Assert.Empty(chain.GetBlockLogs(next.Number));
        Assert.Empty(chain.GetBlockLogs(99));
    }

    [Fact]
    public void A_refused_block_writes_no_block_logs()
    {
        using var store = RocksDbStore.Open(DbPath);
        var chain = new ChainStore(store);
        chain.Initialize(TestGenesis.Spec());
        var (block, receipts, state) = new TestBlocks(chain, new StoreTrieNodes(store)).Next(1);

        Assert.Throws<ChainStoreException>(() => chain.CommitBlock(block, receipts[..0], null, state, [HookLog(1)]));

        Assert.Empty(chain.GetBlockLogs(block.Number));
        Assert.Equal(0UL, chain.Head.Number);
    }

    [Fact]
    public void Block_logs_sit_beside_the_receipts_without_changing_them()
    {
        using var store = RocksDbStore.Open(DbPath);
        var chain = new ChainStore(store);
        chain.Initialize(TestGenesis.Spec());
        var (block, receipts, state) = new TestBlocks(chain, new StoreTrieNodes(store)).Next(3);

        chain.CommitBlock(block, receipts, null, state, [HookLog(1)]);

        Assert.Equal(receipts, chain.GetReceipts(block.Number));
    }
}
