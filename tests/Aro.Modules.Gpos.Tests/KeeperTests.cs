using Aro.Core;
using Aro.Core.Abi;
using Aro.Modules.Gpos.Abi;
using Aro.Modules.Gpos.State;
using static Aro.Modules.Gpos.Abi.StakingAbi;

namespace Aro.Modules.Gpos.Tests;

public class KeeperTests
{
    private static byte[] RegisterCall(Account who, ushort commission = 500, string moniker = "keeper", string region = "eu-west", byte[]? key = null) =>
        Register.EncodeCall(AbiValue.Bytes(key ?? who.ConsensusKey), AbiValue.UInt(commission), AbiValue.String(moniker), AbiValue.String(region));

    private static byte[] EditCall(ushort commission, string moniker = "keeper", string region = "eu-west") =>
        EditKeeper.EncodeCall(AbiValue.UInt(commission), AbiValue.String(moniker), AbiValue.String(region));

    [Fact]
    public void Register_creates_a_keeper_whose_self_stake_is_the_value_sent()
    {
        var chain = new GposChain();
        var before = chain.Balance(chain[0]);

        var sent = chain.Ok(chain[0], RegisterCall(chain[0], moniker: "alpha", region: "ap-south-1"), value: 5_000UL);

        var k = chain.View(GetKeeper, AbiValue.Address(chain[0].Address));
        Assert.True(k[0].AsBool());
        Assert.Equal(chain[0].ConsensusKey, k[1].AsBytes());
        Assert.Equal(500UL, k[2].AsUInt64());
        Assert.Equal((ulong)KeeperStatus.Unbonded, k[3].AsUInt64());
        Assert.Equal((UInt256)5_000UL, k[7].AsUInt256());
        Assert.Equal((UInt256)5_000UL, k[9].AsUInt256());
        Assert.Equal("alpha", k[11].AsString());
        Assert.Equal("ap-south-1", k[12].AsString());
        Assert.Equal(before - 5_000UL - (sent.Outcome.GasUsed * 2UL), chain.Balance(chain[0]));
    }

    [Fact]
    public void Register_emits_KeeperRegistered_then_Delegated_for_the_self_stake()
    {
        var chain = new GposChain();

        var logs = chain.Ok(chain[0], RegisterCall(chain[0]), value: 2_000UL).Receipt.Logs;

        Assert.Equal(2, logs.Length);
        Assert.Equal(KeeperRegistered.Topic0, logs[0].Topics[0]);
        var registered = KeeperRegistered.Decode(logs[0].Topics, logs[0].Data.Span);
        Assert.Equal(chain[0].Address, registered[0].AsAddress());
        Assert.Equal((UInt256)2_000UL, registered[5].AsUInt256());
        var delegated = Delegated.Decode(logs[1].Topics, logs[1].Data.Span);
        Assert.Equal(chain[0].Address, delegated[0].AsAddress());
        Assert.Equal(chain[0].Address, delegated[1].AsAddress());
    }

    [Fact]
    public void Register_below_the_minimum_self_stake_reverts_with_SelfStakeBelowMinimum()
    {
        var chain = new GposChain();

        var args = chain.Fails(chain[0], RegisterCall(chain[0]), SelfStakeBelowMinimum, value: 999UL);

        Assert.Equal((UInt256)999UL, args[0].AsUInt256());
        Assert.Equal((UInt256)1_000UL, args[1].AsUInt256());
    }

    [Fact]
    public void Register_twice_reverts_with_KeeperExists()
    {
        var chain = new GposChain();
        chain.Ok(chain[0], RegisterCall(chain[0]), value: 1_000UL);

        chain.Fails(chain[0], RegisterCall(chain[0], key: chain[1].ConsensusKey), KeeperExists, value: 1_000UL);
    }

    [Fact]
    public void Register_with_another_keepers_consensus_key_reverts_with_ConsensusKeyInUse()
    {
        var chain = new GposChain();
        chain.Ok(chain[0], RegisterCall(chain[0]), value: 1_000UL);

        var args = chain.Fails(chain[1], RegisterCall(chain[1], key: chain[0].ConsensusKey), ConsensusKeyInUse, value: 1_000UL);

        Assert.Equal(chain[0].Address, args[0].AsAddress());
    }

