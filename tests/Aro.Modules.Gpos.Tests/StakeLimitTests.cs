using Aro.Core;
using Aro.Core.Abi;
using Aro.Modules.Gpos.Guarantee;
using Aro.Modules.Gpos.State;
using static Aro.Modules.Gpos.Abi.SettlementAbi;
using static Aro.Modules.Gpos.Abi.StakingAbi;

namespace Aro.Modules.Gpos.Tests;

public class StakeLimitTests
{
    private static readonly GposParams WorkParams = GposChain.TestParams with
    {
        BootstrapEpochs = 0,
        BootstrapAllowance = 500,
        TotalStakeLimit = 4_000,
        WorkPeriodEpochs = 2,
    };

    private static (Address Keeper, UInt256 Power)[] ActiveSet(GposChain chain)
    {
        var view = chain.View(GetActiveSet);
        var keepers = view[0].AsList();
        var powers = view[1].AsList();
        return [.. keepers.Select((k, i) => (k.AsAddress(), powers[i].AsUInt256()))];
    }

    private static (UInt256 Work, UInt256 Limit) Limit(GposChain chain, Account keeper, ulong epoch)
    {
        var view = chain.View(GetStakeLimit, AbiValue.Address(keeper.Address), AbiValue.UInt(epoch));
        return (view[0].AsUInt256(), view[1].AsUInt256());
    }

    private static GposChain RegisteredChain(GposParams p, FakeVerifiedWork? work, params ulong[] stakes)
    {
        var chain = new GposChain(p, module: new GposModule(work));
        chain.Block([.. stakes.Select((stake, i) => chain.Tx(chain[i], Calls.Register(chain[i]), stake))]);
        return chain;
    }

    [Fact]
    public void Without_a_work_source_every_keeper_is_limited_to_the_bootstrap_allowance()
    {
        var chain = RegisteredChain(WorkParams with { BootstrapAllowance = 1_500 }, null, 3_000, 1_200);

        chain.AdvanceEpochs(1);

        Assert.Equal([(chain[0].Address, (UInt256)1_500UL), (chain[1].Address, (UInt256)1_200UL)], ActiveSet(chain));
        Assert.Equal(((UInt256)0UL, (UInt256)1_500UL), Limit(chain, chain[0], chain.ModuleEpoch));
    }

    [Fact]
    public void Verified_work_shares_out_the_total_stake_limit_and_power_is_the_effective_stake()
    {
        var work = new FakeVerifiedWork();
        var chain = RegisteredChain(WorkParams, work, 5_000, 5_000);
        work.Work[chain[0].Address] = 3;
        work.Work[chain[1].Address] = 1;

        chain.AdvanceEpochs(2);

        Assert.Equal([(chain[0].Address, (UInt256)3_000UL), (chain[1].Address, (UInt256)1_000UL)], ActiveSet(chain));
        Assert.Equal(((UInt256)3UL, (UInt256)3_000UL), Limit(chain, chain[0], chain.ModuleEpoch));
        Assert.Equal(((UInt256)1UL, (UInt256)1_000UL), Limit(chain, chain[1], chain.ModuleEpoch));
    }

    [Fact]
    public void Stake_below_the_limit_counts_in_full()
    {
        var work = new FakeVerifiedWork();
        var chain = RegisteredChain(WorkParams, work, 1_000);
        work.Work[chain[0].Address] = 1;

        chain.AdvanceEpochs(1);

        Assert.Equal([(chain[0].Address, (UInt256)1_000UL)], ActiveSet(chain));
    }

    [Fact]
    public void After_bootstrap_a_keeper_without_verified_work_stays_out_of_the_set()
    {
        var work = new FakeVerifiedWork();
        var chain = RegisteredChain(WorkParams, work, 2_000, 2_000);
        work.Work[chain[0].Address] = 7;

        chain.AdvanceEpochs(1);

        Assert.Equal([chain[0].Address], ActiveSet(chain).Select(e => e.Keeper));
        Assert.Equal(KeeperStatus.Unbonded, (KeeperStatus)chain.View(GetKeeper, AbiValue.Address(chain[1].Address))[3].AsUInt64());
    }

    [Fact]
    public void While_bootstrapping_a_keeper_without_work_still_gets_the_allowance()
    {
        var work = new FakeVerifiedWork();
        var chain = RegisteredChain(WorkParams with { BootstrapEpochs = 100 }, work, 2_000, 2_000);
        work.Work[chain[0].Address] = 7;

        chain.AdvanceEpochs(1);

        Assert.Equal([(chain[0].Address, (UInt256)2_000UL), (chain[1].Address, (UInt256)500UL)], ActiveSet(chain));
    }

    [Fact]
    public void The_work_period_is_the_last_workPeriodEpochs_epochs_before_the_new_one()
    {
        var work = new FakeVerifiedWork();
        var chain = RegisteredChain(WorkParams, work, 1_000);

        chain.AdvanceToEpoch(4);

        Assert.Equal([(0UL, 0UL), (0UL, 1UL), (1UL, 2UL), (2UL, 3UL)], work.Windows);
    }

    [Fact]
    public void The_epoch_record_holds_total_work_and_the_total_stake_limit()
    {
        var work = new FakeVerifiedWork();
        var chain = RegisteredChain(WorkParams, work, 1_000);
        work.Work[chain[0].Address] = 9;

        chain.AdvanceEpochs(1);

        var stored = new StakingStore(new WritableRecordStore(chain.State.GetModuleStore(GposModule.Address))).Records.Get(GposKeys.Of(GposKeys.EpochStakeLimits, chain.ModuleEpoch));
        var r = new RecordReader(stored);
        Assert.Equal((UInt256)9UL, r.UInt256());
        Assert.Equal((UInt256)4_000UL, r.UInt256());
    }

    [Theory]
    [InlineData(1, 4, false, 1_000)]
    [InlineData(0, 4, false, 0)]
    [InlineData(0, 4, true, 500)]
    [InlineData(0, 0, false, 0)]
    [InlineData(9, 4, false, 4_000)]
    [InlineData(3, 4, true, 3_000)]
    public void Limit_is_the_work_share_of_the_total_raised_to_the_allowance_while_bootstrapping(ulong work, ulong total, bool bootstrap, ulong expected)
    {
        Assert.Equal((UInt256)expected, StakeLimiter.Limit(work, total, WorkParams, bootstrap));
    }
}
