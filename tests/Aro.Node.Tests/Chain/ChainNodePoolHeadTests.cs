using Aro.Core;
using Aro.Core.Transactions;
using Aro.Execution.TxPool;
using Aro.Network.Sync;
using Aro.Node.Chain;
using Aro.Node.Consensus;
using Aro.Node.Network;
using Aro.Node.Production;
using Aro.Testing;

namespace Aro.Node.Tests.Chain;

/// <summary>
/// After a committed block the pool knows its senders' accounts from what the block changed, and that
/// view is the one reading every sender at the new head gives (real chain, RocksDB in a temp dir).
/// </summary>
public sealed class ChainNodePoolHeadTests : IDisposable
{
    private static readonly ulong T0 = Devnet.Spec.Timestamp;

    // A devnet transfer pays at most 21,000 gas × 10 gwei.
    private static readonly UInt256 TransferCost = 21_000UL * 10_000_000_000UL;

    private readonly TempDirectory _home = new();
    private readonly ChainNode _node;
    private readonly BlockProducer _producer;

    public ChainNodePoolHeadTests()
    {
        _node = ChainNode.Open(Path.Combine(_home.Path, "a"), Devnet.Spec);
        _producer = new BlockProducer(_node, Devnet.Validator);
    }

    public void Dispose()
    {
        _node.Dispose();
        _home.Dispose();
    }

    [Fact]
    public void A_transfer_to_a_pooled_sender_raises_the_balance_it_is_admitted_against_without_a_read()
    {
        const int Poor = 50; // an account the genesis does not fund
        var poor = Devnet.AccountAddress(Poor);
        Add(_node, Devnet.Transfer(0, 0, poor, TransferCost));
        _producer.TryProduce(T0 + 1);
        var queued = Devnet.Transfer(Poor, 1, poor, 0);
        Add(_node, queued);
        Assert.Equal(TxPoolError.InsufficientFunds, _node.TxPool.Add(Devnet.Transfer(Poor, 2, poor, 0)).Error);
        var parentRoot = _node.Head.StateRoot;

        Add(_node, Devnet.Transfer(0, 1, poor, TransferCost));
        _producer.TryProduce(T0 + 2);

        Assert.Equal(0, _node.TxPool.LastHeadPassReads);
        var next = Devnet.Transfer(Poor, 2, poor, 0);
        Add(_node, next);
        var reference = FullReadPool(parentRoot, _node.Head.StateRoot, queued, next);
        Assert.Equal(Content(reference), Content(_node.TxPool));
    }

    [Fact]
    public void A_synced_block_spending_a_pooled_senders_balance_drops_what_it_no_longer_covers_as_a_full_read_does()
    {
        using var follower = ChainNode.Open(Path.Combine(_home.Path, "b"), Devnet.Spec);
        var sender = Devnet.AccountAddress(3);
        var balance = follower.OpenState(follower.Head.StateRoot).GetBalance(sender);
        var genesisRoot = follower.Head.StateRoot;
        var later = Devnet.Transfer(3, 1, Devnet.AccountAddress(1), 0);
        Add(follower, later);

        // The producer includes a transfer the follower never saw, spending all but a fraction of one transfer's cost.
        Add(_node, Devnet.Transfer(3, 0, Devnet.AccountAddress(1), balance - TransferCost));
        var block = _producer.TryProduce(T0 + 1)!.Block;
        var problem = new ChainSyncSink(follower, ValidatorSetSources.For(follower)).Apply(new CommittedBlock(block, _node.Store.GetCommit(1)!));

        Assert.Null(problem);
        Assert.Equal(0, follower.TxPool.LastHeadPassReads);
        Assert.Equal(0, follower.TxPool.Count);
        Assert.Equal(0, FullReadPool(genesisRoot, follower.Head.StateRoot, later).Count);
    }

    private static void Add(ChainNode node, Transaction tx)
    {
        var result = node.TxPool.Add(tx);
        Assert.True(result.IsAccepted, result.ToString());
    }

    /// <summary>A pool given <paramref name="txs"/> at <paramref name="parentRoot"/> that then re-reads every sender at <paramref name="headRoot"/>.</summary>
    private TxPool FullReadPool(Hash256 parentRoot, Hash256 headRoot, params Transaction[] txs)
    {
        var pool = new TxPool(_node.TxPool.Options, new StateReader(_node, parentRoot));
        foreach (var tx in txs)
        {
            pool.Add(tx);
        }

        pool.OnNewHead(new StateReader(_node, headRoot), _node.NextBaseFee(_node.Head));
        foreach (var tx in txs)
        {
            pool.Add(tx);
        }

        return pool;
    }

    private static string Content(TxPool pool) =>
        string.Join('\n', pool.GetContent().Senders.Select(s =>
            $"{s.Sender} pending {string.Join(',', s.Pending.Select(tx => tx.Hash))} queued {string.Join(',', s.Queued.Select(tx => tx.Hash))}"));

    private sealed class StateReader(ChainNode node, Hash256 root) : ITxPoolStateReader
    {
        public ulong GetNonce(Address address) => node.OpenState(root).GetNonce(address);

        public UInt256 GetBalance(Address address) => node.OpenState(root).GetBalance(address);
    }
}
