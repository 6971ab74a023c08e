using Aro.Node.Consensus;
using Aro.Node.Tests.Consensus;

namespace Aro.Node.Tests.Production;

/// <summary>
/// <see cref="Aro.Node.Production.BlockProducer"/> fills the header's epoch and set hash the way consensus does:
/// block 10 is the first of epoch 1, whose set (devnet validator + keeper 2) differs from epoch 0's.
/// </summary>
public sealed class BlockProducerEpochTests : IAsyncLifetime
{
    private EpochChangeChain _chain = null!;

    public async Task InitializeAsync() => _chain = await EpochChangeChain.StartAsync(head: 9);

    public async Task DisposeAsync() => await _chain.DisposeAsync();

    [Fact]
    public void A_block_produced_across_an_epoch_boundary_names_the_new_epoch_and_the_new_sets_hash()
    {
        var parent = _chain.Chain.Head;

        _chain.Node.Produce(1);

        var header = _chain.Chain.Head;
        Assert.Equal(10UL, header.Number);
        Assert.Equal(0UL, parent.Epoch);
        Assert.Equal(1UL, header.Epoch);
        Assert.Equal(_chain.Recorded(1).Hash, header.ValidatorSetHash);
        Assert.NotEqual(parent.ValidatorSetHash, header.ValidatorSetHash);
    }

    [Fact]
    public void Every_produced_block_across_an_epoch_boundary_passes_the_header_set_rule()
    {
        _chain.Node.Produce(2);

        var source = _chain.Source();
        for (var number = 1UL; number <= _chain.Chain.Head.Number; number++)
        {
            Assert.Null(HeaderSetRule.Problem(source, _chain.Chain.Store.GetHeader(number)!));
        }
    }
}
