using System.Globalization;
using System.Text.Json;
using Aro.Core;
using Aro.Core.Transactions;
using Aro.Node.Tests.Chain;
using Aro.Node.Tests.Cli;
using Aro.Node.Tests.Process;
using Aro.Node.Tests.Staking;
using Aro.Testing;

namespace Aro.Node.Tests.Edge;

/// <summary>
/// <c>aro-edge report --loop</c> against a real devnet process that is stopped and restarted under it (same home,
/// same RPC port): heads arrive over the node's WebSocket, an epoch reported by hand beforehand is skipped by name,
/// each later epoch is reported once, and the loop reconnects after the restart and reports the epochs after it.
/// </summary>
public sealed class ReportLoopScenario : IAsyncLifetime
{
    private const ulong EpochBlocks = 10;
    private readonly TempFolder _folder = new();
    private NodeProcessHarness _node = null!;

    private EdgeResult _loop = null!;

    /// <summary>What the report loop printed and returned.</summary>
    public string LoopOutput => _loop.Output;

    public string LoopError => _loop.Error;

    public int LoopExitCode => _loop.ExitCode;

    public string LoopLog => _loop.ToString();

    /// <summary>The epoch reported by hand before the loop started.</summary>
    public ulong ByHand { get; private set; }

    /// <summary>The last epoch the loop reports (in the window of epoch Last + 1; it stops when Last + 2 begins).</summary>
    public ulong Last => ByHand + 2;

    /// <summary>The epoch the chain was in when the node came back.</summary>
    public ulong RestartEpoch { get; private set; }

    public Address Edge { get; private set; }

    public async Task InitializeAsync()
    {
        var home = Path.Combine(_folder.Path, "devnet");
        _node = StartNode(home, "0");
        var rpc = _node.WaitForRpc().ToString();
        var key = Path.Combine(_folder.Path, "edge.key");
        await Edge_(["keys", "new", "--key-file", key]);
        Edge = Address.Parse((await Edge_(["keys", "show", "--key-file", key])).Output.Trim());
        await FundAsync(Edge);
        var evidence = Path.Combine(_folder.Path, "edge.evidence.json");
        await Edge_(["attest", "--key-file", key, "--dev", "--out", evidence, "--rpc", rpc]);
        await Edge_(["register", "--key-file", key, "--evidence", evidence, "--bond", "1aro", "--bandwidth-mbps", "50", "--storage-gib", "1", "--rpc", rpc]);

        // Report one epoch by hand right as its report window opens, then start the loop inside that window.
        ByHand = (await _node.BlockNumberAsync() / EpochBlocks) + 1;
        await WaitForBlockAsync((ByHand + 1) * EpochBlocks);
        await Edge_(["report", "--key-file", key, "--epoch", ByHand.ToString(CultureInfo.InvariantCulture), "--rpc", rpc]);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var loop = EdgeResult.RunAsync(["report", "--loop", "--key-file", key, "--bandwidth-bytes", "5000", "--until-epoch", (Last + 2).ToString(CultureInfo.InvariantCulture), "--rpc", rpc], stop.Token);

        // Once the epoch after the hand-made one is reported, restart the node under the loop.
        await WaitForReportAsync(ByHand + 1, loop);
        var port = new Uri(rpc).Port.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(0, _node.Interrupt());
        _node.Dispose();
        await Task.Delay(TimeSpan.FromSeconds(1));
        _node = StartNode(home, port);
        _node.WaitForRpc();
        RestartEpoch = await _node.BlockNumberAsync() / EpochBlocks;
        _loop = await loop;
    }

    public async Task<JsonElement?> ReportAsync(ulong epoch)
    {
        var response = await _node.CallAsync("aro_getWorkReport", Edge.ToLowerHex(), "0x" + epoch.ToString("x", CultureInfo.InvariantCulture));
        return response.TryGetProperty("result", out var result) ? result : null;
    }

    public Task DisposeAsync()
    {
        _node.Interrupt();
        _node.Dispose();
        _folder.Dispose();
        return Task.CompletedTask;
    }

    private static NodeProcessHarness StartNode(string home, string port) =>
        NodeProcessHarness.Start("devnet", "--home", home, "--rpc-port", port, "--block-interval", "600ms", "--empty-block-interval", "600ms");

    private static async Task<EdgeResult> Edge_(string[] args)
    {
        var result = await EdgeResult.RunAsync(args);
        Assert.True(result.ExitCode == 0, string.Join(' ', args) + "\n" + result);
        return result;
    }

