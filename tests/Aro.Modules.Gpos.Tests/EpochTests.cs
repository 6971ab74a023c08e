using Aro.Core;
using Aro.Core.Abi;
using Aro.Modules.Gpos.State;
using static Aro.Modules.Gpos.Abi.StakingAbi;

namespace Aro.Modules.Gpos.Tests;

public class EpochTests
{
    private static KeeperStatus Status(GposChain chain, Account keeper) =>
        (KeeperStatus)chain.View(GetKeeper, AbiValue.Address(keeper.Address))[3].AsUInt64();

    private static Address[] ActiveSet(GposChain chain) => [.. chain.View(GetActiveSet)[0].AsList().Select(v => v.AsAddress())];

    [Fact]
    public void The_epoch_advances_in_the_end_block_of_the_last_block_of_an_epoch()
    {
        var chain = new GposChain();

        chain.Block();
        chain.Block();
        Assert.Equal(0UL, chain.ModuleEpoch);
        var result = chain.Block();

        Assert.Equal(1UL, chain.ModuleEpoch);
        var started = Assert.Single(result.BlockEvents, l => l.Topics[0] == EpochStarted.Topic0);
        Assert.Equal(1UL, EpochStarted.Decode(started.Topics, started.Data.Span)[0].AsUInt64());
        Assert.Equal(8UL, chain.View(GetEpoch)[2].AsUInt64());
    }

    [Fact]
    public void A_registered_keeper_becomes_Bonded_at_the_next_epoch()
    {
        var chain = new GposChain();
        chain.Ok(chain[0], Calls.Register(chain[0]), value: 1_000UL);
        Assert.Equal(KeeperStatus.Unbonded, Status(chain, chain[0]));

        chain.AdvanceEpochs(1);

        Assert.Equal(KeeperStatus.Bonded, Status(chain, chain[0]));
        Assert.Equal([chain[0].Address], ActiveSet(chain));
    }

    [Fact]
    public void The_active_set_is_the_top_maxValidators_by_stake_ordered_by_power()
    {
        var chain = new GposChain();
        UInt256[] stakes = [1_000UL, 4_000UL, 2_000UL, 3_000UL];
        chain.Block([.. Enumerable.Range(0, 4).Select(i => chain.Tx(chain[i], Calls.Register(chain[i]), stakes[i]))]);

        chain.AdvanceEpochs(1);

        Assert.Equal([chain[1].Address, chain[3].Address, chain[2].Address], ActiveSet(chain));
        Assert.Equal(KeeperStatus.Unbonded, Status(chain, chain[0]));
    }

    [Fact]
    public void Equal_stake_is_ordered_by_ascending_address()
    {
        var chain = new GposChain();
        for (var i = 0; i < 4; i++)
        {
            chain.Ok(chain[i], Calls.Register(chain[i]), value: 1_000UL);
        }

        chain.AdvanceEpochs(1);

        var expected = chain.Accounts.Take(4).Select(a => a.Address).Order().Take(3).ToArray();
        Assert.Equal(expected, ActiveSet(chain));
    }

    [Fact]
    public void A_keeper_pushed_out_of_the_set_is_Unbonding_then_Unbonded_after_unbondingEpochs()
    {
        var chain = new GposChain();
        for (var i = 0; i < 3; i++)
        {
            chain.Ok(chain[i], Calls.Register(chain[i]), value: 1_000UL);
        }

        chain.AdvanceEpochs(1);
        var weakest = ActiveSet(chain)[^1];
        var weakestAccount = chain.Accounts.First(a => a.Address == weakest);
        chain.Ok(chain[3], Calls.Register(chain[3]), value: 5_000UL);
        chain.AdvanceEpochs(1);
        Assert.Equal(KeeperStatus.Unbonding, Status(chain, weakestAccount));

        chain.AdvanceEpochs(2);
        Assert.Equal(KeeperStatus.Unbonding, Status(chain, weakestAccount));
        chain.AdvanceEpochs(1);

        Assert.Equal(KeeperStatus.Unbonded, Status(chain, weakestAccount));
    }

    [Fact]
    public void An_unbonding_keeper_that_regains_a_seat_is_Bonded_and_its_old_completion_is_ignored()
    {
        var chain = new GposChain();
        for (var i = 0; i < 3; i++)
        {
            chain.Ok(chain[i], Calls.Register(chain[i]), value: 1_000UL);
        }

        chain.AdvanceEpochs(1);
        var weakest = chain.Accounts.First(a => a.Address == ActiveSet(chain)[^1]);
        chain.Ok(chain[3], Calls.Register(chain[3]), value: 5_000UL);
        chain.AdvanceEpochs(1);
        chain.Ok(chain[6], Calls.Delegate(weakest), value: 10_000UL);
        chain.AdvanceEpochs(1);
        Assert.Equal(KeeperStatus.Bonded, Status(chain, weakest));

        chain.AdvanceEpochs(3);

        Assert.Equal(KeeperStatus.Bonded, Status(chain, weakest));
    }

    [Fact]
    public void A_keeper_that_left_drops_out_of_the_set_at_the_next_epoch()
    {
        var chain = new GposChain();
        chain.Ok(chain[0], Calls.Register(chain[0]), value: 1_000UL);
        chain.Ok(chain[1], Calls.Register(chain[1]), value: 1_000UL);
        chain.AdvanceEpochs(1);

        chain.Ok(chain[0], Calls.Leave());
        chain.AdvanceEpochs(1);

        Assert.Equal(KeeperStatus.Unbonding, Status(chain, chain[0]));
        Assert.Equal([chain[1].Address], ActiveSet(chain));
    }

    [Fact]
    public void Status_changes_are_announced_with_KeeperStatusChanged()
    {
        var chain = new GposChain();
        chain.Ok(chain[0], Calls.Register(chain[0]), value: 1_000UL);

        chain.AdvanceEpochs(1);

        var log = Assert.Single(chain.AllLogs, l => l.Topics[0] == KeeperStatusChanged.Topic0);
        var args = KeeperStatusChanged.Decode(log.Topics, log.Data.Span);
        Assert.Equal(chain[0].Address, args[0].AsAddress());
        Assert.Equal((ulong)KeeperStatus.Unbonded, args[1].AsUInt64());
        Assert.Equal((ulong)KeeperStatus.Bonded, args[2].AsUInt64());
    }

    [Fact]
    public void Unbondings_of_one_epoch_mature_together_in_queue_order()
    {
        var chain = new GposChain();
        chain.Ok(chain[0], Calls.Register(chain[0]), value: 1_000UL);
        chain.Block(
            chain.Tx(chain[5], Calls.Delegate(chain[0]), 100UL),
            chain.Tx(chain[6], Calls.Delegate(chain[0]), 100UL));
        chain.Block(
            chain.Tx(chain[6], Calls.Undelegate(chain[0], 40UL)),
            chain.Tx(chain[5], Calls.Undelegate(chain[0], 30UL)));

        chain.AdvanceEpochs(3);

        var matured = chain.AllLogs.Where(l => l.Topics[0] == UnbondingMatured.Topic0)
            .Select(l => UnbondingMatured.Decode(l.Topics, l.Data.Span)).ToArray();
        Assert.Equal([chain[6].Address, chain[5].Address], matured.Select(m => m[1].AsAddress()));
        Assert.Equal([(UInt256)40UL, (UInt256)30UL], matured.Select(m => m[3].AsUInt256()));
    }
}
