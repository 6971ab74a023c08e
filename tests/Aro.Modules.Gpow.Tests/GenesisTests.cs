using Aro.Attestation;
using Aro.Execution.Chain;
using Aro.Modules.Gpow.Genesis;
using Aro.State.Trie;
using Aro.State.World;

namespace Aro.Modules.Gpow.Tests;

public class GenesisTests
{
    private static readonly AttestationSettings Full = new()
    {
        IntelRootCa = TestData.ReadBytes("attestation", "sgx", "intel_sgx_root_ca.der"),
        NitroRoot = TestData.ReadBytes("attestation", "nitro", "aws_nitro_root_g1.pem"),
        AmdChains = [TestData.ReadBytes("attestation", "sev-snp", "amd_milan_ask_ark.pem")],
        Measurements = [new MeasurementRule(AttestationKind.Sgx, "mrenclave", [new byte[32], [1, 2, 3]])],
        MinimumTcbStatus = TcbStatus.SWHardeningNeeded,
        MaxVmpl = 0,
        DevEnabled = true,
        DevSigner = GpowChain.DevSigner.Address,
    };

    [Fact]
    public void Export_after_load_gives_back_the_same_section()
    {
        var genesis = new GpowGenesis(GpowChain.TestParams, Full);
        var world = new WorldState(new MemoryTrieNodeStore());
        GpowGenesis.Parse(genesis.ToJson()).Load(world);

        Assert.Equal(genesis.ToJson(), GpowGenesis.Export(world).ToJson());
    }

    [Fact]
    public void Export_after_load_keeps_the_admin()
    {
        var genesis = new GpowGenesis(GpowChain.TestParams, Full) { Admin = Account.Of(7).Address };
        var world = new WorldState(new MemoryTrieNodeStore());
        var parsed = GpowGenesis.Parse(genesis.ToJson());
        parsed.Load(world);

        var exported = GpowGenesis.Export(world);
        Assert.Equal(Account.Of(7).Address, exported.Admin);
        Assert.Equal(genesis.ToJson(), exported.ToJson());
    }

    [Fact]
    public void Zero_admin_is_refused_with_its_path()
    {
        var genesis = new GpowGenesis(GpowChain.TestParams, Full) { Admin = Aro.Core.Address.Zero };

        var e = Assert.Throws<GenesisException>(() => genesis.Load(new WorldState(new MemoryTrieNodeStore())));

        Assert.Equal("$.modules.gpow.admin", e.Path);
    }

    [Fact]
    public void Missing_params_take_their_defaults_and_missing_roots_are_empty()
    {
        var genesis = GpowGenesis.Parse("{}");

        Assert.Equal(new GpowParams(), genesis.Params);
        Assert.Empty(genesis.Attestation.IntelRootCa);
        Assert.False(genesis.DevAttestationEnabled);
        Assert.Null(genesis.Admin);
    }

    [Fact]
    public void Unknown_field_is_refused_with_its_path()
    {
        var e = Assert.Throws<GenesisException>(() => GpowGenesis.Parse("""{"params":{"epochBlox":5}}"""));

        Assert.Equal("$.modules.gpow.params.epochBlox", e.Path);
    }

    [Fact]
    public void Windows_that_do_not_fit_the_epoch_are_refused()
    {
        var e = Assert.Throws<GenesisException>(() => GpowGenesis.Parse("""{"params":{"epochBlocks":10,"verdictWindowBlocks":10}}"""));

        Assert.Contains("verdictWindowBlocks", e.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"computeChallengeRounds":0}""", "computeChallengeRounds")]
    [InlineData("""{"computeChallengeRounds":262145}""", "computeChallengeRounds")]
    [InlineData("""{"computeChallengeRatePpm":1000001}""", "computeChallengeRatePpm")]
    public void Compute_challenge_params_out_of_bounds_are_refused(string parameters, string named)
    {
        var e = Assert.Throws<GenesisException>(() => GpowGenesis.Parse("""{"params":""" + parameters + "}"));

        Assert.Contains(named, e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_challenge_params_are_read_and_exported()
    {
        var genesis = GpowGenesis.Parse("""{"params":{"computeChallengeRatePpm":250000,"computeChallengeRounds":4096}}""");
        var world = new WorldState(new MemoryTrieNodeStore());
        genesis.Load(world);

        var exported = GpowGenesis.Export(world).Params;
        Assert.Equal(250_000u, exported.ComputeChallengeRatePpm);
        Assert.Equal(4_096UL, exported.ComputeChallengeRounds);
    }

    [Fact]
    public void Uppercase_hex_is_refused()
    {
        var e = Assert.Throws<GenesisException>(() => GpowGenesis.Parse("""{"roots":{"awsNitroRoot":"0xAB"}}"""));

        Assert.Equal("$.modules.gpow.roots.awsNitroRoot", e.Path);
    }

    [Fact]
    public void Enabled_dev_attestation_without_a_signer_is_refused_at_load()
    {
        var genesis = new GpowGenesis(new GpowParams(), new AttestationSettings { DevEnabled = true });

        Assert.Throws<GenesisException>(() => genesis.Load(new WorldState(new MemoryTrieNodeStore())));
    }

    [Fact]
    public void Funded_module_account_is_refused_at_load()
    {
        var world = new WorldState(new MemoryTrieNodeStore());
        world.AddBalance(GpowModule.Address, 1);

        Assert.Throws<GenesisException>(() => new GpowGenesis(new GpowParams(), new AttestationSettings()).Load(world));
    }
}
