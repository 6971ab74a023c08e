using Aro.Core;
using Aro.JsonRpc;
using Aro.Node.Tests.Chain;
using Aro.Node.Tests.Rpc;

namespace Aro.Node.Tests.Staking;

/// <summary>aro_getSettlement and aro_getSlashes over real HTTP against a node hosting GPoS from the devnet genesis.</summary>
public sealed class AroSettlementMethodTests : IAsyncLifetime
{
    private StakingNode _node = null!;

    public async Task InitializeAsync() => _node = await StakingNode.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task GetSettlement_returns_the_settled_epochs_emission_and_its_keeper_line()
    {
        _node.ProduceToEpoch(2);

        var settlement = await _node.ResultAsync("aro_getSettlement", "[\"0x1\"]");

        // Devnet keeps the module's default emission: 1,000 ARO per epoch in the first year.
        Assert.Equal(1UL, Wire.Quantity(settlement.GetProperty("epoch")));
        Assert.Equal(StakingNode.Aro * 1_000, Wire.Quantity256(settlement.GetProperty("minted")));
        var line = Assert.Single(settlement.GetProperty("keepers").EnumerateArray());
        Assert.Equal(Devnet.Validator.Address, Address.Parse(line.GetProperty("keeper").GetString()!));
        Assert.Equal(0UL, Wire.Quantity(settlement.GetProperty("slashCount")));
    }

    [Fact]
    public async Task GetSettlement_of_an_epoch_not_yet_settled_is_a_named_error()
    {
        var message = await _node.ErrorAsync("aro_getSettlement", "[\"0x5\"]", JsonRpcErrorCodes.ServerError);

        Assert.Contains("SettlementNotFound", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSlashes_of_an_epoch_without_slashes_is_an_empty_list()
    {
        _node.ProduceToEpoch(1);

        var slashes = await _node.ResultAsync("aro_getSlashes", "[\"0x0\"]");

        Assert.Equal(0, slashes.GetArrayLength());
    }
}
