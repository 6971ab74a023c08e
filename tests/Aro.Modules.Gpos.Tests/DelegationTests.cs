using Aro.Core;
using Aro.Core.Abi;
using Aro.Modules.Gpos.Abi;
using static Aro.Modules.Gpos.Abi.StakingAbi;

namespace Aro.Modules.Gpos.Tests;

public class DelegationTests
{
    private static GposChain WithKeepers(int keepers)
    {
        var chain = new GposChain();
        for (var i = 0; i < keepers; i++)
        {
            chain.Ok(chain[i], Calls.Register(chain[i]), value: 1_000UL);
        }

        return chain;
    }

    private static (UInt256 Shares, UInt256 Amount) Delegation(GposChain chain, Account delegator, Account keeper)
    {
        var d = chain.View(GetDelegation, AbiValue.Address(delegator.Address), AbiValue.Address(keeper.Address));
        return (d[0].AsUInt256(), d[1].AsUInt256());
    }

    [Fact]
    public void Delegate_adds_msg_value_to_the_keepers_pool_and_the_delegation()
    {
        var chain = WithKeepers(1);

        var sent = chain.Ok(chain[5], Calls.Delegate(chain[0]), value: 700UL);

        Assert.Equal((UInt256)700UL, StakingAbi.Delegate.DecodeResult(sent.Outcome.Output)[0].AsUInt256());
        Assert.Equal(((UInt256)700UL, (UInt256)700UL), Delegation(chain, chain[5], chain[0]));
        Assert.Equal((UInt256)1_700UL, chain.View(GetKeeper, AbiValue.Address(chain[0].Address))[7].AsUInt256());
        var log = Assert.Single(sent.Receipt.Logs);
        var args = Delegated.Decode(log.Topics, log.Data.Span);
        Assert.Equal(chain[5].Address, args[0].AsAddress());
        Assert.Equal(chain[0].Address, args[1].AsAddress());
    }

    [Fact]
    public void Delegate_without_value_reverts_with_ZeroAmount()
    {
        var chain = WithKeepers(1);

        chain.Fails(chain[5], Calls.Delegate(chain[0]), ZeroAmount);
    }

    [Fact]
    public void Delegate_to_an_unknown_keeper_reverts_with_KeeperNotFound()
    {
        var chain = WithKeepers(1);

        var args = chain.Fails(chain[5], Calls.Delegate(chain[4]), KeeperNotFound, value: 10UL);

        Assert.Equal(chain[4].Address, args[0].AsAddress());
    }

    [Fact]
    public void Delegating_to_more_than_maxDelegationsPerDelegator_keepers_reverts_with_TooManyDelegations()
    {
        var chain = WithKeepers(4);
        for (var i = 0; i < 3; i++)
        {
            chain.Ok(chain[6], Calls.Delegate(chain[i]), value: 10UL);
        }

        chain.Fails(chain[6], Calls.Delegate(chain[3]), TooManyDelegations, value: 10UL);
        chain.Ok(chain[6], Calls.Delegate(chain[0]), value: 10UL);
    }

    [Fact]
    public void Undelegate_moves_the_amount_into_an_unbonding_entry_completing_unbondingEpochs_later()
    {
        var chain = WithKeepers(1);
        chain.Ok(chain[5], Calls.Delegate(chain[0]), value: 700UL);
        var epoch = chain.ModuleEpoch;

        var sent = chain.Ok(chain[5], Calls.Undelegate(chain[0], 300UL));

        var result = Undelegate.DecodeResult(sent.Outcome.Output);
        Assert.Equal(epoch + 3, result[1].AsUInt64());
        var entry = chain.View(GetUnbonding, result[0]);
        Assert.True(entry[0].AsBool());
        Assert.Equal(chain[5].Address, entry[1].AsAddress());
        Assert.Equal((UInt256)300UL, entry[3].AsUInt256());
        Assert.Equal(chain.Height, entry[4].AsUInt64());
        Assert.Equal((UInt256)400UL, Delegation(chain, chain[5], chain[0]).Amount);
        var totals = chain.View(GetTotals);
        Assert.Equal((UInt256)300UL, totals[1].AsUInt256());
    }

