using Aro.Core;
using Aro.Core.Abi;
using Aro.JsonRpc;
using Aro.Modules.Gpos;
using Aro.Modules.Gpos.Settlement;
using Aro.Node.Tests.Chain;
using Aro.Node.Tests.Rpc;
using Aro.State.World;

namespace Aro.Node.Tests.Staking;

/// <summary>aro_getRewards, aro_getSettlementProof and aro_getSlashes without GPoS over real HTTP.</summary>
public sealed class AroRewardsMethodTests : IAsyncLifetime
{
    private static readonly Address Delegator = Devnet.AccountAddress(2);

    private StakingNode _node = null!;

    public async Task InitializeAsync() => _node = await StakingNode.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task GetRewards_shows_what_a_delegator_of_the_signing_validator_accrued_after_a_settlement()
    {
        await _node.SendAsync(2, Aro.Modules.Gpos.Abi.StakingAbi.Delegate.EncodeCall(AbiValue.Address(Devnet.Validator.Address)), StakingNode.Aro * 5);
        _node.ProduceToEpoch(3);

        var rewards = await _node.ResultAsync("aro_getRewards", $"[\"{Delegator.ToLowerHex()}\"]");

        var line = Assert.Single(rewards.GetProperty("rewards").EnumerateArray());
        Assert.Equal(Devnet.Validator.Address, Address.Parse(line.GetProperty("keeper").GetString()!));
        Assert.True(Wire.Quantity256(line.GetProperty("amount")) > UInt256.Zero);
        Assert.Equal(Wire.Quantity256(line.GetProperty("amount")), Wire.Quantity256(rewards.GetProperty("total")));
    }

    [Fact]
    public async Task GetRewards_of_an_address_without_delegations_is_zero()
    {
        var rewards = await _node.ResultAsync("aro_getRewards", "[\"0x00000000000000000000000000000000000000c1\"]");

        Assert.Equal(0, rewards.GetProperty("rewards").GetArrayLength());
        Assert.Equal(UInt256.Zero, Wire.Quantity256(rewards.GetProperty("total")));
    }

    [Fact]
    public async Task GetSettlementProof_proves_the_settlement_record_against_the_blocks_state_root()
    {
        _node.ProduceToEpoch(2);

        var proof = await _node.ResultAsync("aro_getSettlementProof", "[\"0x1\"]");

        var stateRoot = Hash256.Parse(proof.GetProperty("stateRoot").GetString()!);
        Assert.Equal(_node.Chain.Store.GetHeader(Wire.Quantity(proof.GetProperty("blockNumber")))!.StateRoot, stateRoot);
        var account = StateProofVerifier.VerifyAccount(stateRoot, GposModule.Address, Nodes(proof.GetProperty("accountProof")));
        var record = StateProofVerifier.VerifyStorage(account!.Value.StorageRoot, GposSettlements.SettlementKey(1), Nodes(proof.GetProperty("storageProof")));
        Assert.Equal(StakingNode.Aro * 1_000, GposSettlements.DecodeSettlement(record).Minted);
    }

    [Fact]
    public async Task GetSettlementProof_of_an_unsettled_epoch_is_a_named_error()
    {
        var message = await _node.ErrorAsync("aro_getSettlementProof", "[\"0x9\"]", JsonRpcErrorCodes.ServerError);

        Assert.Contains("SettlementNotFound(9)", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSlashes_on_a_chain_without_gpos_is_the_named_error_not_an_empty_list()
    {
        await using var bare = await StakingNode.StartAsync(StakingNode.GenesisWithoutGpos());

        var message = await bare.ErrorAsync("aro_getSlashes", "[\"0x0\"]", JsonRpcErrorCodes.ServerError);

        Assert.Equal("GPoS: GPoS genesis section was not loaded", message);
    }

    private static byte[][] Nodes(System.Text.Json.JsonElement array) => [.. array.EnumerateArray().Select(Wire.Data)];
}
