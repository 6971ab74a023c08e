using System.Text.Json;
using Aro.Node.Hosting;
using Aro.Node.Tests.Chain;
using Aro.Node.Validator;
using Aro.Testing;

namespace Aro.Node.Tests.Cli;

public sealed class InitCommandTests
{
    [Fact]
    public void Creates_config_genesis_key_and_data_directory()
    {
        using var temp = new TempDirectory();
        var home = Path.Combine(temp.Path, "node");

        var result = CliResult.Run("init", "--home", home);

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(home, "config.json")));
        Assert.True(Directory.Exists(Path.Combine(home, "data")));
        Assert.Equal(File.ReadAllText(Devnet.GenesisPath), File.ReadAllText(Path.Combine(home, "genesis.json")));
        Assert.Contains("0xa7fc7cbbdbe1be375b06a992808fdec89585a46c5a2cda701426c83d843b216d", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Writes_the_validator_key_readable_by_its_owner_only()
    {
        using var temp = new TempDirectory();
        var home = Path.Combine(temp.Path, "node");

        CliResult.Run("init", "--home", home);

        var keyFile = Path.Combine(home, ValidatorKeyFile.DefaultName);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(home));
        Assert.Equal(Devnet.Validator.Address, ValidatorKeyFile.Read(keyFile).Address);
    }

    [Fact]
    public void Writes_a_config_that_loads_with_the_documented_defaults()
    {
        using var temp = new TempDirectory();
        CliResult.Run("init", "--home", temp.Path);

        var config = NodeConfig.Load(Path.Combine(temp.Path, "config.json"));

        Assert.Equal(new NodeConfig(), config);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "config.json")));
        Assert.Equal("1s", json.RootElement.GetProperty("blockInterval").GetString());
        Assert.Equal(8545, json.RootElement.GetProperty("rpcPort").GetInt32());
    }

    [Fact]
    public void Refuses_a_home_that_is_already_initialised()
    {
        using var temp = new TempDirectory();
        CliResult.Run("init", "--home", temp.Path);
        var keyBefore = File.ReadAllText(Path.Combine(temp.Path, ValidatorKeyFile.DefaultName));

        var result = CliResult.Run("init", "--home", temp.Path, "--generate-validator-key");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("already", result.Error, StringComparison.Ordinal);
        Assert.Equal(keyBefore, File.ReadAllText(Path.Combine(temp.Path, ValidatorKeyFile.DefaultName)));
    }

    [Fact]
    public void Needs_a_key_for_a_genesis_that_is_not_the_devnet()
    {
        using var temp = new TempDirectory();
        var genesis = Path.Combine(temp.Path, "other.json");
        File.WriteAllText(genesis, Devnet.WithChainId(9).ToJson());

        var result = CliResult.Run("init", "--home", Path.Combine(temp.Path, "node"), "--genesis", genesis);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--validator-key-file", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(temp.Path, "node", "config.json")));
    }

    [Fact]
    public void Copies_a_given_validator_key_file()
    {
        using var temp = new TempDirectory();
        var keyFile = Path.Combine(temp.Path, "key.json");
        var key = ValidatorKey.Generate();
        ValidatorKeyFile.Write(keyFile, key);

        var result = CliResult.Run("init", "--home", Path.Combine(temp.Path, "node"), "--validator-key-file", keyFile);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(key.Address, ValidatorKeyFile.Read(Path.Combine(temp.Path, "node", ValidatorKeyFile.DefaultName)).Address);
    }

    [Fact]
    public void Generated_key_outside_the_validator_set_is_flagged()
    {
        using var temp = new TempDirectory();

        var result = CliResult.Run("init", "--home", temp.Path, "--generate-validator-key");

        var key = ValidatorKeyFile.Read(Path.Combine(temp.Path, ValidatorKeyFile.DefaultName));
        Assert.Equal(0, result.ExitCode);
        Assert.NotEqual(Devnet.Validator.Address, key.Address);
        Assert.Contains($"{key.Address} is not a validator", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_both_key_options_at_once()
    {
        using var temp = new TempDirectory();

        var result = CliResult.Run("init", "--home", temp.Path, "--generate-validator-key", "--validator-key-file", "x.json");

        Assert.Equal(2, result.ExitCode);
    }
}
