using Aro.Core;
using Aro.Core.Abi;
using Aro.JsonRpc;
using Aro.Modules.Gpos;
using Aro.Node.Tests.Chain;
using Aro.Node.Tests.Rpc;
using Aro.State.World;
using static Aro.Modules.Gpos.Abi.StakingAbi;

namespace Aro.Node.Tests.Staking;

/// <summary>The aro_ staking methods over real HTTP against a node hosting the GPoS module from the devnet genesis.</summary>
public sealed class AroStakingMethodTests : IAsyncLifetime
{
    private static readonly Address Validator = Devnet.Validator.Address;
    private static readonly Address Keeper2 = Devnet.AccountAddress(1);

    private StakingNode _node = null!;

    public async Task InitializeAsync() => _node = await StakingNode.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task GetKeeper_returns_the_devnet_genesis_keeper()
    {
        var keeper = await _node.ResultAsync("aro_getKeeper", $"[{Wire.S(Validator)}]");

        Assert.Equal("bonded", keeper.GetProperty("status").GetString());
        Assert.Equal("devnet-validator-0", keeper.GetProperty("moniker").GetString());
        Assert.Equal(Validator, Address.Parse(keeper.GetProperty("consensusAddress").GetString()!));
        Assert.Equal(StakingNode.Aro * 10_000, Wire.Quantity256(keeper.GetProperty("selfStake")));
        Assert.Equal(500UL, Wire.Quantity(keeper.GetProperty("commissionBps")));
    }

    [Fact]
    public async Task GetKeeper_of_an_unregistered_address_is_a_clear_error()
    {
        var message = await _node.ErrorAsync("aro_getKeeper", $"[{Wire.S(Keeper2)}]", JsonRpcErrorCodes.ServerError);

        Assert.Equal($"keeper {Keeper2} is not registered", message);
    }

    [Fact]
    public async Task GetEpoch_reports_the_block_range_and_params_and_moves_at_the_boundary()
    {
        var start = await _node.ResultAsync("aro_getEpoch");
        _node.ProduceToEpoch(1);
        var next = await _node.ResultAsync("aro_getEpoch");

        Assert.Equal((0UL, 0UL, 9UL), (Wire.Quantity(start.GetProperty("epoch")), Wire.Quantity(start.GetProperty("firstBlock")), Wire.Quantity(start.GetProperty("lastBlock"))));
        Assert.Equal(10UL, Wire.Quantity(start.GetProperty("params").GetProperty("epochBlocks")));
        Assert.Equal(StakingNode.Aro * 10_000, Wire.Quantity256(start.GetProperty("bonded")));
        Assert.Equal((1UL, 10UL, 19UL), (Wire.Quantity(next.GetProperty("epoch")), Wire.Quantity(next.GetProperty("firstBlock")), Wire.Quantity(next.GetProperty("lastBlock"))));
    }

    [Fact]
    public async Task GetDelegations_lists_the_stake_a_delegate_transaction_added()
    {
        var receipt = await _node.SendAsync(2, Aro.Modules.Gpos.Abi.StakingAbi.Delegate.EncodeCall(AbiValue.Address(Validator)), StakingNode.Aro * 5);
        var result = await _node.ResultAsync("aro_getDelegations", $"[{Wire.S(Devnet.AccountAddress(2))}]");

        Assert.Equal("0x1", receipt.GetProperty("status").GetString());
        var delegation = Assert.Single(result.GetProperty("delegations").EnumerateArray());
        Assert.Equal(Validator, Address.Parse(delegation.GetProperty("keeper").GetString()!));
        Assert.Equal(StakingNode.Aro * 5, Wire.Quantity256(delegation.GetProperty("amount")));
        Assert.Equal("0x0", result.GetProperty("withdrawable").GetString());
    }

    [Fact]
    public async Task GetKeepers_pages_the_registry_in_registration_order()
    {
        await RegisterKeeper2Async();

        var first = await _node.ResultAsync("aro_getKeepers");
        var second = await _node.ResultAsync("aro_getKeepers", "[\"0x1\"]");

        Assert.Equal(2UL, Wire.Quantity(first.GetProperty("total")));
        Assert.Equal(
            [Validator, Keeper2],
            first.GetProperty("keepers").EnumerateArray().Select(k => Address.Parse(k.GetProperty("address").GetString()!)).ToArray());
        Assert.Equal(0, second.GetProperty("keepers").GetArrayLength());
    }

