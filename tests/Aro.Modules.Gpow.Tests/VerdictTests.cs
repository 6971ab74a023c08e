using static Aro.Modules.Gpow.Abi.WorkProofAbi;

namespace Aro.Modules.Gpow.Tests;

public class VerdictTests
{
    [Fact]
    public void Every_edge_gets_k_distinct_keepers_from_the_epoch_snapshot()
    {
        using var chain = new GpowChain(keepers: 5);
        chain.RegisterAll(chain.Edges);

        foreach (var edge in chain.Edges)
        {
            var keepers = chain.Reader.AssignedKeepers(edge.Address, 0);
            Assert.Equal(3, keepers.Distinct().Count());
            Assert.All(keepers, k => Assert.Contains(k, chain.Registry.Keepers));
        }
    }

    [Fact]
    public void Verdict_from_an_account_that_is_not_a_keeper_reverts_NotAKeeper()
    {
        using var chain = Reported(out var edge);

        chain.Fails(chain.Edges[1], Calls.Verdicts(0, Calls.On(edge)), NotAKeeper);
    }

    [Fact]
    public void Verdict_from_a_keeper_not_assigned_to_the_edge_reverts_NotAssigned()
    {
        using var chain = Reported(out var edge, keepers: 5);
        var assigned = chain.Reader.AssignedKeepers(edge.Address, 0);
        var outsider = chain.Keepers.First(k => !assigned.Contains(k.Address));

        chain.Fails(outsider, Calls.Verdicts(0, Calls.On(edge)), NotAssigned);
    }

    [Fact]
    public void Second_verdict_of_a_keeper_on_the_same_edge_reverts_DuplicateVerdict()
    {
        using var chain = Reported(out var edge);
        chain.Ok(chain.Keepers[0], Calls.Verdicts(0, Calls.On(edge)));

        chain.Fails(chain.Keepers[0], Calls.Verdicts(0, Calls.On(edge)), DuplicateVerdict);
    }

    [Fact]
    public void Verdict_on_an_edge_without_a_report_reverts_NoWorkReport()
    {
        using var chain = Reported(out _);

        chain.Fails(chain.Keepers[0], Calls.Verdicts(0, Calls.On(chain.Edges[1])), NoWorkReport);
    }

    [Fact]
    public void Batch_above_the_cap_reverts_TooManyVerdicts()
    {
        using var chain = Reported(out var edge);

        chain.Fails(chain.Keepers[0], Calls.Verdicts(0, [.. Enumerable.Repeat(Calls.On(edge), 51)]), TooManyVerdicts);
    }

    [Fact]
    public void Empty_batch_reverts_EmptyBatch()
    {
        using var chain = Reported(out _);

        chain.Fails(chain.Keepers[0], Calls.Verdicts(0), EmptyBatch);
    }

    [Fact]
    public void Verdict_with_an_unknown_ip_class_reverts_InvalidVerdict()
    {
        using var chain = Reported(out var edge);

        chain.Fails(chain.Keepers[0], Calls.Verdicts(0, Calls.On(edge, ipClass: 9)), InvalidVerdict);
    }

    [Fact]
    public void Verdict_after_the_window_reverts_VerdictWindowClosed()
    {
        using var chain = Reported(out var edge);
        chain.AdvanceTo(chain.At(1, 7));

        chain.Fails(chain.Keepers[0], Calls.Verdicts(0, Calls.On(edge)), VerdictWindowClosed);
    }

    [Fact]
    public void Batch_of_verdicts_is_stored_per_edge_and_charged_per_entry()
    {
        using var chain = new GpowChain();
        chain.RegisterAll(chain.Edges);
        chain.ReportAll(0, chain.Edges);
        var single = chain.Ok(chain.Keepers[0], Calls.Verdicts(0, Calls.On(chain.Edges[0])));

        var batch = chain.Ok(chain.Keepers[1], Calls.Verdicts(0, [.. chain.Edges.Select(e => Calls.On(e))]));

        Assert.All(chain.Edges, e => Assert.Contains(chain.Reader.Verdicts(e.Address, 0), v => v.Keeper == chain.Keepers[1].Address));
        Assert.True(batch.Outcome.GasUsed - single.Outcome.GasUsed >= 5 * GpowModule.GasPerVerdict);
    }

    private static GpowChain Reported(out Account edge, int keepers = 3)
    {
        var chain = new GpowChain(keepers: keepers);
        edge = chain.Edges[0];
        chain.RegisterAll(edge);
        chain.ReportAll(0, edge);
        return chain;
    }
}