    [Fact]
    public void Unbonding_matures_at_its_completion_epoch_and_becomes_withdrawable()
    {
        var chain = WithKeepers(1);
        chain.Ok(chain[5], Calls.Delegate(chain[0]), value: 700UL);
        var completion = Undelegate.DecodeResult(chain.Ok(chain[5], Calls.Undelegate(chain[0], 300UL)).Outcome.Output)[1].AsUInt64();

        chain.AdvanceToEpoch(completion - 1);
        Assert.True(chain.View(GetWithdrawable, AbiValue.Address(chain[5].Address))[0].AsUInt256().IsZero);
        chain.AdvanceToEpoch(completion);

        Assert.Equal((UInt256)300UL, chain.View(GetWithdrawable, AbiValue.Address(chain[5].Address))[0].AsUInt256());
        Assert.Contains(chain.AllLogs, l => l.Topics[0] == UnbondingMatured.Topic0);
        Assert.False(chain.View(GetUnbonding, AbiValue.UInt(1UL))[0].AsBool());
    }

    [Fact]
    public void Withdraw_pays_matured_funds_to_the_delegator()
    {
        var chain = WithKeepers(1);
        chain.Ok(chain[5], Calls.Delegate(chain[0]), value: 700UL);
        chain.Ok(chain[5], Calls.Undelegate(chain[0], 700UL));
        chain.AdvanceEpochs(3);
        var before = chain.Balance(chain[5]);

        var sent = chain.Ok(chain[5], Calls.Withdraw());

        Assert.Equal((UInt256)700UL, Withdraw.DecodeResult(sent.Outcome.Output)[0].AsUInt256());
        Assert.Equal(before + 700UL - (sent.Outcome.GasUsed * 2UL), chain.Balance(chain[5]));
        Assert.Equal(Withdrawn.Topic0, Assert.Single(sent.Receipt.Logs).Topics[0]);
        chain.Fails(chain[5], Calls.Withdraw(), NothingToWithdraw);
    }

    [Fact]
    public void Withdraw_before_maturity_reverts_with_NothingToWithdraw()
    {
        var chain = WithKeepers(1);
        chain.Ok(chain[5], Calls.Delegate(chain[0]), value: 700UL);
        chain.Ok(chain[5], Calls.Undelegate(chain[0], 700UL));

        chain.Fails(chain[5], Calls.Withdraw(), NothingToWithdraw);
    }

    [Fact]
    public void Undelegating_the_whole_delegation_removes_it_from_both_indexes()
    {
        var chain = WithKeepers(1);
        chain.Ok(chain[5], Calls.Delegate(chain[0]), value: 700UL);

        chain.Ok(chain[5], Calls.Undelegate(chain[0], 700UL));

        Assert.Empty(chain.View(GetDelegatorKeepers, AbiValue.Address(chain[5].Address))[0].AsList());
        Assert.Equal(1UL, chain.View(GetKeeper, AbiValue.Address(chain[0].Address))[10].AsUInt64());
    }

    [Fact]
    public void Undelegate_more_than_delegated_reverts_with_InsufficientDelegation()
    {
        var chain = WithKeepers(1);
        chain.Ok(chain[5], Calls.Delegate(chain[0]), value: 700UL);

        var args = chain.Fails(chain[5], Calls.Undelegate(chain[0], 701UL), InsufficientDelegation);

        Assert.Equal((UInt256)700UL, args[1].AsUInt256());
    }

    [Fact]
    public void Only_the_delegator_moves_its_delegation()
    {
        var chain = WithKeepers(1);
        chain.Ok(chain[5], Calls.Delegate(chain[0]), value: 700UL);

        var args = chain.Fails(chain[6], Calls.Undelegate(chain[0], 100UL), DelegationNotFound);

        Assert.Equal(chain[6].Address, args[0].AsAddress());
        Assert.Equal((UInt256)700UL, Delegation(chain, chain[5], chain[0]).Amount);
    }

    [Fact]
    public void More_than_maxEntries_immature_unbondings_per_pair_revert_with_TooManyEntries()
    {
        var chain = WithKeepers(1);
        chain.Ok(chain[5], Calls.Delegate(chain[0]), value: 700UL);
        for (var i = 0; i < 3; i++)
        {
            chain.Ok(chain[5], Calls.Undelegate(chain[0], 10UL));
        }

        chain.Fails(chain[5], Calls.Undelegate(chain[0], 10UL), TooManyEntries);
    }

    [Fact]
    public void Redelegate_moves_stake_between_keepers_without_unbonding()
    {
        var chain = WithKeepers(2);
        chain.Ok(chain[5], Calls.Delegate(chain[0]), value: 700UL);

        var sent = chain.Ok(chain[5], Calls.Redelegate(chain[0], chain[1], 200UL));

        Assert.Equal((UInt256)500UL, Delegation(chain, chain[5], chain[0]).Amount);
        Assert.Equal((UInt256)200UL, Delegation(chain, chain[5], chain[1]).Amount);
        Assert.True(chain.View(GetTotals)[1].AsUInt256().IsZero);
        var id = Redelegate.DecodeResult(sent.Outcome.Output)[0];
        var entry = chain.View(GetRedelegation, id);
        Assert.Equal(chain[0].Address, entry[2].AsAddress());
        Assert.Equal(chain[1].Address, entry[3].AsAddress());
        Assert.Equal(Redelegated.Topic0, Assert.Single(sent.Receipt.Logs).Topics[0]);
    }

