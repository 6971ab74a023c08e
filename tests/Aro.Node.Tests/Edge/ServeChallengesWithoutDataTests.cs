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
/// <c>aro-edge serve-challenges</c> without <c>--data</c> against a real devnet process (every reporter challenged,
/// both kinds): an edge whose reports commit to data (<c>report --loop --data</c>, run beside it) is answered for
/// its compute challenge, and each storage challenge is named as one this run cannot answer.
/// </summary>
public sealed class ServeWithoutDataScenario : IAsyncLifetime
{
    private const ulong EpochBlocks = 10;
    private readonly TempFolder _folder = new();
    private NodeProcessHarness _node = null!;

    internal EdgeResult Server { get; private set; } = null!;

    internal EdgeResult Reporter { get; private set; } = null!;

    /// <summary>An epoch the edge reported with data whose challenges the server watched from start to end.</summary>
    public ulong Watched { get; private set; }

    public async Task InitializeAsync()
    {
        _node = NodeProcessHarness.Start("devnet", "--home", Path.Combine(_folder.Path, "devnet"), "--rpc-port", "0", "--block-interval", "400ms", "--empty-block-interval", "400ms");
        var rpc = _node.WaitForRpc().ToString();
        var key = Path.Combine(_folder.Path, "edge.key");
        var data = Path.Combine(_folder.Path, "edge.data");
        await File.WriteAllBytesAsync(data, new byte[10_000]);
        await Edge_(["keys", "new", "--key-file", key]);
        await FundAsync(Address.Parse((await Edge_(["keys", "show", "--key-file", key])).Output.Trim()));
        var evidence = Path.Combine(_folder.Path, "edge.evidence.json");
        await Edge_(["attest", "--key-file", key, "--dev", "--out", evidence, "--rpc", rpc]);
        await Edge_(["register", "--key-file", key, "--evidence", evidence, "--bond", "1aro", "--bandwidth-mbps", "50", "--storage-gib", "1", "--compute-units", "1000", "--rpc", rpc]);

        // Epoch Watched is reported (with data) in Watched+1's report window; its challenges open and close in Watched+1.
        Watched = (await _node.BlockNumberAsync() / EpochBlocks) + 1;
        var until = (Watched + 2).ToString(CultureInfo.InvariantCulture);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var reporter = EdgeResult.RunAsync(["report", "--loop", "--key-file", key, "--data", data, "--compute-units", "10", "--until-epoch", until, "--rpc", rpc], stop.Token);
        var server = EdgeResult.RunAsync(["serve-challenges", "--key-file", key, "--until-epoch", until, "--rpc", rpc], stop.Token);
        Reporter = await reporter;
        Server = await server;
    }

    public Task DisposeAsync()
    {
        _node.Interrupt();
        _node.Dispose();
        _folder.Dispose();
        return Task.CompletedTask;
    }

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
}

public sealed class ServeChallengesWithoutDataTests(ServeWithoutDataScenario scenario) : IClassFixture<ServeWithoutDataScenario>
{
    [Fact]
    public void Says_at_start_up_that_storage_challenges_will_not_be_answered()
    {
        Assert.Equal(0, scenario.Server.ExitCode);
        Assert.Contains("compute only; no --data, so storage challenges will not be answered", scenario.Server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_a_storage_challenge_addressed_to_it_as_unanswerable()
    {
        var epoch = scenario.Watched.ToString(CultureInfo.InvariantCulture);

        Assert.Contains($"work report of epoch {epoch}: included in block", scenario.Reporter.Output, StringComparison.Ordinal);
        Assert.Contains($"error: storage challenge of epoch {epoch} (chunk ", scenario.Server.Error, StringComparison.Ordinal);
        Assert.Contains("cannot be answered: serve-challenges runs without --data", scenario.Server.Error, StringComparison.Ordinal);
        Assert.DoesNotContain($"challenge of epoch {epoch} answered (chunk", scenario.Server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Answers_the_compute_challenge_of_the_same_epoch()
    {
        var answered = scenario.Server.Output.Split('\n').Where(l => l.StartsWith($"compute challenge of epoch {scenario.Watched.ToString(CultureInfo.InvariantCulture)} answered", StringComparison.Ordinal));

        Assert.Contains(answered, l => l.Contains(": included in block", StringComparison.Ordinal));
    }
}
