using Aro.Consensus.Core;
using Aro.Core;
using Aro.Core.Blocks;
using Aro.Node.Consensus;
using Aro.Node.Tests.Chain;

namespace Aro.Node.Tests.Consensus;

/// <summary>Block 10 is the first of epoch 1, whose set (devnet validator + keeper 2) differs from epoch 0's.</summary>
public sealed class BlockCandidatesSetTests : IAsyncLifetime
{
    private EpochChangeChain _chain = null!;

    public async Task InitializeAsync() => _chain = await EpochChangeChain.StartAsync(head: 9);

    public async Task DisposeAsync() => await _chain.DisposeAsync();

    [Fact]
    public void A_built_first_block_of_an_epoch_names_the_new_epoch_and_the_new_sets_hash()
    {
        var header = Build().Header;

        Assert.Equal(1UL, header.Epoch);
        Assert.Equal(_chain.Recorded(1).Hash, header.ValidatorSetHash);
        Assert.NotEqual(_chain.Chain.Head.ValidatorSetHash, header.ValidatorSetHash);
    }

    [Fact]
    public void A_proposal_at_the_new_epoch_naming_the_new_set_is_valid()
    {
        var block = Build();

        Assert.True(Fresh().IsValid(10, Value(block)));
    }

    [Fact]
    public void A_proposal_naming_the_parents_epoch_is_refused_wrong_epoch()
    {
        var candidates = Fresh();

        Assert.False(candidates.IsValid(10, Value(Reheader(Build(), epoch: 0))));
        Assert.StartsWith("wrong epoch", candidates.LastRefusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_proposal_naming_the_parents_validator_set_is_refused_wrong_validator_set_hash()
    {
        var candidates = Fresh();

        Assert.False(candidates.IsValid(10, Value(Reheader(Build(), setHash: _chain.Chain.Head.ValidatorSetHash))));
        Assert.StartsWith("wrong validator-set hash", candidates.LastRefusal, StringComparison.Ordinal);
    }

    private BlockCandidates Fresh() => new(_chain.Chain, _chain.Source());

    private Block Build() => BlockCodec.Decode(Fresh().Build(Devnet.Validator.Address, _chain.Chain.Head.Timestamp + 1).Encoded.Span);

    private static BlockValue Value(Block block) => new(block.Hash, BlockCodec.Encode(block));

    private static Block Reheader(Block block, ulong? epoch = null, Hash256? setHash = null)
    {
        var h = block.Header;
        return new Block(
            new BlockHeader
            {
                ParentHash = h.ParentHash,
                Number = h.Number,
                Timestamp = h.Timestamp,
                Proposer = h.Proposer,
                StateRoot = h.StateRoot,
                TransactionsRoot = h.TransactionsRoot,
                ReceiptsRoot = h.ReceiptsRoot,
                LogsBloom = h.LogsBloom,
                GasLimit = h.GasLimit,
                GasUsed = h.GasUsed,
                BaseFeePerGas = h.BaseFeePerGas,
                Epoch = epoch ?? h.Epoch,
                ValidatorSetHash = setHash ?? h.ValidatorSetHash,
                LastCommitHash = h.LastCommitHash,
            },
            block.Body);
    }
}