    [Fact]
    public void Redelegating_onward_from_an_immature_redelegation_destination_reverts_with_TransitiveRedelegation()
    {
        var chain = WithKeepers(3);
        chain.Ok(chain[5], Calls.Delegate(chain[0]), value: 700UL);
        chain.Ok(chain[5], Calls.Redelegate(chain[0], chain[1], 200UL));

        var args = chain.Fails(chain[5], Calls.Redelegate(chain[1], chain[2], 100UL), TransitiveRedelegation);

        Assert.Equal(chain[1].Address, args[0].AsAddress());
    }

    [Fact]
    public void Redelegating_onward_is_allowed_once_the_redelegation_matured()
    {
        var chain = WithKeepers(3);
        chain.Ok(chain[5], Calls.Delegate(chain[0]), value: 700UL);
        var completion = Redelegate.DecodeResult(chain.Ok(chain[5], Calls.Redelegate(chain[0], chain[1], 200UL)).Outcome.Output)[1].AsUInt64();

        chain.AdvanceToEpoch(completion);

        chain.Ok(chain[5], Calls.Redelegate(chain[1], chain[2], 100UL));
        Assert.Contains(chain.AllLogs, l => l.Topics[0] == RedelegationMatured.Topic0);
    }

    [Fact]
    public void The_hop_rule_is_per_delegator()
    {
        var chain = WithKeepers(3);
        chain.Ok(chain[5], Calls.Delegate(chain[0]), value: 700UL);
        chain.Ok(chain[5], Calls.Redelegate(chain[0], chain[1], 200UL));
        chain.Ok(chain[6], Calls.Delegate(chain[1]), value: 300UL);

        chain.Ok(chain[6], Calls.Redelegate(chain[1], chain[2], 300UL));
    }

    [Fact]
    public void Redelegating_to_the_same_keeper_reverts_with_SelfRedelegation()
    {
        var chain = WithKeepers(1);
        chain.Ok(chain[5], Calls.Delegate(chain[0]), value: 700UL);

        chain.Fails(chain[5], Calls.Redelegate(chain[0], chain[0], 100UL), SelfRedelegation);
    }

    [Fact]
    public void Redelegating_to_a_keeper_that_left_reverts_with_KeeperHasLeft()
    {
        var chain = WithKeepers(2);
        chain.Ok(chain[5], Calls.Delegate(chain[0]), value: 700UL);
        chain.Ok(chain[1], Calls.Leave());

        chain.Fails(chain[5], Calls.Redelegate(chain[0], chain[1], 100UL), KeeperHasLeft);
    }

    [Fact]
    public void Delegators_of_a_keeper_that_left_can_still_undelegate()
    {
        var chain = WithKeepers(1);
        chain.Ok(chain[5], Calls.Delegate(chain[0]), value: 700UL);
        chain.Ok(chain[0], Calls.Leave());

        chain.Ok(chain[5], Calls.Undelegate(chain[0], 700UL));

        Assert.True(chain.View(GetKeeper, AbiValue.Address(chain[0].Address))[7].AsUInt256().IsZero);
    }

    [Fact]
    public void A_failed_call_leaves_balances_except_the_fee_and_records_unchanged()
    {
        var chain = WithKeepers(1);
        var before = chain.Balance(chain[5]);

        var sent = chain.Send(chain[5], Calls.Delegate(chain[4]), value: 500UL);

        Assert.False(sent.Outcome.Succeeded);
        Assert.Equal(before - (sent.Outcome.GasUsed * 2UL), chain.Balance(chain[5]));
        Assert.Equal((UInt256)1_000UL, chain.State.GetBalance(GposModule.Address));
    }

    [Fact]
    public void A_keeper_address_with_dirty_high_bytes_reverts_with_MalformedCalldata()
    {
        var chain = WithKeepers(1);
        var call = Calls.Delegate(chain[0]);
        call[4] = 0xff;

        var args = chain.Fails(chain[5], call, MalformedCalldata, value: 10UL);

        Assert.Equal(StakingAbi.Delegate.Selector.ToArray(), args[0].AsBytes());
    }
}
