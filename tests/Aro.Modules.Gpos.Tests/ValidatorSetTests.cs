using System.Collections.Immutable;
using Aro.Core;
using Aro.Core.Abi;
using Aro.Execution.Chain;
using Aro.Modules.Gpos.ValidatorSet;
using static Aro.Modules.Gpos.Abi.StakingAbi;

namespace Aro.Modules.Gpos.Tests;

public class ValidatorSetTests
{
    private static readonly UInt256 Aro = SlashingHarness.Aro;

    [Fact]
    public void Genesis_writes_the_epoch_0_set_with_the_hash_the_chain_uses_for_validator_sets()
    {
        var accounts = new[] { Account.Of(1), Account.Of(2) };
        var chain = new GposChain(GposChain.TestParams with { MinSelfStake = Aro }, accounts, funds: SlashingHarness.Ether(100));

        var set = chain.Set(0);

        var expected = global::Aro.Execution.Chain.Genesis.ValidatorSetHash([.. accounts.Select(a => new GenesisValidator(a.ConsensusAddress, [.. a.ConsensusKey], 1))]);
        Assert.Equal(expected, set.Hash);
        Assert.Equal(2, set.Members.Length);
        Assert.Equal(2UL, set.TotalPower);
    }

    [Fact]
    public void An_epoch_transition_writes_the_new_set_with_power_in_whole_ARO_ordered_by_consensus_address()
    {
        var chain = SlashingHarness.New();
        UInt256[] stakes = [Aro + (Aro / 2), Aro * 2, (Aro * 4) - 1];
        chain.Block([.. Enumerable.Range(0, 3).Select(i => chain.Tx(chain[i], Calls.Register(chain[i]), stakes[i]))]);

        chain.AdvanceToEpoch(1);

        var set = chain.Set(1);
        var expected = Enumerable.Range(0, 3)
            .Select(i => new ConsensusValidator(chain[i].Address, chain[i].ConsensusAddress, (ulong)(i + 1)))
            .OrderBy(v => v.ConsensusAddress).ToArray();
        Assert.Equal(expected, set.Members);
        Assert.Equal(6UL, set.TotalPower);
        Assert.Equal(global::Aro.Execution.Chain.Genesis.ValidatorSetHash([.. expected.Select(v => new GenesisValidator(v.ConsensusAddress, [], v.Power))]), set.Hash);
    }

    [Fact]
    public void A_member_of_the_active_set_whose_power_rounds_to_zero_is_left_out_of_the_consensus_set()
    {
        var chain = SlashingHarness.New();
        chain.Block(chain.Tx(chain[0], Calls.Register(chain[0]), Aro * 5), chain.Tx(chain[1], Calls.Register(chain[1]), Aro / 2));

        chain.AdvanceToEpoch(1);

        Assert.Equal(2, chain.View(GetActiveSet)[0].AsList().Length);
        var member = Assert.Single(chain.Set(1).Members);
        Assert.Equal(chain[0].Address, member.Keeper);
    }

    [Fact]
    public void Sets_of_past_epochs_are_kept_unchanged()
    {
        var chain = SlashingHarness.WithKeepers(2);
        var first = chain.Set(1);

        chain.Ok(chain[2], Calls.Register(chain[2]), SlashingHarness.Ether(50));
        chain.AdvanceEpochs(2);

        Assert.Equal(3, chain.Set(chain.ModuleEpoch).Members.Length);
        var again = chain.Set(1);
        Assert.Equal(first.Hash, again.Hash);
        Assert.Equal(first.Members.ToArray(), again.Members.ToArray());
    }

    [Fact]
    public void ValidatorSetChanged_is_emitted_when_the_set_changes_and_not_when_it_stays()
    {
        var chain = SlashingHarness.WithKeepers(2);
        chain.AdvanceEpochs(2);
        chain.Ok(chain[2], Calls.Register(chain[2]), SlashingHarness.Ether(50));
        chain.AdvanceEpochs(1);

        var epochs = chain.Events(ValidatorSetChanged).Select(e => e[0].AsUInt64()).ToArray();
        var last = chain.Events(ValidatorSetChanged)[^1];

        Assert.Equal([1UL, 4UL], epochs);
        Assert.Equal(chain.Set(4).Hash.Bytes.ToArray(), last[1].AsBytes());
        Assert.Equal(3UL, last[2].AsUInt64());
    }

    [Fact]
    public void The_getValidatorSet_view_answers_what_ValidatorSetOf_reads()
    {
        var chain = SlashingHarness.WithKeepers(3);
        var set = chain.Set(1);

        var v = chain.View(GetValidatorSet, AbiValue.UInt(1UL));

        Assert.Equal(set.Hash.Bytes.ToArray(), v[0].AsBytes());
        Assert.Equal(set.Members.Select(m => m.Keeper), v[1].AsList().Select(x => x.AsAddress()));
        Assert.Equal(set.Members.Select(m => m.ConsensusAddress), v[2].AsList().Select(x => x.AsAddress()));
        Assert.Equal(set.Members.Select(m => m.Power), v[3].AsList().Select(x => x.AsUInt64()));
    }

    [Fact]
    public void The_getValidatorSet_view_of_an_epoch_not_started_reverts_ValidatorSetNotFound()
    {
        var chain = SlashingHarness.WithKeepers(1);
        var context = new Execution.Execution.BlockContext(chain.Height, 0, GposChain.Proposer, GposChain.BaseFee, 30_000_000, GposChain.ChainId, chain.Epoch);

        var result = chain.Host.Query(chain.State, context, GposModule.Address, GetValidatorSet.EncodeCall(AbiValue.UInt(9UL)));

        Assert.False(result.Succeeded);
        Assert.Equal(9UL, ValidatorSetNotFound.Decode(result.Output)[0].AsUInt64());
    }

    [Fact]
    public void CurrentValidatorSet_is_the_set_of_the_epoch_the_module_has_started()
    {
        var chain = SlashingHarness.WithKeepers(2);
        chain.AdvanceEpochs(1);

        Assert.Equal(chain.ModuleEpoch, GposModule.CurrentValidatorSet(chain.State)!.Epoch);
    }

    [Fact]
    public void Consensus_power_is_capped_so_a_full_set_totals_within_int64()
    {
        var huge = UInt256.MaxValue;

        var power = ValidatorSetStore.ConsensusPower(huge, 100);

        Assert.Equal((ulong)long.MaxValue / 100, power);
        Assert.True((UInt128)power * 100 <= long.MaxValue);
        Assert.Equal(7UL, ValidatorSetStore.ConsensusPower((Aro * 8) - 1, 100));
    }
}
