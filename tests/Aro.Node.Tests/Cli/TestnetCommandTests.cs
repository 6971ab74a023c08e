using System.Text.Json;
using Aro.Consensus.Core;
using Aro.Node.Hosting;
using Aro.Testing;

namespace Aro.Node.Tests.Cli;

public sealed class TestnetCommandTests
{
    [Fact]
    public void Testnet_init_writes_the_default_consensus_timeouts_into_each_config()
    {
        using var temp = new TempDirectory();

        var result = CliResult.Run("testnet", "init", "--validators", "2", "--out", temp.Path, "--p2p-base-port", "36656", "--rpc-base-port", "38545");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var node in new[] { "node0", "node1" })
        {
            var path = Path.Combine(temp.Path, node, NodeConfig.FileName);
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            Assert.Equal("3s", json.RootElement.GetProperty("timeoutPropose").GetString());
            Assert.Equal("500ms", json.RootElement.GetProperty("timeoutPrecommitDelta").GetString());
            Assert.Equal(new TimeoutConfig(), NodeConfig.Load(path).Timeouts);
        }
    }
}
