using Aro.Core;

namespace Aro.Modules.Gpow.Tests;

public class ScoringTests
{
    [Fact]
    public void Score_is_the_published_formula_over_the_median_of_each_verdict_field()
    {
        using var chain = Judged(out var edge);

        // Medians: residential (50) × quality 1.0 (1 change) × uptime 0.9 × stability 1.0 × bandwidth 1.0 (20 Mbps) × NAT 1.5.
        Assert.Equal((UInt256)67_500_000, chain.Score(edge, 0));
        Assert.Equal(3u, chain.Result(edge, 0).Verdicts);
    }

    [Fact]
    public void Keeper_far_from_the_median_is_recorded_and_earns_no_verified_work()
    {
        using var chain = Judged(out var edge);
        var deviated = Assert.Single(chain.Events(Scenario.Event("KeeperDeviated")));

        Assert.Equal(chain.Keepers[2].Address, deviated[0].AsAddress());
        Assert.Equal((UInt256)28_500_000, deviated[3].AsUInt256());
        Assert.Equal(UInt256.Zero, chain.Reader.KeeperWork(chain.Keepers[2].Address, 0));
    }

    [Fact]
    public void Verified_work_of_a_keeper_is_the_sum_of_scores_it_vouched_for_in_agreement()
    {
        using var chain = Judged(out var edge);
        var work = new GpowWork(chain);

        Assert.Equal((UInt256)67_500_000, work.Of(chain.Keepers[0], 0, 5));
        Assert.Equal((UInt256)67_500_000, work.Of(chain.Keepers[1], 0, 5));
        Assert.Equal((UInt256)135_000_000, work.Total(0, 5));
        Assert.Equal(UInt256.Zero, work.Of(chain.Keepers[0], 1, 5));
    }

    [Fact]
    public void Edge_with_verdicts_below_quorum_scores_zero()
    {
        using var chain = new GpowChain();
        var edge = chain.Edges[0];
        chain.RegisterAll(edge);
        chain.ReportAll(0, edge);
        chain.Ok(chain.Keepers[0], Calls.Verdicts(0, Calls.On(edge)));
        chain.Finish(0);

        Assert.Equal(UInt256.Zero, chain.Score(edge, 0));
        Assert.Equal(1u, chain.Result(edge, 0).Verdicts);
    }

    [Fact]
    public void Consecutive_excellent_epochs_raise_the_stability_factor()
    {
        var p = GpowChain.TestParams with { StabilityFactors = [new(0, 1_000_000), new(1, 1_200_000)] };
        using var chain = new GpowChain(p);
        var edge = chain.Edges[0];
        chain.RegisterAll(edge);
        chain.ReportAll(0, edge);
        chain.JudgeAll(0, [edge], (_, e) => Calls.On(e));
        chain.ReportAll(1, edge);
        chain.JudgeAll(1, [edge], (_, e) => Calls.On(e));
        chain.Finish(1);

        Assert.Equal((UInt256)50_000_000, chain.Score(edge, 0));
        Assert.Equal((UInt256)60_000_000, chain.Score(edge, 1));
        Assert.Equal(2u, chain.Reader.Edge(edge.Address)!.ExcellentStreak);
    }

    // Three keepers judge one edge differently; keeper 2 (index) is the outlier.
    private static GpowChain Judged(out Account edge)
    {
        var chain = new GpowChain();
        var e = chain.Edges[0];
        edge = e;
        chain.RegisterAll(e);
        chain.ReportAll(0, e);
        chain.JudgeAll(0, [e], (keeper, _) =>
            keeper == chain.Keepers[0] ? Calls.On(e, ipClass: 2, ipChanges: 0, uploadMbps: 20, natOpen: true, uptimePpm: 900_000)
            : keeper == chain.Keepers[1] ? Calls.On(e, ipClass: 3, ipChanges: 3, uploadMbps: 60, natOpen: true, uptimePpm: 800_000)
            : Calls.On(e, ipClass: 1, ipChanges: 1, uploadMbps: 10, natOpen: false, uptimePpm: 950_000));
        chain.Finish(0);
        return chain;
    }
}
