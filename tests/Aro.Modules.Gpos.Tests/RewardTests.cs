using Aro.Core;
using Aro.Core.Abi;
using Aro.Modules.Gpos.Rewards;
using Aro.Modules.Gpos.Settlement;
using static Aro.Modules.Gpos.Abi.SettlementAbi;

namespace Aro.Modules.Gpos.Tests;

/// <summary>
/// Rewards with <see cref="GposChain.RewardParams"/>: emission 1,000,000 wei per epoch (−10 % every 3 epochs),
/// community tax 5 %, keeper pool 20 % of the rest (all of it without an edge settlement). Keepers register
/// with 5 % commission; every block carries a commit signed by the epoch's set.
/// </summary>
public class RewardTests
{
    // Stakes in whole ARO: only keepers with consensus power (≥ 1 ARO) are in the 72 set that signs commits.
    private static readonly UInt256 Aro = UInt256.Parse("1000000000000000000");

    private static GposChain TwoKeepers(bool feesToModule = false, FakeEdgeSettlement? edge = null)
    {
        var chain = new GposChain(GposChain.RewardParams, funds: Aro * 1_000_000, feesToModule: feesToModule, module: new GposModule(edgeSettlement: edge));
        if (edge is not null)
        {
            chain.TrackAccount(edge.Account);
            edge.Balance = () => chain.State.GetBalance(edge.Account);
        }

        UInt256 stake0 = Aro * 1_000, stake1 = Aro * 3_000;
        chain.Block(chain.Tx(chain[0], Calls.Register(chain[0]), stake0), chain.Tx(chain[1], Calls.Register(chain[1]), stake1));
        chain.AdvanceToEpoch(1);
        return chain;
    }

    private static EpochSettlement Settlement(GposChain chain, ulong epoch) =>
        GposSettlements.GetSettlement(chain.State, epoch) ?? throw new InvalidOperationException($"epoch {epoch} not settled");

    private static KeeperSettlement Line(GposChain chain, ulong epoch, int i) => GposSettlements.GetKeeperSettlements(chain.State, epoch)[i];

    private static UInt256 Pending(GposChain chain, Account delegator, Account keeper) =>
        chain.View(PendingRewards, AbiValue.Address(delegator.Address), AbiValue.Address(keeper.Address))[0].AsUInt256();

    [Theory]
    [InlineData(0, 1_000_000)]
    [InlineData(2, 1_000_000)]
    [InlineData(3, 900_000)]
    [InlineData(6, 810_000)]
    [InlineData(9, 729_000)]
    public void Epoch_emission_decays_by_emissionDecayBps_every_epochsPerYear_epochs(ulong epoch, ulong expected)
    {
        Assert.Equal((UInt256)expected, RewardMath.Emission(GposChain.RewardParams, epoch));
    }

    [Fact]
    public void Emission_decay_rounds_down_each_year()
    {
        var p = GposChain.RewardParams with { InitialEpochEmission = 999, EmissionDecayBps = 1_000 };

        Assert.Equal((UInt256)809UL, RewardMath.Emission(p, 6)); // ⌊⌊999·0.9⌋·0.9⌋ = ⌊899·0.9⌋
    }

    [Fact]
    public void Each_epoch_mints_its_emission_into_the_module_and_counts_it_as_minted()
    {
        var chain = TwoKeepers();
        var before = chain.State.GetBalance(GposModule.Address);

        chain.AdvanceEpochs(1);

        Assert.Equal(before + 1_000_000UL, chain.State.GetBalance(GposModule.Address));
        Assert.Equal((UInt256)2_000_000UL, GposInvariants.Minted(chain.State));
        Assert.Equal((UInt256)1_000_000UL, Settlement(chain, 1).Minted);
    }

    [Fact]
    public void An_epoch_without_signed_blocks_moves_the_keeper_pool_to_the_community_pool()
    {
        var chain = TwoKeepers();

        var epoch0 = Settlement(chain, 0);

        Assert.Equal((UInt256)50_000UL, epoch0.CommunityTax);
        Assert.Equal((UInt256)950_000UL, epoch0.KeeperPool);
        Assert.Equal(0u, epoch0.KeeperCount);
        Assert.Equal((UInt256)1_000_000UL, chain.View(GetRewardTotals)[1].AsUInt256());
    }

