using Aro.Core;
using Aro.Execution.Chain;
using Aro.Node.Chain;
using Aro.Node.Production;
using Aro.Testing;

namespace Aro.Node.Tests.Chain;

public sealed class ChainNodeTests
{
    [Fact]
    public void Initialises_an_empty_data_directory_at_the_genesis_block()
    {
        using var home = new TempDirectory();
        using var node = ChainNode.Open(Path.Combine(home.Path, "data"), Devnet.Spec);

        Assert.Equal(0UL, node.Head.Number);
        Assert.Equal(Hash256.Parse("0xa7fc7cbbdbe1be375b06a992808fdec89585a46c5a2cda701426c83d843b216d"), node.GenesisHash);
        Assert.Equal(node.GenesisHash, node.Head.Hash);
        Assert.Equal(Devnet.Spec.ChainId, node.ChainId);
        Assert.Equal(Devnet.Spec.Alloc[0].Balance, node.OpenState(node.Head.StateRoot).GetBalance(Devnet.Spec.Alloc[0].Address));
    }

    [Fact]
    public void Takes_execution_and_pool_settings_from_genesis()
    {
        using var home = new TempDirectory();
        using var node = ChainNode.Open(home.Path, Devnet.Spec);

        Assert.Equal(Devnet.Spec.MinBaseFeePerGas, node.Execution.MinBaseFee);
        Assert.Equal(Devnet.Spec.ChainId, node.TxPool.Options.ChainId);
        Assert.Equal(Devnet.Spec.GasLimit, node.TxPool.Options.BlockGasLimit);
        Assert.Equal(node.NextBaseFee(node.Head), node.TxPool.BaseFee);
    }

    [Fact]
    public void Resumes_at_the_stored_head_when_reopened()
    {
        using var home = new TempDirectory();
        Hash256 headHash;
        using (var node = ChainNode.Open(home.Path, Devnet.Spec))
        {
            var producer = new BlockProducer(node, Devnet.Validator);
            Assert.True(node.TxPool.Add(Devnet.Transfer(0, 0, Devnet.AccountAddress(1), 5)).IsAccepted);
            producer.TryProduce(Devnet.Spec.Timestamp + 1);
            producer.TryProduce(Devnet.Spec.Timestamp + 2, allowEmpty: true);
            headHash = node.Head.Hash;
        }

        using var reopened = ChainNode.Open(home.Path, Devnet.Spec);
        Assert.Equal(2UL, reopened.Head.Number);
        Assert.Equal(headHash, reopened.Head.Hash);
        // The pool reads nonces at the resumed head: nonce 0 is spent, so it is refused as too low.
        Assert.False(reopened.TxPool.Add(Devnet.Transfer(0, 0, Devnet.AccountAddress(1), 5)).IsAccepted);
        Assert.True(reopened.TxPool.Add(Devnet.Transfer(0, 1, Devnet.AccountAddress(1), 5)).IsAccepted);
    }

    [Fact]
    public void Refuses_a_database_made_from_another_genesis()
    {
        using var home = new TempDirectory();
        ChainNode.Open(home.Path, Devnet.Spec).Dispose();

        var error = Assert.Throws<ChainNodeException>(() => ChainNode.Open(home.Path, Devnet.WithChainId(7772)));
        Assert.IsType<GenesisMismatchException>(error.InnerException);
    }

    [Fact]
    public void Refuses_a_database_another_node_holds_open()
    {
        using var home = new TempDirectory();
        using var node = ChainNode.Open(home.Path, Devnet.Spec);

        Assert.Throws<ChainNodeException>(() => ChainNode.Open(home.Path, Devnet.Spec));
    }

    [Fact]
    public void Raises_BlockCommitted_after_the_head_moved()
    {
        using var home = new TempDirectory();
        using var node = ChainNode.Open(home.Path, Devnet.Spec);
        var producer = new BlockProducer(node, Devnet.Validator);
        ulong? headSeen = null;
        BlockCommittedEventArgs? raised = null;
        node.BlockCommitted += (_, e) =>
        {
            raised = e;
            headSeen = node.Head.Number;
        };

        var produced = producer.TryProduce(Devnet.Spec.Timestamp + 1, allowEmpty: true);

        Assert.NotNull(raised);
        Assert.Same(produced!.Block, raised.Block);
        Assert.Equal(1UL, headSeen);
    }
}