    [Fact]
    public async Task GetValidatorSet_takes_in_a_registered_keeper_at_the_next_epoch_and_keeps_the_old_set()
    {
        await RegisterKeeper2Async();
        var before = await _node.ResultAsync("aro_getValidatorSet");
        _node.ProduceToEpoch(1);

        var after = await _node.ResultAsync("aro_getValidatorSet");
        var epoch0 = await _node.ResultAsync("aro_getValidatorSet", "[\"0x0\"]");

        Assert.Equal([Validator], Members(before));
        Assert.Equal(1UL, Wire.Quantity(after.GetProperty("epoch")));
        Assert.Equal([Validator, Keeper2], Members(after));
        Assert.Equal(StakingNode.Aro * 12_000, Wire.Quantity256(after.GetProperty("totalPower")));
        Assert.Equal([Validator], Members(epoch0));
    }

    [Fact]
    public async Task GetValidatorSet_of_an_epoch_not_yet_started_is_an_error()
    {
        var message = await _node.ErrorAsync("aro_getValidatorSet", "[\"0x5\"]", JsonRpcErrorCodes.ServerError);

        Assert.Equal("epoch 5 has not started (current epoch 0)", message);
    }

    [Fact]
    public async Task GetModuleProof_of_a_keeper_record_verifies_with_StateProofVerifier_against_the_block_state_root()
    {
        byte[] key = [0x10, .. Validator.Bytes];
        var proof = await _node.ResultAsync("aro_getModuleProof", $"[{Wire.S(key)}]");

        var stateRoot = Wire.Hash(proof.GetProperty("stateRoot"));
        Assert.Equal(_node.Chain.Head.StateRoot, stateRoot);
        var account = StateProofVerifier.VerifyAccount(stateRoot, GposModule.Address, Nodes(proof.GetProperty("accountProof")));
        Assert.Equal(Wire.Hash(proof.GetProperty("storageHash")), account!.Value.StorageRoot);
        var record = StateProofVerifier.VerifyStorage(account.Value.StorageRoot, key, Nodes(proof.GetProperty("storageProof")));
        Assert.Equal(Wire.Data(proof.GetProperty("value")), record);
    }

    [Fact]
    public async Task GetModuleProof_refuses_an_empty_key()
    {
        var message = await _node.ErrorAsync("aro_getModuleProof", "[\"0x\"]", JsonRpcErrorCodes.InvalidParams);

        Assert.Contains("record key", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_block_tag_reads_the_module_state_of_that_block()
    {
        await RegisterKeeper2Async();

        await _node.ErrorAsync("aro_getKeeper", $"[{Wire.S(Keeper2)}, \"0x0\"]", JsonRpcErrorCodes.ServerError);
        var latest = await _node.ResultAsync("aro_getKeeper", $"[{Wire.S(Keeper2)}, \"latest\"]");
        Assert.Equal("unbonded", latest.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_node_whose_genesis_has_no_gpos_section_answers_that_the_module_is_not_initialised()
    {
        await using var bare = await StakingNode.StartAsync(StakingNode.GenesisWithoutGpos());

        var message = await bare.ErrorAsync("aro_getEpoch", "[]", JsonRpcErrorCodes.ServerError);

        Assert.Equal("GPoS: GPoS genesis section was not loaded", message);
    }

    private static Address[] Members(System.Text.Json.JsonElement set) =>
        [.. set.GetProperty("validators").EnumerateArray().Select(v => Address.Parse(v.GetProperty("keeper").GetString()!))];

    private static byte[][] Nodes(System.Text.Json.JsonElement array) => [.. array.EnumerateArray().Select(Wire.Data)];

    private async Task RegisterKeeper2Async()
    {
        var calldata = Register.EncodeCall(
            AbiValue.Bytes(StakingNode.ConsensusKey("aro-test-keeper-2")), AbiValue.UInt(700UL), AbiValue.String("keeper-2"), AbiValue.String("eu-west"));
        var receipt = await _node.SendAsync(1, calldata, StakingNode.Aro * 2_000);
        Assert.Equal("0x1", receipt.GetProperty("status").GetString());
    }
}
