using Aro.Core;
using Aro.Core.Blocks;
using Aro.Execution.Execution;
using Aro.Node.Chain;
using Aro.Node.Production;
using Aro.Node.Tests.Chain;
using Aro.Node.Validator;
using Aro.State;
using Aro.Testing;

namespace Aro.Node.Tests.Production;

public sealed class BlockProducerTests : IDisposable
{
    private static readonly ulong T0 = Devnet.Spec.Timestamp;

    private readonly TempDirectory _home = new();
    private readonly ChainNode _node;
    private readonly BlockProducer _producer;

    public BlockProducerTests()
    {
        _node = ChainNode.Open(_home.Path, Devnet.Spec);
        _producer = new BlockProducer(_node, Devnet.Validator);
    }

    public void Dispose()
    {
        _node.Dispose();
        _home.Dispose();
    }

    [Fact]
    public void Includes_the_pooled_transactions_and_moves_balances()
    {
        var recipient = Devnet.AccountAddress(1);
        var before = _node.OpenState(_node.Head.StateRoot).GetBalance(recipient);
        Add(Devnet.Transfer(0, 0, recipient, 7));
        Add(Devnet.Transfer(0, 1, recipient, 8));
        Add(Devnet.Transfer(2, 0, recipient, 9));

        var block = _producer.TryProduce(T0 + 1)!.Block;

        Assert.Equal(3, block.Body.Transactions.Length);
        Assert.Equal(3UL * 21_000, block.Header.GasUsed);
        var state = _node.OpenState(_node.Head.StateRoot);
        Assert.Equal(before + 24, state.GetBalance(recipient));
        Assert.Equal(2UL, state.GetNonce(Devnet.AccountAddress(0)));
        Assert.Equal(1UL, state.GetNonce(Devnet.AccountAddress(2)));
    }

    [Fact]
    public void Included_transactions_leave_the_pool()
    {
        Add(Devnet.Transfer(0, 0, Devnet.AccountAddress(1), 1));
        Add(Devnet.Transfer(0, 1, Devnet.AccountAddress(1), 1));

        var block = _producer.TryProduce(T0 + 1)!.Block;

        Assert.Equal(0, _node.TxPool.Count);
        foreach (var tx in block.Body.Transactions)
        {
            Assert.False(_node.TxPool.TryGet(tx.Hash, out _));
            Assert.Equal(1UL, _node.Store.GetTransactionLocation(tx.Hash)!.Value.BlockNumber);
        }
    }

    [Fact]
    public void Header_links_to_the_parent_and_names_the_validator()
    {
        var genesis = _node.Head;
        Add(Devnet.Transfer(0, 0, Devnet.AccountAddress(1), 1));

        var produced = _producer.TryProduce(T0 + 5)!;
        var header = produced.Block.Header;

        Assert.Equal(genesis.Hash, header.ParentHash);
        Assert.Equal(1UL, header.Number);
        Assert.Equal(T0 + 5, header.Timestamp);
        Assert.Equal(Devnet.Validator.Address, header.Proposer);
        Assert.Equal(genesis.GasLimit, header.GasLimit);
        Assert.Equal(genesis.ValidatorSetHash, header.ValidatorSetHash);
        Assert.Equal(genesis.Epoch, header.Epoch);
        Assert.Equal(Hash256.Zero, header.LastCommitHash);
        Assert.Equal(BaseFee.Next(genesis.GasUsed, genesis.GasLimit, genesis.BaseFeePerGas, Devnet.Spec.MinBaseFeePerGas), header.BaseFeePerGas);
        Assert.Equal(header, _node.Head);
    }

    [Fact]
    public void Header_roots_and_bloom_match_the_committed_body_receipts_and_state()
    {
        Add(Devnet.Transfer(0, 0, Devnet.AccountAddress(1), 1));
        Add(Devnet.Transfer(1, 0, Devnet.AccountAddress(2), 1));

        var header = _producer.TryProduce(T0 + 1)!.Block.Header;

        var stored = _node.Store.GetBlock(header.Number)!;
        var receipts = _node.Store.GetReceipts(header.Number)!;
        Assert.Equal(DerivedRoots.Transactions(stored.Body), header.TransactionsRoot);
        Assert.Equal(DerivedRoots.Receipts(receipts), header.ReceiptsRoot);
        Assert.Equal(header.StateRoot, _node.OpenState(header.StateRoot).ComputeRoot());
        // Hook (begin/end-block) logs of the hosted modules, e.g. GPoW's epoch seed, are in the header bloom too.
        var bloom = Bloom.FromLogs([.. _node.Store.GetBlockLogs(header.Number)]);
        foreach (var receipt in receipts)
        {
            bloom |= receipt.Bloom;
        }

        Assert.Equal(bloom, header.LogsBloom);
        Assert.Equal(receipts[^1].CumulativeGasUsed, header.GasUsed);
    }

