using Aro.Consensus.Validators;
using Aro.Core;
using Aro.Node.Consensus;
using Aro.Node.Tests.Chain;
using Aro.Node.Tests.Staking;

namespace Aro.Node.Tests.Consensus;

public sealed class GposValidatorSetSourceTests
{
    [Fact]
    public async Task The_last_height_of_an_epoch_is_decided_by_that_epochs_set()
    {
        await using var chain = await EpochChangeChain.StartAsync(head: 10);

        var set = chain.Source().SetAt(9);

        Assert.Equal(chain.Recorded(0).Hash, set.Hash);
        Assert.Equal(Devnet.Validator.Address, Assert.Single(set.Validators).Address);
    }

    [Fact]
    public async Task The_first_height_of_an_epoch_is_decided_by_the_new_set()
    {
        await using var chain = await EpochChangeChain.StartAsync(head: 10);

        var set = chain.Source().SetAt(10);

        Assert.Equal(chain.Recorded(1).Hash, set.Hash);
        Assert.Equal(2, set.Count);
    }

    [Fact]
    public async Task The_new_set_is_known_once_the_block_before_the_epoch_is_committed()
    {
        await using var chain = await EpochChangeChain.StartAsync(head: 9);

        Assert.Equal(chain.Recorded(1).Hash, chain.Source().SetAt(10).Hash);
    }

    [Fact]
    public async Task A_set_not_yet_fixed_by_a_committed_block_is_refused_as_unknown()
    {
        await using var chain = await EpochChangeChain.StartAsync(head: 10);

        var error = Assert.Throws<ValidatorSetUnknownException>(() => chain.Source().SetAt(20));

        Assert.Contains("fixed by block 19", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_carry_their_keepers_consensus_keys_and_power_in_whole_aro()
    {
        await using var chain = await EpochChangeChain.StartAsync(head: 10);

        var set = chain.Source().SetAt(10);

        Assert.True(set.TryGetIndex(Address.FromPublicKey(EpochChangeChain.Keeper2Key), out var index));
        Assert.Equal(EpochChangeChain.Keeper2Key, set[index].PublicKey.ToArray());
        Assert.Equal(2_000UL, set[index].Power);
        Assert.Equal(10_000UL, set[1 - index].Power);
    }

    [Fact]
    public async Task The_proposer_starts_from_fresh_priorities_at_the_epochs_first_height_then_advances_once_per_height()
    {
        await using var chain = await EpochChangeChain.StartAsync(head: 10);
        var source = chain.Source();
        var fresh = ValidatorSet.Create(source.SetAt(10).Validators);

        Assert.Equal(fresh.ProposerIndex, source.SetAt(10).ProposerIndex);
        for (uint advance = 1; advance < 9; advance++)
        {
            Assert.Equal(fresh.AdvanceProposer(advance).ProposerIndex, source.SetAt(10 + advance).ProposerIndex);
        }
    }

    [Fact]
    public async Task An_epochs_set_is_read_from_state_once_and_then_cached()
    {
        await using var chain = await EpochChangeChain.StartAsync(head: 10);
        var source = chain.Source();

        for (ulong height = 10; height < 20; height++)
        {
            source.SetAt(height);
        }

        source.SetAt(12);
        Assert.Equal(1, source.Builds);
    }

    [Fact]
    public async Task Epoch_zero_rotates_exactly_as_the_genesis_validators_do()
    {
        await using var chain = await EpochChangeChain.StartAsync(head: 10);
        var gpos = chain.Source();
        var genesis = new GenesisValidatorSetSource(chain.Chain.Genesis);

        for (ulong height = 1; height < 10; height++)
        {
            Assert.Equal(genesis.SetAt(height).Hash, gpos.SetAt(height).Hash);
            Assert.Equal(genesis.SetAt(height).Proposer, gpos.SetAt(height).Proposer);
        }
    }

    [Fact]
    public async Task The_epoch_of_a_height_is_the_height_over_epochBlocks()
    {
        await using var chain = await EpochChangeChain.StartAsync(head: 1);
        var source = chain.Source();

        Assert.Equal([0UL, 0UL, 1UL, 1UL, 2UL], new[] { 1UL, 9UL, 10UL, 19UL, 20UL }.Select(source.EpochOf));
    }

    [Fact]
    public async Task A_chain_with_a_gpos_section_takes_its_sets_from_gpos()
    {
        await using var node = await StakingNode.StartAsync();

        Assert.IsType<GposValidatorSetSource>(ValidatorSetSources.For(node.Chain));
    }

    [Fact]
    public async Task A_chain_without_a_gpos_section_keeps_the_genesis_validators()
    {
        await using var node = await StakingNode.StartAsync(StakingNode.GenesisWithoutGpos());

        Assert.IsType<GenesisValidatorSetSource>(ValidatorSetSources.For(node.Chain));
    }
}