    [Fact]
    public void The_keeper_pool_is_split_by_voting_power_times_blocks_signed()
    {
        var chain = TwoKeepers();

        chain.AdvanceEpochs(1);

        // powers 3000 and 1000, 3 signed blocks each (block 4 carries block 3's commit, of epoch 0's empty set): 3/4 and 1/4 of 950,000.
        Assert.Equal(Aro * 3_000, Line(chain, 1, 0).VotingPower);
        Assert.Equal(3UL, Line(chain, 1, 0).BlocksSigned);
        Assert.Equal((UInt256)712_500UL, Line(chain, 1, 0).Commission + Line(chain, 1, 0).DelegatorRewards);
        Assert.Equal((UInt256)237_500UL, Line(chain, 1, 1).Commission + Line(chain, 1, 1).DelegatorRewards);
    }

    [Fact]
    public void A_keeper_that_signs_no_block_earns_nothing()
    {
        var chain = TwoKeepers();
        chain.Offline.Add(chain[0].ConsensusAddress);

        chain.AdvanceEpochs(1);

        Assert.Equal(0UL, Line(chain, 1, 1).BlocksSigned);
        Assert.True((Line(chain, 1, 1).Commission + Line(chain, 1, 1).DelegatorRewards).IsZero);
        Assert.Equal((UInt256)950_000UL, Line(chain, 1, 0).Commission + Line(chain, 1, 0).DelegatorRewards);
    }

    [Fact]
    public void Commission_comes_first_and_the_rest_goes_to_delegators_pro_rata_to_shares()
    {
        var chain = TwoKeepers();
        chain.Ok(chain[2], Calls.Delegate(chain[0]), value: Aro * 3_000);
        chain.AdvanceEpochs(2);

        // Epoch 2: keeper 0 (4,000) and keeper 1 (3,000) signed 4 blocks each: 4/7 of 950,000 = 542,857.
        var line = Line(chain, 2, 0);
        Assert.Equal((UInt256)542_857UL, line.Commission + line.DelegatorRewards);
        Assert.Equal((UInt256)27_142UL, line.Commission); // 5 %
        var keeperPending = Pending(chain, chain[0], chain[0]);
        var delegatorPending = Pending(chain, chain[2], chain[0]);
        Assert.True(delegatorPending >= keeperPending * 3UL && delegatorPending <= (keeperPending * 3UL) + 2UL, $"{delegatorPending} vs 3 × {keeperPending}");
        Assert.True(keeperPending + delegatorPending <= line.DelegatorRewards + Line(chain, 1, 0).DelegatorRewards);
    }

    [Fact]
    public void A_new_delegator_earns_nothing_from_epochs_before_it_joined()
    {
        var chain = TwoKeepers();
        chain.AdvanceEpochs(1);

        chain.Ok(chain[2], Calls.Delegate(chain[1]), value: Aro * 3_000);

        Assert.True(Pending(chain, chain[2], chain[1]).IsZero);
        Assert.False(Pending(chain, chain[1], chain[1]).IsZero);
    }

    [Fact]
    public void ClaimRewards_pays_the_pending_rewards_and_emits_RewardsClaimed()
    {
        var chain = TwoKeepers();
        chain.AdvanceEpochs(1);
        var pending = Pending(chain, chain[1], chain[1]);
        var before = chain.Balance(chain[1]);

        var sent = chain.Ok(chain[1], Calls.ClaimRewards(chain[1]));

        Assert.Equal(pending, ClaimRewards.DecodeResult(sent.Outcome.Output)[0].AsUInt256());
        Assert.Equal(before + pending - (sent.Outcome.GasUsed * sent.Outcome.EffectiveGasPrice), chain.Balance(chain[1]));
        var log = Assert.Single(sent.Receipt.Logs);
        Assert.Equal(RewardsClaimed.Topic0, log.Topics[0]);
        Assert.True(Pending(chain, chain[1], chain[1]).IsZero);
    }

    [Fact]
    public void Claiming_twice_in_one_epoch_reverts_with_NothingToClaim()
    {
        var chain = TwoKeepers();
        chain.AdvanceEpochs(1);
        chain.Ok(chain[1], Calls.ClaimRewards(chain[1]));

        chain.Fails(chain[1], Calls.ClaimRewards(chain[1]), NothingToClaim);
    }