    private async Task FundAsync(Address edge)
    {
        var nonce = Convert.ToUInt64((await _node.CallAsync("eth_getTransactionCount", Devnet.AccountAddress(0).ToLowerHex(), "pending")).GetProperty("result").GetString(), 16);
        var hash = (await _node.CallAsync("eth_sendRawTransaction", Hex.Encode(TxEncoder.Encode(Devnet.Transfer(0, nonce, edge, StakingNode.Aro * 10))))).GetProperty("result").GetString()!;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await _node.CallAsync("eth_getTransactionReceipt", hash)).GetProperty("result").ValueKind != JsonValueKind.Object)
        {
            Assert.True(DateTime.UtcNow < deadline, "the funding transfer was not included");
            await Task.Delay(100);
        }
    }

    private async Task WaitForBlockAsync(ulong number)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await _node.BlockNumberAsync() < number)
        {
            Assert.True(DateTime.UtcNow < deadline, $"block {number} was not reached");
            await Task.Delay(50);
        }
    }

    private async Task WaitForReportAsync(ulong epoch, Task<EdgeResult> loop)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(40);
        while (await ReportAsync(epoch) is null)
        {
            Assert.True(!loop.IsCompleted && DateTime.UtcNow < deadline, $"the loop did not report epoch {epoch}: {(loop.IsCompleted ? loop.Result.ToString() : "still running")}");
            await Task.Delay(100);
        }
    }
}

public sealed class EdgeFollowTests(ReportLoopScenario scenario) : IClassFixture<ReportLoopScenario>
{
    [Fact]
    public void Report_loop_follows_new_heads_over_the_nodes_websocket()
    {
        Assert.Contains("following new heads over ws://127.0.0.1:", scenario.LoopOutput, StringComparison.Ordinal);
        Assert.Equal(0, scenario.LoopExitCode);
    }

    [Fact]
    public void Report_loop_skips_an_epoch_already_reported_with_a_named_message()
    {
        Assert.Contains($"epoch {scenario.ByHand}: already reported (skipped)", scenario.LoopOutput, StringComparison.Ordinal);
        Assert.DoesNotContain($"work report of epoch {scenario.ByHand}:", scenario.LoopOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_loop_submits_one_report_for_each_epoch_after_it_started()
    {
        for (var epoch = scenario.ByHand + 1; epoch <= scenario.Last; epoch++)
        {
            Assert.True(await scenario.ReportAsync(epoch) is not null, $"no report of epoch {epoch}\n{scenario.LoopLog}");
            Assert.Single(scenario.LoopOutput.Split('\n'), l => l.StartsWith($"work report of epoch {epoch}: included", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Report_loop_says_the_node_went_away_reconnects_and_reports_the_epochs_after_a_restart()
    {
        Assert.Contains("error: lost the node's WebSocket ws://127.0.0.1:", scenario.LoopError, StringComparison.Ordinal);
        Assert.Contains("reconnected to ws://127.0.0.1:", scenario.LoopOutput, StringComparison.Ordinal);
        Assert.True(scenario.RestartEpoch <= scenario.Last, $"the node came back in epoch {scenario.RestartEpoch}, after the window of epoch {scenario.Last}'s report opened");
        Assert.True(await scenario.ReportAsync(scenario.Last) is not null, scenario.LoopLog);
    }
}

public sealed class EdgeFollowUsageTests
{
    [Fact]
    public async Task Serve_challenges_against_a_node_that_is_not_there_exits_3_naming_the_node()
    {
        using var folder = new TempFolder();
        var key = Path.Combine(folder.Path, "edge.key");
        var data = Path.Combine(folder.Path, "edge.data");
        await File.WriteAllBytesAsync(data, new byte[5000]);
        Assert.Equal(0, (await EdgeResult.RunAsync(["keys", "new", "--key-file", key])).ExitCode);
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // a port nobody listens on

        var result = await EdgeResult.RunAsync(["serve-challenges", "--key-file", key, "--data", data, "--rpc", $"http://127.0.0.1:{port}/"]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"the node at http://127.0.0.1:{port}/ did not answer", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Poll_interval_without_poll_is_a_usage_error()
    {
        using var folder = new TempFolder();
        var key = Path.Combine(folder.Path, "edge.key");
        Assert.Equal(0, (await EdgeResult.RunAsync(["keys", "new", "--key-file", key])).ExitCode);

        var result = await EdgeResult.RunAsync(["report", "--loop", "--key-file", key, "--poll-ms", "100", "--rpc", "http://127.0.0.1:1/"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--poll-ms sets the polling interval of --poll", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_loop_with_an_epoch_is_a_usage_error()
    {
        using var folder = new TempFolder();
        var key = Path.Combine(folder.Path, "edge.key");
        Assert.Equal(0, (await EdgeResult.RunAsync(["keys", "new", "--key-file", key])).ExitCode);

        var result = await EdgeResult.RunAsync(["report", "--loop", "--epoch", "3", "--key-file", key, "--rpc", "http://127.0.0.1:1/"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--loop reports every epoch as it ends; --epoch names one", result.Error, StringComparison.Ordinal);
    }
}
