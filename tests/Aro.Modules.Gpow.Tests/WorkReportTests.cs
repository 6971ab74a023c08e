using Aro.Core;
using static Aro.Modules.Gpow.Abi.WorkProofAbi;

namespace Aro.Modules.Gpow.Tests;

public class WorkReportTests
{
    [Fact]
    public void Report_for_the_previous_epoch_inside_the_window_is_stored_and_listed()
    {
        using var chain = new GpowChain();
        var edge = chain.Edges[0];
        chain.RegisterAll(edge);
        chain.AdvanceTo(chain.At(1, 2));

        var sent = chain.Ok(edge, Calls.Report(0, uptimePpm: 990_000));

        var report = chain.Reader.Report(edge.Address, 0)!;
        Assert.Equal(990_000u, report.UptimePpm);
        Assert.Equal(1UL, chain.Reader.Epoch(0).Reporters);
        Assert.Equal(WorkReported.Topic0, Assert.Single(sent.Receipt.Logs).Topics[0]);
    }

    [Fact]
    public void Report_for_the_current_epoch_reverts_FutureEpoch()
    {
        using var chain = new GpowChain();
        chain.RegisterAll(chain.Edges[0]);

        chain.Fails(chain.Edges[0], Calls.Report(0), FutureEpoch);
    }

    [Fact]
    public void Report_after_the_window_closed_reverts_LateReport()
    {
        using var chain = new GpowChain();
        chain.RegisterAll(chain.Edges[0]);
        chain.AdvanceTo(chain.At(1, 3));

        chain.Fails(chain.Edges[0], Calls.Report(0), LateReport);
    }

    [Fact]
    public void Report_for_an_epoch_before_the_previous_one_reverts_LateReport()
    {
        using var chain = new GpowChain();
        chain.RegisterAll(chain.Edges[0]);
        chain.AdvanceTo(chain.At(2, 0));

        chain.Fails(chain.Edges[0], Calls.Report(0), LateReport);
    }

    [Fact]
    public void Second_report_for_the_same_epoch_reverts_DuplicateReport()
    {
        using var chain = new GpowChain();
        chain.RegisterAll(chain.Edges[0]);
        chain.ReportAll(0, chain.Edges[0]);

        chain.Fails(chain.Edges[0], Calls.Report(0), DuplicateReport);
    }

    [Fact]
    public void Report_from_an_unregistered_address_reverts_EdgeNotFound()
    {
        using var chain = new GpowChain();
        chain.AdvanceTo(chain.At(1, 0));

        chain.Fails(chain.Edges[0], Calls.Report(0), EdgeNotFound);
    }

    [Fact]
    public void Report_with_uptime_above_one_million_ppm_reverts_InvalidReport()
    {
        using var chain = new GpowChain();
        chain.RegisterAll(chain.Edges[0]);
        chain.AdvanceTo(chain.At(1, 0));

        chain.Fails(chain.Edges[0], Calls.Report(0, uptimePpm: 1_000_001), InvalidReport);
    }

    [Fact]
    public void Report_with_chunks_but_no_data_root_reverts_InvalidReport()
    {
        using var chain = new GpowChain();
        chain.RegisterAll(chain.Edges[0]);
        chain.AdvanceTo(chain.At(1, 0));

        chain.Fails(chain.Edges[0], Calls.Report(0, dataRoot: Hash256.Zero, chunkCount: 4), InvalidReport);
    }
}
