using Aro.Node.Hosting;
using Aro.Testing;
using Microsoft.Extensions.Logging;

namespace Aro.Node.Tests.Cli;

public sealed class NodeConfigTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("1s", 1_000)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    public void Parses_durations_with_a_unit(string text, int milliseconds)
    {
        Assert.True(Durations.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("0s")]
    [InlineData("-1s")]
    [InlineData("1.5s")]
    [InlineData("1 s")]
    [InlineData("s")]
    [InlineData("2d")]
    [InlineData("99999999999999999999s")]
    public void Refuses_malformed_durations(string text)
    {
        Assert.False(Durations.TryParse(text, out _));
    }

    [Fact]
    public void Round_trips_through_its_file()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "config.json");
        var config = new NodeConfig
        {
            DataDir = "/var/lib/aro",
            RpcAddress = System.Net.IPAddress.Parse("0.0.0.0"),
            RpcPort = 9000,
            LogLevel = LogLevel.Debug,
            BlockInterval = TimeSpan.FromMilliseconds(250),
            EmptyBlockInterval = TimeSpan.FromSeconds(30),
        };

        config.Save(path);

        Assert.Equal(config, NodeConfig.Load(path));
    }

    [Theory]
    [InlineData("{\"rpcPort\": 70000}", "rpcPort")]
    [InlineData("{\"rpcPort\": \"8545\"}", "rpcPort")]
    [InlineData("{\"rpcAddress\": \"localhost:1\"}", "rpcAddress")]
    [InlineData("{\"logLevel\": \"verbose\"}", "logLevel")]
    [InlineData("{\"blockInterval\": 1}", "blockInterval")]
    [InlineData("{\"dataDir\": \"\"}", "dataDir")]
    [InlineData("[]", "object")]
    [InlineData("{\"dataDir\": ", "JSON")]
    public void Refuses_a_bad_value_naming_the_field(string json, string named)
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "config.json");
        File.WriteAllText(path, json);

        var error = Assert.Throws<NodeConfigException>(() => NodeConfig.Load(path));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Relative_paths_resolve_against_the_config_folder()
    {
        var settings = NodeSettings.From(new NodeConfig(), "/srv/aro");

        Assert.Equal("/srv/aro/data", settings.DataDir);
        Assert.Equal("/srv/aro/genesis.json", settings.GenesisFile);
        Assert.Equal("/srv/aro/priv_validator_key.json", settings.ValidatorKeyFile);
    }
}
