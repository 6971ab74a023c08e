using Aro.Core;
using static Aro.Modules.Gpow.Abi.WorkProofAbi;

namespace Aro.Modules.Gpow.Tests;

public class SettlementTests
{
    private static readonly UInt256 Pool = 1_000_003;

    [Fact]
    public void Edge_pool_is_split_in_proportion_to_scores_with_floor_dust_carried_to_the_next_pool()
    {
        using var chain = Settled(GpowChain.TestParams);
        var scores = chain.Edges.Select(e => chain.Score(e, 0)).ToArray();
        var total = scores.Aggregate(UInt256.Zero, (a, b) => a + b);

        UInt256 paid = 0;
        for (var i = 0; i < chain.Edges.Length; i++)
        {
            var expected = Pool * scores[i] / total;
            Assert.Equal(expected, chain.Result(chain.Edges[i], 0).Reward);
            paid += expected;
        }

        var settled = Assert.Single(chain.Events(EdgeRewardsSettled));
        Assert.Equal(paid, settled[2].AsUInt256());
        Assert.Equal(Pool - paid, settled[3].AsUInt256());
        chain.AdvanceTo(chain.At(2, 0));
        Assert.Equal(Pool + (Pool - paid), chain.Reader.Epoch(1).Pool);
    }

    [Fact]
    public void Claim_pays_the_settled_rewards_once()
    {
        using var chain = Settled(GpowChain.TestParams);
        var edge = chain.Edges[0];
        var reward = chain.Result(edge, 0).Reward;
        var before = chain.Balance(edge);

        var sent = chain.Ok(edge, Calls.Claim());

        Assert.Equal(reward, ClaimEdgeRewards.DecodeResult(sent.Outcome.Output)[0].AsUInt256());
        Assert.Equal(before + reward - (sent.Outcome.GasUsed * sent.Outcome.EffectiveGasPrice), chain.Balance(edge));
        chain.Fails(edge, Calls.Claim(), NothingToClaim);
    }

    [Fact]
    public void Settlement_record_matches_a_recomputation_from_the_events()
    {
        using var chain = Settled(GpowChain.TestParams);
        var scored = chain.Events(EdgeScored).Where(e => e[1].AsUInt64() == 0).ToDictionary(e => e[0].AsAddress(), e => e[2].AsUInt256());
        var total = scored.Values.Aggregate(UInt256.Zero, (a, b) => a + b);
        var pool = Assert.Single(chain.Events(EdgePoolReceived), e => e[0].AsUInt64() == 0)[1].AsUInt256();

        foreach (var rewarded in chain.Events(EdgeRewarded))
        {
            Assert.Equal(pool * scored[rewarded[0].AsAddress()] / total, rewarded[2].AsUInt256());
        }

        Assert.Equal(scored.Count(s => !s.Value.IsZero), chain.Events(EdgeRewarded).Count());
    }

    [Fact]
    public void Paged_settlement_touches_at_most_a_page_of_edges_per_block_and_pays_the_same()
    {
        using var whole = Settled(GpowChain.TestParams);
        using var paged = new GpowChain(GpowChain.TestParams with { SettlementPageSize = 2 });
        Run(paged);
        var perBlock = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            paged.Block();
            perBlock.Add(paged.LastBlockEvents.Count(l => l.Topics[0] == EdgeScored.Topic0 || l.Topics[0] == EdgeRewarded.Topic0));
        }

        Assert.All(perBlock, n => Assert.InRange(n, 0, 2));
        Assert.True(paged.Reader.Epoch(0).Settled);
        Assert.Equal(whole.Edges.Select(e => whole.Result(e, 0).Reward), paged.Edges.Select(e => paged.Result(e, 0).Reward));
    }

    [Fact]
    public void Epoch_without_scores_carries_its_whole_pool()
    {
        using var chain = new GpowChain();
        chain.Registry.PoolPerEpoch = Pool;

        chain.Finish(0);

        Assert.True(chain.Reader.Epoch(0).Settled);
        Assert.Equal(Pool, chain.Reader.Totals.Carry);
    }

    [Fact]
    public void Same_blocks_give_the_same_state_root()
    {
        using var a = Settled(GpowChain.TestParams);
        using var b = Settled(GpowChain.TestParams);

        Assert.Equal(a.State.ComputeRoot(), b.State.ComputeRoot());
    }

    // Six edges with different IP classes and uptimes; every keeper agrees.
    private static GpowChain Settled(GpowParams p)
    {
        var chain = new GpowChain(p);
        Run(chain);
        chain.Finish(0);
        return chain;
    }

    private static void Run(GpowChain chain)
    {
        chain.Registry.PoolPerEpoch = Pool;
        chain.RegisterAll(chain.Edges);
        chain.ReportAll(0, chain.Edges);
        chain.JudgeAll(0, chain.Edges, (_, e) => Calls.On(e, ipClass: (byte)(e.Seed % 4), uptimePpm: (uint)(500_000 + (e.Seed * 70_000))));
        chain.AdvanceTo(chain.At(1, 7));
    }
}
