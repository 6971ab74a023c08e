using Aro.Node.Tests.Chain;
using Aro.Testing;

namespace Aro.Node.Tests.Cli;

public sealed class RunCommandTests
{
    [Fact]
    public void Needs_a_home_or_a_config()
    {
        var result = CliResult.Run("run");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--home", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_home_that_was_never_initialised()
    {
        using var temp = new TempDirectory();

        var result = CliResult.Run("run", "--home", temp.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("aro-node init", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_gpos_refuses_a_validator_key_that_is_not_in_the_genesis()
    {
        using var temp = new TempDirectory();
        var genesis = Path.Combine(temp.Path, "no-gpos.json");
        File.WriteAllText(genesis, Aro.Node.Tests.Staking.StakingNode.GenesisWithoutGpos().ToJson());
        CliResult.Run("init", "--home", Path.Combine(temp.Path, "home"), "--genesis", genesis, "--generate-validator-key");

        var result = CliResult.Run("run", "--home", Path.Combine(temp.Path, "home"), "--rpc-port", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not a validator of this chain", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("RPC listening", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_malformed_flag_value()
    {
        using var temp = new TempDirectory();
        CliResult.Run("init", "--home", temp.Path);

        var result = CliResult.Run("run", "--home", temp.Path, "--block-interval", "fast");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--block-interval", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_config_with_an_unknown_field()
    {
        using var temp = new TempDirectory();
        CliResult.Run("init", "--home", temp.Path);
        var config = Path.Combine(temp.Path, "config.json");
        File.WriteAllText(config, File.ReadAllText(config).Replace("\"rpcPort\"", "\"rpcPrt\"", StringComparison.Ordinal));

        var result = CliResult.Run("run", "--home", temp.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown field \"rpcPrt\"", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Stops_with_a_clear_error_when_the_rpc_port_is_taken()
    {
        using var temp = new TempDirectory();
        CliResult.Run("init", "--home", temp.Path);
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;

        var result = CliResult.Run("run", "--home", temp.Path, "--rpc-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("JSON-RPC", result.Error, StringComparison.Ordinal);
        // The database was closed on the way out: it opens again.
        using var chain = Aro.Node.Chain.ChainNode.Open(Path.Combine(temp.Path, "data"), Devnet.Spec);
        Assert.Equal(0UL, chain.Head.Number);
    }
}
