using Aro.Core;
using Aro.Execution.Chain;
using Aro.Modules.Gpos;
using Aro.Modules.Gpos.Genesis;
using Aro.Node.Chain;
using Aro.Node.Consensus;
using Aro.Testing;

namespace Aro.Node.Tests.Cli;

/// <summary><c>aro-node testnet init</c> writes a genesis whose GPoS keepers are its validators.</summary>
public sealed class TestnetInitTests : IDisposable
{
    private const int Validators = 3;

    private readonly TempDirectory _out = new();
    private readonly GenesisSpec _genesis;

    public TestnetInitTests()
    {
        var result = CliResult.Run("testnet", "init", "--validators", Validators.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", _out.Path, "--p2p-base-port", "36656", "--rpc-base-port", "38545");
        Assert.True(result.ExitCode == 0, result.ToString());
        _genesis = GenesisSpec.Load(Path.Combine(_out.Path, "node0", "genesis.json"));
    }

    [Fact]
    public void The_genesis_has_one_gpos_keeper_per_validator_with_the_validator_key_as_consensus_key()
    {
        var keepers = GposGenesis.Parse(_genesis.Modules[GposModule.GenesisSection]).Keepers;

        Assert.Equal(Validators, keepers.Length);
        Assert.Equal(
            _genesis.Validators.Select(v => Hex.Encode(v.PublicKey.AsSpan())).Order(StringComparer.Ordinal),
            keepers.Select(k => Hex.Encode(k.ConsensusKey.AsSpan())).Order(StringComparer.Ordinal));
        Assert.All(keepers, k => Assert.Contains(_genesis.Alloc, a => a.Address == k.Address && !a.Balance.IsZero));
    }

    [Fact]
    public void The_genesis_loads_and_its_epoch_zero_set_is_the_validators_with_equal_power()
    {
        using var data = new TempDirectory();
        using var chain = ChainNode.Open(Path.Combine(data.Path, "data"), _genesis);

        var set = ValidatorSetSources.For(chain).SetAt(1);

        Assert.Equal(Validators, set.Count);
        Assert.All(set.Validators, v => Assert.Equal(10_000UL, v.Power));
        Assert.Equal(chain.Head.ValidatorSetHash, set.Hash);
    }

    public void Dispose() => _out.Dispose();
}
