using Aro.Core.Abi;
using static Aro.Modules.Gpow.Abi.WorkProofAbi;

namespace Aro.Modules.Gpow.Tests;

public class DeclaredResourcesTests
{
    [Fact]
    public void Registration_stores_the_declared_resources_for_the_view_and_the_event()
    {
        using var chain = new GpowChain();
        var edge = chain.Edges[0];

        chain.Ok(edge, Calls.RegisterDev(edge, declared: new DeclaredResources(250, 64, 9_000)), 1_000);

        Assert.Equal(new DeclaredResources(250, 64, 9_000), chain.Reader.Edge(edge.Address)!.Declared);
        var view = chain.View(GetDeclaredResources, AbiValue.Address(edge.Address));
        Assert.Equal([250UL, 64UL, 9_000UL], view.Select(v => v.AsUInt64()));
        var declared = Assert.Single(chain.Events(ResourcesDeclared));
        Assert.Equal(edge.Address, declared[0].AsAddress());
        Assert.Equal(64UL, declared[2].AsUInt64());
    }

    [Fact]
    public void An_unknown_edge_declares_nothing_in_the_view()
    {
        using var chain = new GpowChain();

        var view = chain.View(GetDeclaredResources, AbiValue.Address(chain.Edges[0].Address));

        Assert.All(view, v => Assert.Equal(0UL, v.AsUInt64()));
    }

    [Theory]
    [InlineData(100_001u, 1u, 0UL, "bandwidthMbps above 100000")]
    [InlineData(10u, 1_048_577u, 0UL, "storageGiB above 1048576")]
    [InlineData(10u, 1u, 1_000_000_000_000_001UL, "computeUnits above 1000000000000000")]
    [InlineData(0u, 0u, 0UL, "nothing declared")]
    public void Declared_resources_out_of_bounds_revert_InvalidDeclaredResources(uint bandwidthMbps, uint storageGiB, ulong computeUnits, string reason)
    {
        using var chain = new GpowChain();

        var error = chain.Fails(chain.Edges[0], Calls.RegisterDev(chain.Edges[0], declared: new DeclaredResources(bandwidthMbps, storageGiB, computeUnits)),
            InvalidDeclaredResources, 1_000);

        Assert.Equal(reason, error[0].AsString());
    }

    [Fact]
    public void Report_holding_more_storage_than_declared_reverts_ReportExceedsDeclared()
    {
        using var chain = new GpowChain();
        var edge = chain.Edges[0];
        chain.Block(chain.Tx(edge, Calls.RegisterDev(edge, declared: new DeclaredResources(10, 0, 1_000)), 1_000));
        chain.AdvanceTo(chain.At(1, 0));

        var error = chain.Fails(edge, Calls.Report(0), ReportExceedsDeclared);

        Assert.Equal("storage", error[0].AsString());
        Assert.Equal(2_000_000UL, error[1].AsUInt64());
        Assert.Equal(0UL, error[2].AsUInt64());
    }

    [Fact]
    public void Report_claiming_more_compute_than_declared_reverts_ReportExceedsDeclared()
    {
        using var chain = new GpowChain();
        var edge = chain.Edges[0];
        chain.Block(chain.Tx(edge, Calls.RegisterDev(edge, declared: new DeclaredResources(10, 1, 299)), 1_000));
        chain.AdvanceTo(chain.At(1, 0));

        var error = chain.Fails(edge, Calls.Report(0), ReportExceedsDeclared);

        Assert.Equal("compute", error[0].AsString());
        Assert.Equal(300UL, error[1].AsUInt64());
    }

    [Fact]
    public void Report_within_the_declared_resources_is_stored()
    {
        using var chain = new GpowChain();
        var edge = chain.Edges[0];
        chain.Block(chain.Tx(edge, Calls.RegisterDev(edge, declared: new DeclaredResources(0, 1, 300)), 1_000));
        chain.AdvanceTo(chain.At(1, 0));

        chain.Ok(edge, Calls.Report(0));

        Assert.NotNull(chain.Reader.Report(edge.Address, 0));
    }
}
