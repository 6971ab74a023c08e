using System.Text.Json.Nodes;
using Aro.Execution.Chain;
using Aro.Modules.Gpos;
using Aro.Node.Chain;
using Aro.Node.Modules;
using Aro.Node.Tests.Chain;
using Aro.Testing;

namespace Aro.Node.Tests.Staking;

/// <summary>How the node takes the module sections of a genesis.</summary>
public sealed class NodeModulesTests
{
    [Fact]
    public void A_module_section_no_hosted_module_owns_is_refused_with_its_path()
    {
        var genesis = Mutated(json => json["modules"]!["nosuch"] = new JsonObject());

        var error = Assert.Throws<GenesisException>(() => NodeModules.For(genesis));

        Assert.Contains("$.modules.nosuch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gpos_section_whose_stake_the_module_account_does_not_hold_stops_the_node_at_open()
    {
        var genesis = Mutated(json => json["alloc"]!.AsObject().Remove(GposModule.Address.ToLowerHex()));
        using var temp = new TempDirectory();

        var error = Assert.Throws<GenesisException>(() => ChainNode.Open(Path.Combine(temp.Path, "data"), genesis));

        Assert.Contains("fund it in alloc", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_devnet_genesis_initialises_the_gpos_module()
    {
        Assert.True(NodeModules.For(Devnet.Spec).HasGposGenesis);
        Assert.False(NodeModules.For(StakingNode.GenesisWithoutGpos()).HasGposGenesis);
    }

    [Fact]
    public void The_devnet_genesis_initialises_the_gpow_module_with_dev_attestation()
    {
        var modules = NodeModules.For(Devnet.Spec);

        Assert.True(modules.HasGpowGenesis);
        Assert.True(modules.DevAttestationEnabled);
    }

    [Fact]
    public void Dev_attestation_under_a_chain_id_other_than_the_devnet_is_refused_with_its_path()
    {
        var genesis = Mutated(json => json["chainId"] = 7772);

        var error = Assert.Throws<GenesisException>(() => NodeModules.For(genesis));

        Assert.Contains("$.modules.gpow.devAttestation.enabled", error.Message, StringComparison.Ordinal);
        Assert.Contains("devnet only (chain id 7771)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_chain_id_with_dev_attestation_disabled_is_accepted()
    {
        var genesis = Mutated(json =>
        {
            json["chainId"] = 7772;
            json["modules"]!["gpow"]!["devAttestation"]!["enabled"] = false;
        });

        var modules = NodeModules.For(genesis);

        Assert.True(modules.HasGpowGenesis);
        Assert.False(modules.DevAttestationEnabled);
    }

    [Fact]
    public void A_gpow_epoch_length_other_than_gpos_is_refused_with_its_path()
    {
        var genesis = Mutated(json => json["modules"]!["gpow"]!["params"]!["epochBlocks"] = 20);

        var error = Assert.Throws<GenesisException>(() => NodeModules.For(genesis));

        Assert.Contains("$.modules.gpow.params.epochBlocks", error.Message, StringComparison.Ordinal);
        Assert.Contains("must equal GPoS's epochBlocks (10)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_gpow_section_stops_the_node_before_the_database_is_touched()
    {
        var genesis = Mutated(json => json["modules"]!["gpow"]!["devAttestation"]!["colour"] = "blue");

        var error = Assert.Throws<GenesisException>(() => NodeModules.For(genesis));

        Assert.Contains("$.modules.gpow.devAttestation", error.Message, StringComparison.Ordinal);
    }

    private static GenesisSpec Mutated(Action<JsonNode> change)
    {
        var json = JsonNode.Parse(File.ReadAllText(Devnet.GenesisPath))!;
        change(json);
        return GenesisSpec.Parse(json.ToJsonString());
    }
}