    [Fact]
    public void Block_n_carries_the_commit_of_block_n_minus_1()
    {
        var first = _producer.TryProduce(T0 + 1, allowEmpty: true)!.Block;
        var second = _producer.TryProduce(T0 + 2, allowEmpty: true)!.Block;

        var carried = second.Body.LastCommit!;
        Assert.Equal(first.Number, carried.Height);
        Assert.Equal(first.Hash, carried.BlockHash);
        Assert.Equal(carried.Hash, second.Header.LastCommitHash);
        Assert.Null(first.Body.LastCommit);
    }

    [Fact]
    public void Commit_signature_recovers_to_the_validator()
    {
        var block = _producer.TryProduce(T0 + 1, allowEmpty: true)!.Block;

        var commit = _node.Store.GetCommit(block.Number)!;
        Assert.Equal(block.Hash, commit.BlockHash);
        var signature = Assert.Single(commit.Signatures);
        Assert.Equal(0U, signature.ValidatorIndex);
        Assert.True(signature.TryRecoverSigner(commit.SigningHash(Devnet.Spec.ChainId), out var signer));
        Assert.Equal(Devnet.Validator.Address, signer);
    }

    [Fact]
    public void Makes_no_block_when_the_pool_is_empty()
    {
        Assert.Null(_producer.TryProduce(T0 + 1));
        Assert.Equal(0UL, _node.Head.Number);
    }

    [Fact]
    public void Makes_an_empty_block_when_allowed()
    {
        var block = _producer.TryProduce(T0 + 1, allowEmpty: true)!.Block;

        Assert.Empty(block.Body.Transactions);
        Assert.Equal(0UL, block.Header.GasUsed);
        Assert.Equal(1UL, _node.Head.Number);
    }

    [Fact]
    public void Timestamps_strictly_increase_even_when_the_clock_does_not()
    {
        var first = _producer.TryProduce(T0 + 100, allowEmpty: true)!.Block.Header;
        var same = _producer.TryProduce(T0 + 100, allowEmpty: true)!.Block.Header;
        var earlier = _producer.TryProduce(T0 + 50, allowEmpty: true)!.Block.Header;

        Assert.Equal(T0 + 100, first.Timestamp);
        Assert.Equal(T0 + 101, same.Timestamp);
        Assert.Equal(T0 + 102, earlier.Timestamp);
    }

    [Fact]
    public void First_block_is_later_than_genesis_whatever_the_clock_says()
    {
        var header = _producer.TryProduce(0, allowEmpty: true)!.Block.Header;

        Assert.Equal(Devnet.Spec.Timestamp + 1, header.Timestamp);
    }

    [Fact]
    public void Base_fee_follows_the_parent_gas_use()
    {
        var first = _producer.TryProduce(T0 + 1, allowEmpty: true)!.Block.Header;
        var second = _producer.TryProduce(T0 + 2, allowEmpty: true)!.Block.Header;

        Assert.Equal(BaseFee.Next(first.GasUsed, first.GasLimit, first.BaseFeePerGas, Devnet.Spec.MinBaseFeePerGas), second.BaseFeePerGas);
        Assert.Equal(_node.NextBaseFee(second), _node.TxPool.BaseFee);
    }

    [Fact]
    public void Refuses_a_key_that_is_not_a_genesis_validator()
    {
        var stranger = new ValidatorKey(Devnet.AccountKey(0));

        var error = Assert.Throws<ValidatorKeyException>(() => new BlockProducer(_node, stranger));
        Assert.Contains(stranger.Address.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("not a validator", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_validator_holding_no_more_than_two_thirds_of_the_power()
    {
        // A second validator with as much power: the devnet key alone could no longer make a commit. (Without the gpos
        // section: with it, the validators must be GPoS's epoch-0 set.)
        var other = ValidatorKey.Generate();
        var genesis = System.Text.Json.Nodes.JsonNode.Parse(Aro.Node.Tests.Staking.StakingNode.GenesisWithoutGpos().ToJson())!;
        genesis["validators"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject
        {
            ["address"] = other.Address.ToString(),
            ["publicKey"] = Aro.Core.Hex.Encode(other.PublicKey.Span),
            ["power"] = 10000,
        });
        var json = genesis.ToJsonString();
        using var home = new TempDirectory();
        using var node = ChainNode.Open(home.Path, Aro.Execution.Chain.GenesisSpec.Parse(json));

        var error = Assert.Throws<ValidatorKeyException>(() => new BlockProducer(node, Devnet.Validator));
        Assert.Contains("10000 of 20000", error.Message, StringComparison.Ordinal);
    }

    private void Add(Aro.Core.Transactions.Transaction transaction)
    {
        var result = _node.TxPool.Add(transaction);
        Assert.True(result.IsAccepted, result.ToString());
    }
}