    [Theory]
    [InlineData(33)]
    [InlineData(64)]
    [InlineData(65)]
    public void Register_with_a_malformed_consensus_key_reverts_with_InvalidConsensusKey(int length)
    {
        var chain = new GposChain();
        var key = new byte[length];
        key[0] = 0x04;
        key[^1] = 7; // x = 0 is not on secp256k1 for any y of this form

        chain.Fails(chain[0], RegisterCall(chain[0], key: key), InvalidConsensusKey, value: 1_000UL);
    }

    [Fact]
    public void Register_with_commission_above_the_maximum_reverts_with_CommissionTooHigh()
    {
        var chain = new GposChain();

        var args = chain.Fails(chain[0], RegisterCall(chain[0], commission: 5_001), CommissionTooHigh, value: 1_000UL);

        Assert.Equal(5_001UL, args[0].AsUInt64());
        Assert.Equal(5_000UL, args[1].AsUInt64());
    }

    [Theory]
    [InlineData("")]
    [InlineData("tab\there")]
    [InlineData("an-overly-long-moniker-that-goes-past-sixty-four-bytes-of-utf8-text!")]
    public void Register_with_an_invalid_moniker_reverts_with_InvalidMoniker(string moniker)
    {
        var chain = new GposChain();

        chain.Fails(chain[0], RegisterCall(chain[0], moniker: moniker), InvalidMoniker, value: 1_000UL);
    }

    [Theory]
    [InlineData("")]
    [InlineData("eu west")]
    [InlineData("région")]
    public void Register_with_an_invalid_region_reverts_with_InvalidRegion(string region)
    {
        var chain = new GposChain();

        chain.Fails(chain[0], RegisterCall(chain[0], region: region), InvalidRegion, value: 1_000UL);
    }

    [Fact]
    public void Register_beyond_maxKeepers_reverts_with_TooManyKeepers()
    {
        var chain = new GposChain();
        for (var i = 0; i < 6; i++)
        {
            chain.Ok(chain[i], RegisterCall(chain[i]), value: 1_000UL);
        }

        chain.Fails(chain[6], RegisterCall(chain[6]), TooManyKeepers, value: 1_000UL);
    }

    [Fact]
    public void Edit_changes_description_and_emits_KeeperEdited()
    {
        var chain = new GposChain();
        chain.Ok(chain[0], RegisterCall(chain[0]), value: 1_000UL);

        var log = Assert.Single(chain.Ok(chain[0], EditCall(500, "renamed", "us-east")).Receipt.Logs);

        Assert.Equal(KeeperEdited.Topic0, log.Topics[0]);
        var k = chain.View(GetKeeper, AbiValue.Address(chain[0].Address));
        Assert.Equal("renamed", k[11].AsString());
        Assert.Equal("us-east", k[12].AsString());
    }

    [Fact]
    public void Edit_by_an_account_that_is_not_a_keeper_reverts_with_KeeperNotFound()
    {
        var chain = new GposChain();
        chain.Ok(chain[0], RegisterCall(chain[0]), value: 1_000UL);

        var args = chain.Fails(chain[1], EditCall(500, "hijack"), KeeperNotFound);

        Assert.Equal(chain[1].Address, args[0].AsAddress());
        Assert.Equal("keeper", chain.View(GetKeeper, AbiValue.Address(chain[0].Address))[11].AsString());
    }

    [Fact]
    public void Commission_change_within_the_first_day_reverts_with_CommissionChangeTooSoon()
    {
        var chain = new GposChain();
        chain.Ok(chain[0], RegisterCall(chain[0], commission: 500), value: 1_000UL);

        var args = chain.Fails(chain[0], EditCall(600), CommissionChangeTooSoon);

        Assert.Equal(2UL, args[0].AsUInt64());
    }

    [Fact]
    public void Commission_change_after_commissionChangeEpochs_is_accepted()
    {
        var chain = new GposChain();
        chain.Ok(chain[0], RegisterCall(chain[0], commission: 500), value: 1_000UL);
        chain.AdvanceToEpoch(2);

        chain.Ok(chain[0], EditCall(600));

        Assert.Equal(600UL, chain.View(GetKeeper, AbiValue.Address(chain[0].Address))[2].AsUInt64());
        chain.Fails(chain[0], EditCall(500), CommissionChangeTooSoon);
    }

