using Aro.Core;
using Aro.Modules.Gpos.Slashing;
using static Aro.Modules.Gpos.Abi.StakingAbi;

namespace Aro.Modules.Gpos.Tests;

/// <summary>Downtime with the test params: window 8 blocks, at most 4 missed, 1 % slash, jail for 1 epoch.</summary>
public class DowntimeTests
{
    private static readonly UInt256 Aro = SlashingHarness.Aro;

    /// <summary>Keeper 0 (10 ARO) stops signing from epoch 1 and the chain runs until it is jailed.</summary>
    internal static GposChain JailedChain(GposParams? parameters = null)
    {
        var chain = SlashingHarness.WithKeepers(3, parameters);
        chain.Offline.Add(chain[0].ConsensusAddress);
        while (chain.Events(Slashed).Length == 0)
        {
            Assert.True(chain.Height < 40, "keeper 0 was never slashed for downtime");
            chain.Block();
        }

        return chain;
    }

    [Fact]
    public void Missing_more_than_the_allowed_blocks_of_a_window_slashes_the_downtime_fraction()
    {
        var chain = JailedChain();

        var slashed = Assert.Single(chain.Events(Slashed));
        Assert.Equal(chain[0].Address, slashed[0].AsAddress());
        Assert.Equal((ulong)SlashReason.Downtime, slashed[1].AsUInt64());
        Assert.Equal(Aro / 10, slashed[3].AsUInt256());
        Assert.Equal((Aro * 10) - (Aro / 10), chain.Keeper(chain[0]).Tokens);
    }

    [Fact]
    public void Signers_are_known_by_their_recovered_address_not_by_the_commit_s_validator_index()
    {
        var chain = SlashingHarness.WithKeepers(3);
        chain.MisnumberedCommits = true;
        chain.Offline.Add(chain[0].ConsensusAddress);
        while (chain.Events(Slashed).Length == 0)
        {
            Assert.True(chain.Height < 40, "keeper 0 was never slashed for downtime");
            chain.Block();
        }

        var slashed = Assert.Single(chain.Events(Slashed));
        Assert.Equal(chain[0].Address, slashed[0].AsAddress());
        Assert.False(chain.Keeper(chain[1]).Jailed);
        Assert.False(chain.Keeper(chain[2]).Jailed);
    }

    [Fact]
    public void The_slash_comes_once_the_key_has_been_observed_for_a_whole_window()
    {
        var chain = JailedChain();

        // Block 4 carries the commit of block 3 (epoch 0, no set); blocks 5..12 observe 8 misses of blocks 4..11.
        Assert.Equal(12UL, chain.Height);
        Assert.Equal(11UL, chain.Events(Slashed)[0][2].AsUInt64());
    }

    [Fact]
    public void A_downtime_slash_jails_the_keeper_for_jailEpochs()
    {
        var chain = JailedChain();

        var keeper = chain.Keeper(chain[0]);
        var jailed = Assert.Single(chain.Events(Jailed));
        Assert.True(keeper.Jailed);
        Assert.False(keeper.Tombstoned);
        Assert.Equal(chain.ModuleEpoch + 1, keeper.JailedUntilEpoch);
        Assert.Equal(keeper.JailedUntilEpoch, jailed[1].AsUInt64());
    }

    [Fact]
    public void Missing_no_more_than_the_allowed_blocks_is_not_punished()
    {
        var chain = SlashingHarness.WithKeepers(3);
        chain.Offline.Add(chain[0].ConsensusAddress);
        for (var i = 0; i < 4; i++)
        {
            chain.Block();
        }

        chain.Offline.Clear();
        for (var i = 0; i < 12; i++)
        {
            chain.Block();
        }

        Assert.Empty(chain.Events(Slashed));
        Assert.False(chain.Keeper(chain[0]).Jailed);
    }

    [Fact]
    public void Signing_again_clears_missed_bits_as_the_window_rolls()
    {
        var chain = SlashingHarness.WithKeepers(3);
        chain.Offline.Add(chain[0].ConsensusAddress);
        chain.Block();
        chain.Block();
        chain.Block();
        var info = chain.Slashing().GetSigningInfo(chain[0].ConsensusAddress)!;
        Assert.Equal(2UL, info.MissedCounter);

        chain.Offline.Clear();
        for (var i = 0; i < 8; i++)
        {
            chain.Block();
        }

        Assert.Equal(0UL, chain.Slashing().GetSigningInfo(chain[0].ConsensusAddress)!.MissedCounter);
    }