    [Fact]
    public void ClaimCommission_pays_the_keepers_accrued_commission()
    {
        var chain = TwoKeepers();
        chain.AdvanceEpochs(1);
        var commission = Line(chain, 1, 0).Commission;

        var sent = chain.Ok(chain[1], Calls.ClaimCommission());

        Assert.Equal(commission, ClaimCommission.DecodeResult(sent.Outcome.Output)[0].AsUInt256());
        Assert.Equal(CommissionClaimed.Topic0, Assert.Single(sent.Receipt.Logs).Topics[0]);
        Assert.Equal(commission, chain.View(GetClaims, AbiValue.Address(chain[1].Address), AbiValue.UInt(chain.ModuleEpoch))[1].AsUInt256());
    }

    [Fact]
    public void ClaimCommission_by_a_non_keeper_reverts_with_KeeperNotFound()
    {
        var chain = TwoKeepers();

        chain.Fails(chain[5], Calls.ClaimCommission(), Abi.StakingAbi.KeeperNotFound);
    }

    [Fact]
    public void A_delegation_change_settles_pending_rewards_into_withdrawable_funds()
    {
        var chain = TwoKeepers();
        chain.AdvanceEpochs(1);
        var pending = Pending(chain, chain[1], chain[1]);

        chain.Ok(chain[1], Calls.Delegate(chain[1]), value: Aro * 10);

        Assert.Equal(pending, chain.View(Abi.StakingAbi.GetWithdrawable, AbiValue.Address(chain[1].Address))[0].AsUInt256());
        Assert.True(Pending(chain, chain[1], chain[1]).IsZero);
    }

    [Fact]
    public void Fees_paid_to_the_module_are_counted_and_shared_out_with_the_epoch()
    {
        var chain = TwoKeepers(feesToModule: true);
        var fees = UInt256.Zero;
        for (var i = 0; i < 2; i++)
        {
            var sent = chain.Ok(chain[2], Calls.Delegate(chain[0]), value: Aro * 100);
            fees += sent.Outcome.GasUsed * (sent.Outcome.EffectiveGasPrice - GposChain.BaseFee);
        }

        Assert.Equal(fees, chain.View(GetRewardTotals)[4].AsUInt256());
        chain.AdvanceEpochs(1);

        Assert.Equal(fees, Settlement(chain, 1).Fees);
        Assert.True(chain.View(GetRewardTotals)[4].AsUInt256().IsZero);
    }

    [Fact]
    public void The_edge_pool_is_paid_into_the_edge_settlement_account_before_it_is_called()
    {
        var edge = new FakeEdgeSettlement();
        var chain = TwoKeepers(edge: edge);

        chain.AdvanceEpochs(1);

        // 1,000,000 − 5 % tax = 950,000; keepers 20 % = 190,000; edge 760,000.
        Assert.Equal((UInt256)760_000UL, Settlement(chain, 1).EdgePool);
        Assert.Equal((UInt256)190_000UL, Settlement(chain, 1).KeeperPool);
        Assert.Contains((1UL, (UInt256)760_000UL, (UInt256)1_520_000UL), edge.Settled);
        Assert.Equal((UInt256)1_520_000UL, chain.State.GetBalance(edge.Account));
    }

    [Fact]
    public void Unclaimed_rewards_commission_and_the_community_pool_add_up_to_the_module_balance_with_stake()
    {
        var chain = TwoKeepers(feesToModule: true);
        chain.Ok(chain[2], Calls.Delegate(chain[0]), value: Aro * 500);
        chain.AdvanceEpochs(2);
        chain.Ok(chain[2], Calls.ClaimRewards(chain[0]));

        var totals = chain.View(GetRewardTotals);
        var staking = chain.View(Abi.StakingAbi.GetTotals);
        var held = staking[0].AsUInt256() + staking[1].AsUInt256() + staking[2].AsUInt256()
            + totals[1].AsUInt256() + totals[2].AsUInt256() + totals[3].AsUInt256() + totals[4].AsUInt256();
        Assert.Equal(held, chain.State.GetBalance(GposModule.Address));
    }

    [Fact]
    public void Genesis_export_refuses_a_state_holding_reward_funds()
    {
        var chain = TwoKeepers();

        var error = Assert.Throws<InvalidOperationException>(() => Genesis.GposGenesis.Export(chain.State));

        Assert.Contains("unclaimed rewards", error.Message, StringComparison.Ordinal);
    }
}
