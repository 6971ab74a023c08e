using Aro.Consensus.Core;
using Aro.Node.Hosting;
using Aro.Testing;
using Microsoft.Extensions.Logging;

namespace Aro.Node.Tests.Cli;

public sealed class NodeConfigTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

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
            Timeouts = new TimeoutConfig { ProposeBase = TimeSpan.FromMilliseconds(1500), PrecommitDelta = TimeSpan.FromMilliseconds(250) },
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
    public void Consensus_timeouts_come_from_the_file_and_reach_the_settings()
    {
        var path = WriteConfig("""{"timeoutPropose": "2s", "timeoutProposeDelta": "250ms", "timeoutPrevote": "700ms", "timeoutPrevoteDelta": "100ms", "timeoutPrecommit": "800ms", "timeoutPrecommitDelta": "200ms"}""");

        var settings = NodeSettings.From(NodeConfig.Load(path), "/srv/aro");

        Assert.Equal(
            new TimeoutConfig
            {
                ProposeBase = TimeSpan.FromSeconds(2), ProposeDelta = TimeSpan.FromMilliseconds(250),
                PrevoteBase = TimeSpan.FromMilliseconds(700), PrevoteDelta = TimeSpan.FromMilliseconds(100),
                PrecommitBase = TimeSpan.FromMilliseconds(800), PrecommitDelta = TimeSpan.FromMilliseconds(200),
            },
            settings.Timeouts);
    }

    [Fact]
    public void Missing_timeouts_keep_the_defaults()
    {
        var config = NodeConfig.Load(WriteConfig("""{"timeoutPrevote": "2s"}"""));

        Assert.Equal(new TimeoutConfig { PrevoteBase = TimeSpan.FromSeconds(2) }, config.Timeouts);
    }

    [Theory]
    [InlineData("""{"timeoutPropose": "0s"}""", "\"timeoutPropose\" must be positive (NotPositive)")]
    [InlineData("""{"timeoutPrecommitDelta": "0ms"}""", "\"timeoutPrecommitDelta\" must be positive (NotPositive)")]
    [InlineData("""{"timeoutPrevote": "2m"}""", "\"timeoutPrevote\" must be at most 60s (BaseTooLong)")]
    [InlineData("""{"timeoutPrevote": "1s", "timeoutPrevoteDelta": "2m"}""", "\"timeoutPrevoteDelta\" must be at most 60s (DeltaTooLarge)")]
    [InlineData("""{"timeoutPropose": "-1s"}""", "\"timeoutPropose\" must be a duration")]
    [InlineData("""{"timeoutProposeDelta": 500}""", "\"timeoutProposeDelta\" must be a duration")]
    public void Refuses_bad_consensus_timeouts_naming_the_field_and_the_rule(string json, string message)
    {
        var error = Assert.Throws<NodeConfigException>(() => NodeConfig.Load(WriteConfig(json)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Relative_paths_resolve_against_the_config_folder()
    {
        var settings = NodeSettings.From(new NodeConfig(), "/srv/aro");

        Assert.Equal("/srv/aro/data", settings.DataDir);
        Assert.Equal("/srv/aro/genesis.json", settings.GenesisFile);
        Assert.Equal("/srv/aro/priv_validator_key.json", settings.ValidatorKeyFile);
    }

    private string WriteConfig(string json)
    {
        var path = Path.Combine(_temp.Path, "config.json");
        File.WriteAllText(path, json);
        return path;
    }
}