    [Fact]
    public void Commission_step_larger_than_maxCommissionChangeBps_reverts_with_CommissionChangeTooLarge()
    {
        var chain = new GposChain();
        chain.Ok(chain[0], RegisterCall(chain[0], commission: 500), value: 1_000UL);
        chain.AdvanceToEpoch(2);

        var args = chain.Fails(chain[0], EditCall(601), CommissionChangeTooLarge);

        Assert.Equal([500UL, 601UL, 100UL], args.Select(a => a.AsUInt64()));
    }

    [Fact]
    public void Leave_unbonds_the_whole_self_stake_and_blocks_new_delegations()
    {
        var chain = new GposChain();
        chain.Ok(chain[0], RegisterCall(chain[0]), value: 3_000UL);

        var sent = chain.Ok(chain[0], LeaveKeeper.EncodeCall());

        var id = LeaveKeeper.DecodeResult(sent.Outcome.Output)[0].AsUInt256();
        var entry = chain.View(GetUnbonding, AbiValue.UInt(id));
        Assert.True(entry[0].AsBool());
        Assert.Equal((UInt256)3_000UL, entry[3].AsUInt256());
        Assert.Equal(KeeperLeft.Topic0, sent.Receipt.Logs[0].Topics[0]);
        Assert.True(chain.View(GetKeeper, AbiValue.Address(chain[0].Address))[6].AsBool());
        chain.Fails(chain[1], StakingAbi.Delegate.EncodeCall(AbiValue.Address(chain[0].Address)), KeeperHasLeft, value: 10UL);
        chain.Fails(chain[0], EditCall(500), KeeperHasLeft);
        chain.Fails(chain[0], LeaveKeeper.EncodeCall(), KeeperHasLeft);
    }

    [Fact]
    public void A_keeper_that_left_cannot_register_again()
    {
        var chain = new GposChain();
        chain.Ok(chain[0], RegisterCall(chain[0]), value: 1_000UL);
        chain.Ok(chain[0], LeaveKeeper.EncodeCall());

        chain.Fails(chain[0], RegisterCall(chain[0], key: chain[1].ConsensusKey), KeeperExists, value: 1_000UL);
    }

    [Fact]
    public void Self_undelegation_below_the_minimum_reverts_with_SelfStakeBelowMinimum()
    {
        var chain = new GposChain();
        chain.Ok(chain[0], RegisterCall(chain[0]), value: 1_500UL);

        var args = chain.Fails(chain[0], Undelegate.EncodeCall(AbiValue.Address(chain[0].Address), AbiValue.UInt(501UL)), SelfStakeBelowMinimum);

        Assert.Equal((UInt256)999UL, args[0].AsUInt256());
        chain.Ok(chain[0], Undelegate.EncodeCall(AbiValue.Address(chain[0].Address), AbiValue.UInt(500UL)));
    }

    [Fact]
    public void Value_sent_to_a_non_payable_method_reverts_with_UnexpectedValue()
    {
        var chain = new GposChain();
        chain.Ok(chain[0], RegisterCall(chain[0]), value: 1_000UL);

        var args = chain.Fails(chain[0], EditCall(500), UnexpectedValue, value: 7UL);

        Assert.Equal((UInt256)7UL, args[0].AsUInt256());
    }

    [Fact]
    public void Truncated_calldata_reverts_with_MalformedCalldata_naming_the_selector()
    {
        var chain = new GposChain();
        var call = RegisterCall(chain[0]);

        var args = chain.Fails(chain[0], call[..40], MalformedCalldata, value: 1_000UL);

        Assert.Equal(Register.Selector.ToArray(), args[0].AsBytes());
    }

    [Fact]
    public void Out_of_range_uint16_commission_reverts_with_MalformedCalldata()
    {
        var chain = new GposChain();
        var call = RegisterCall(chain[0]);
        call[4 + 32 + 29] = 0x01; // high bytes of the uint16 word

        chain.Fails(chain[0], call, MalformedCalldata, value: 1_000UL);
    }

    [Fact]
    public void Plain_value_transfer_to_the_module_is_refused()
    {
        var chain = new GposChain();

        var sent = chain.Send(chain[0], [], value: 100UL);

        Assert.False(sent.Outcome.Succeeded);
        Assert.True(chain.State.GetBalance(GposModule.Address).IsZero);
    }
}
