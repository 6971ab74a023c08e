using Aro.Core.Blocks;
using Aro.Execution.Modules;
using Aro.Execution.Tests.Modules;
using Aro.Node.Chain;
using Aro.Node.Modules;
using Aro.Node.Production;
using Aro.Node.Tests.Chain;
using Aro.Testing;

namespace Aro.Node.Tests.Production;

/// <summary>The producer hands a block's hook logs to the store and to BlockCommitted with the block.</summary>
public sealed class BlockProducerHookLogTests : IDisposable
{
    private static readonly ulong T0 = Devnet.Spec.Timestamp;

    private readonly TempDirectory _home = new();
    private readonly ChainNode _node;
    private readonly BlockProducer _producer;

    public BlockProducerHookLogTests()
    {
        _node = ChainNode.Open(_home.Path, Devnet.Spec, Hosting(new CounterModule(hookEvents: true)));
        _producer = new BlockProducer(_node, Devnet.Validator);
    }

    public void Dispose()
    {
        _node.Dispose();
        _home.Dispose();
    }

    [Fact]
    public void A_produced_block_stores_its_hook_logs_and_publishes_them()
    {
        BlockCommittedEventArgs? committed = null;
        _node.BlockCommitted += (_, e) => committed = e;
        Assert.True(_node.TxPool.Add(Aro.Core.Transactions.TxEncoder.Encode(Devnet.Transfer(0, 0, Devnet.AccountAddress(1), 1))).IsAccepted);

        var block = _producer.TryProduce(T0 + 1)!.Block;

        var stored = _node.Store.GetBlockLogs(block.Number);
        Assert.Equal([CounterModule.BlockBegun.Topic0, CounterModule.BlockEnded.Topic0], stored.Select(l => l.Topics[0]));
        Assert.Equal(stored, committed!.BlockLogs);
        Assert.True(block.Header.LogsBloom.Contains(CounterModule.BlockEnded.Topic0));
    }

    [Fact]
    public void An_empty_heartbeat_block_keeps_its_hook_logs()
    {
        var block = _producer.TryProduce(T0 + 1, allowEmpty: true)!.Block;

        Assert.Empty(block.Body.Transactions);
        Assert.Equal(2, _node.Store.GetBlockLogs(block.Number).Count);
        Assert.Equal(Bloom.FromLogs([.. _node.Store.GetBlockLogs(block.Number)]), block.Header.LogsBloom);
    }

    // The one line that names how a node is given its modules.
    private static NodeModules Hosting(params IModule[] modules) => NodeModules.Hosting(new ModuleHost(modules));
}