    [Fact]
    public void A_jailed_keeper_leaves_the_validator_set_at_the_next_epoch()
    {
        var chain = JailedChain();

        chain.AdvanceEpochs(1);

        Assert.DoesNotContain(chain.Set(chain.ModuleEpoch).Members, m => m.Keeper == chain[0].Address);
        Assert.Equal(2, chain.Set(chain.ModuleEpoch).Members.Length);
    }

    [Fact]
    public void Slashed_wei_are_burnt_and_recorded_for_settlement_under_the_epoch()
    {
        var chain = JailedChain();

        var burnt = Aro / 10;
        Assert.Equal(burnt, chain.Slashing().Burned);
        Assert.Equal((1U, burnt), chain.Slashing().EpochSlashes(chain.ModuleEpoch));
        Assert.Equal(new SlashRecord(chain[0].Address, SlashReason.Downtime, 11, burnt), chain.Slashing().EpochSlash(chain.ModuleEpoch, 0));
        Assert.Equal(chain.Store().Totals.Sum, chain.State.GetBalance(GposModule.Address));
    }
}

public class UnjailTests
{
    private static readonly UInt256 Aro = SlashingHarness.Aro;

    [Fact]
    public void Unjail_after_the_jail_period_makes_the_keeper_a_member_of_the_next_set()
    {
        var chain = DowntimeTests.JailedChain();
        chain.Offline.Clear();
        chain.AdvanceToEpoch(chain.Keeper(chain[0]).JailedUntilEpoch);

        chain.Ok(chain[0], SlashingHarness.Unjail());
        chain.AdvanceEpochs(1);

        Assert.False(chain.Keeper(chain[0]).Jailed);
        Assert.Single(chain.Events(Unjailed));
        Assert.Contains(chain.Set(chain.ModuleEpoch).Members, m => m.Keeper == chain[0].Address);
    }

    [Fact]
    public void Unjail_restarts_the_liveness_window()
    {
        var chain = DowntimeTests.JailedChain();
        chain.Offline.Clear();
        chain.AdvanceToEpoch(chain.Keeper(chain[0]).JailedUntilEpoch);

        chain.Ok(chain[0], SlashingHarness.Unjail());

        var info = chain.Slashing().GetSigningInfo(chain[0].ConsensusAddress)!;
        Assert.Equal(0UL, info.MissedCounter);
        Assert.Equal(chain.Height, info.StartHeight);
    }

    [Fact]
    public void Unjail_before_the_jail_period_ends_reverts_JailPeriodNotOver()
    {
        var until = Reverts.With(() => DowntimeTests.JailedChain(), c => c[0], _ => SlashingHarness.Unjail(), JailPeriodNotOver);

        Assert.True(until[0].AsUInt64() > 0);
    }

    [Fact]
    public void Unjail_by_a_keeper_that_is_not_jailed_reverts_KeeperNotJailed()
    {
        Reverts.With(() => SlashingHarness.WithKeepers(2), c => c[1], _ => SlashingHarness.Unjail(), KeeperNotJailed);
    }

    [Fact]
    public void Unjail_by_an_account_that_is_no_keeper_reverts_KeeperNotFound()
    {
        Reverts.With(() => SlashingHarness.WithKeepers(2), c => c[6], _ => SlashingHarness.Unjail(), KeeperNotFound);
    }

    [Fact]
    public void Unjail_with_self_stake_below_the_minimum_after_the_slash_reverts_SelfStakeBelowMinimum()
    {
        GposChain Setup()
        {
            var chain = DowntimeTests.JailedChain(GposChain.TestParams with { MinSelfStake = Aro * 10 });
            chain.Offline.Clear();
            chain.AdvanceToEpoch(chain.Keeper(chain[0]).JailedUntilEpoch);
            return chain;
        }

        var error = Reverts.With(Setup, c => c[0], _ => SlashingHarness.Unjail(), SelfStakeBelowMinimum);

        Assert.Equal((Aro * 10) - (Aro / 10), error[0].AsUInt256());
    }

    [Fact]
    public void Unjail_by_a_tombstoned_keeper_reverts_KeeperTombstoned()
    {
        GposChain Setup()
        {
            var chain = SlashingHarness.WithKeepers(2);
            chain.Block();
            chain.Ok(chain[5], SlashingHarness.Evidence(SlashingHarness.DoubleSign(chain[1], chain.Height)));
            return chain;
        }

        Reverts.With(Setup, c => c[1], _ => SlashingHarness.Unjail(), KeeperTombstoned);
    }
}
