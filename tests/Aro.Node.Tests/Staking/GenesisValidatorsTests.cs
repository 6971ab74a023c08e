using System.Text.Json.Nodes;
using Aro.Execution.Chain;
using Aro.Node.Chain;
using Aro.Node.Tests.Chain;
using Aro.Testing;

namespace Aro.Node.Tests.Staking;

/// <summary>With a gpos section the genesis validators must be GPoS's epoch-0 set (genesis/SCHEMA.md).</summary>
public sealed class GenesisValidatorsTests
{
    [Fact]
    public void The_devnet_validators_are_its_gpos_epoch_zero_set()
    {
        using var temp = new TempDirectory();
        using var chain = ChainNode.Open(Path.Combine(temp.Path, "data"), Devnet.Spec);

        Assert.Equal(0UL, chain.Head.Number);
    }

    [Fact]
    public void A_validator_power_other_than_its_keepers_whole_aro_is_refused_with_the_power_path()
    {
        var error = Refused(json => json["validators"]![0]!["power"] = 100);

        Assert.Contains("$.validators[0].power", error.Message, StringComparison.Ordinal);
        Assert.Contains("must be 10000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_validator_that_is_no_keepers_consensus_key_is_refused_with_the_validators_path()
    {
        var other = Aro.Node.Validator.ValidatorKey.FromLabel("aro-valset-stranger");
        var error = Refused(json =>
        {
            json["validators"]![0]!["address"] = other.Address.ToLowerHex();
            json["validators"]![0]!["publicKey"] = Aro.Core.Hex.Encode(other.PublicKey.Span);
        });

        Assert.Contains("$.validators", error.Message, StringComparison.Ordinal);
        Assert.Contains("epoch-0 set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_validator_beyond_the_gpos_set_is_refused_with_its_path()
    {
        var extra = Aro.Node.Validator.ValidatorKey.FromLabel("aro-valset-extra");
        var error = Refused(json => json["validators"]!.AsArray().Add(new JsonObject
        {
            ["address"] = extra.Address.ToLowerHex(),
            ["publicKey"] = Aro.Core.Hex.Encode(extra.PublicKey.Span),
            ["power"] = 10000,
        }));

        Assert.Contains("$.validators", error.Message, StringComparison.Ordinal);
    }

    private static GenesisException Refused(Action<JsonNode> mutate)
    {
        var json = JsonNode.Parse(File.ReadAllText(Devnet.GenesisPath))!;
        mutate(json);
        var genesis = GenesisSpec.Parse(json.ToJsonString());
        using var temp = new TempDirectory();
        return Assert.Throws<GenesisException>(() => ChainNode.Open(Path.Combine(temp.Path, "data"), genesis));
    }
}
