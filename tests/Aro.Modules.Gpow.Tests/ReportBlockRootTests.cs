using Aro.Core;
using Aro.Execution.Modules.Records;
using Aro.Modules.Gpow.State;

namespace Aro.Modules.Gpow.Tests;

/// <summary>
/// Pins what a fixed block of work reports does to state, so speed work on the report path (caches, fewer
/// reads, fewer encodes) is proven to leave results identical. The edges are written straight into the
/// registry, so the pin does not depend on the registration message's calldata or gas.
/// </summary>
public class ReportBlockRootTests
{
    // Re-pinned when the edge record gained the declared resources and when the params record gained the compute
    // challenge params (format changes, not speed changes).
    private const string PinnedRoot = "0xac934fc56bb35187fbd017ed2a83f9adebef61a182d2b14c26734a2763fb32fb";

    [Fact]
    public void A_fixed_block_of_six_reports_leaves_the_pinned_state_root()
    {
        using var chain = new GpowChain();
        var store = new GpowStore(new WritableRecordStore(chain.State.GetModuleStore(GpowModule.Address)));
        foreach (var edge in chain.Edges)
        {
            store.SetEdge(edge.Address, new EdgeRecord(EdgeKinds.Dev, ulong.MaxValue, 0, "eu-west", 0, false, 0, 0, new DeclaredResources(100, 1, 1_000)));
            store.AppendEdge(edge.Address);
        }

        chain.ReportAll(0, chain.Edges);

        Assert.Equal(Hash256.Parse(PinnedRoot), chain.State.ComputeRoot());
    }

    [Fact]
    public void Cached_params_decode_follows_the_stored_bytes()
    {
        var first = GpowParams.DecodeCached(new GpowParams { EpochBlocks = 11 }.Encode());
        var second = GpowParams.DecodeCached(new GpowParams { EpochBlocks = 12 }.Encode());

        Assert.Equal(11UL, first.EpochBlocks);
        Assert.Equal(12UL, second.EpochBlocks);
        Assert.Same(second, GpowParams.DecodeCached(new GpowParams { EpochBlocks = 12 }.Encode()));
    }
}
