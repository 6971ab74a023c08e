using System.Diagnostics;
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
/// The edge-node scenario of issue 7 against a real <c>aro-node devnet</c> process (400 ms blocks, so a
/// 10-block epoch lasts 4 s and a report window 1.6 s): three keepers registered through the staking ABI (<c>aro-node tx staking
/// register</c>), <c>edgeCount</c> edge nodes made, attested (dev kind), registered, reporting and
/// answering challenges with <c>aro-edge</c> (one as a real child process, the rest through the same entry
/// point in-process), keepers judging with <c>aro-edge verdicts</c>, and the last edge reporting but never
/// answering its challenges. <see cref="Judged"/> is the first epoch every party took part in from its start.
/// </summary>
public class EdgeDevnet : IAsyncLifetime
{
    public const ulong EpochBlocks = 10;
    private const ulong ReportWindow = 4;

    private readonly TempFolder _folder = new();
    private readonly int _edgeCount;
    private readonly ulong _judgedEpochs;

    protected EdgeDevnet(int edgeCount, ulong judgedEpochs)
    {
        _edgeCount = edgeCount;
        _judgedEpochs = judgedEpochs;
    }

    internal NodeProcessHarness Node { get; private set; } = null!;

    public string Rpc { get; private set; } = string.Empty;

    public IReadOnlyList<string> EdgeKeys { get; private set; } = [];

    public IReadOnlyList<Address> Edges { get; private set; } = [];

    public Address Silent => Edges[^1];

    public IReadOnlyList<Address> Keepers { get; } = [Devnet.AccountAddress(1), Devnet.AccountAddress(2), Devnet.AccountAddress(3)];

    /// <summary>First epoch judged with every edge, keeper and answer in place.</summary>
    public ulong Judged { get; private set; }

    public ulong LastJudged => Judged + _judgedEpochs - 1;

    /// <summary>Everything the agents printed, for failure messages.</summary>
    public string AgentLog { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        // The keepers run no node: together they must stay below 1/3 of the power (3 × 1,000 of 13,000 ARO) or no
        // block could be committed without them, and each height one of them should propose waits out the propose timeout.
        Node = NodeProcessHarness.Start("devnet", "--rpc-port", "0", "--block-interval", "400ms", "--empty-block-interval", "400ms", "--timeout-propose", "300ms");
        Rpc = Node.WaitForRpc().ToString();
        RegisterKeepers();
        await MakeEdgesAsync();
        await FundEdgesAsync();
        await Task.WhenAll(Enumerable.Range(0, _edgeCount).Select(RegisterEdgeAsync));

        var current = await Node.BlockNumberAsync() / EpochBlocks;
        Judged = current + 1;
        var until = (LastJudged + 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var child = StartChildAgent(0, until);
        var agents = new List<Task<EdgeResult>>();
        for (var i = 1; i < _edgeCount - 1; i++)
        {
            agents.Add(EdgeResult.RunAsync(["serve-challenges", "--key-file", EdgeKeys[i], "--data", DataFile(i), "--report-each-epoch", "--bandwidth-bytes", "1000000",
                "--until-epoch", until, "--rpc", Rpc], stop.Token));
        }

        for (var k = 1; k <= 3; k++)
        {
            agents.Add(EdgeResult.RunAsync(["verdicts", "--key-file", KeyFile(k), "--ip-class", "2", "--upload-mbps", "60", "--uptime-ppm", "990000",
                "--until-epoch", until, "--rpc", Rpc], stop.Token));
        }

        var silent = ReportOnlyAsync(_edgeCount - 1, LastJudged + 2, stop.Token);
        var results = await Task.WhenAll(agents);
        await silent;
        Assert.True(child.WaitForExit(TimeSpan.FromSeconds(60)), "the aro-edge child process did not stop at --until-epoch");
        AgentLog = string.Join("\n---\n", results.Select(r => r.ToString())) + "\n--- child:\n" + child.StandardOutput.ReadToEnd() + child.StandardError.ReadToEnd();
        Assert.True(child.ExitCode == 0, AgentLog);
        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.ToString()));

        // Epoch e is scored and settled in the last block of e+1.
        Node.WaitForBlock(((LastJudged + 2) * EpochBlocks) + 1, TimeSpan.FromSeconds(30));
    }

    public async Task<JsonElement> ResultAsync(string method, params object[] parameters)
    {
        var response = await Node.CallAsync(method, parameters);
        return response.TryGetProperty("result", out var result) ? result : throw new Xunit.Sdk.XunitException($"{method}: {response}\n{AgentLog}");
    }

    public Task<JsonElement> CallAsync(string method, params object[] parameters) => Node.CallAsync(method, parameters);

    public Task DisposeAsync()
    {
        Node.Interrupt();
        Node.Dispose();
        _folder.Dispose();
        return Task.CompletedTask;
    }

    public string KeyFile(int devAccount)
    {
        var path = Path.Combine(_folder.Path, $"dev{devAccount}.key");
        if (!File.Exists(path))
        {
            File.WriteAllText(path, Hex.Encode(Devnet.AccountKey(devAccount)));
        }

        return path;
    }

    public string DataFile(int edge) => Path.Combine(_folder.Path, $"edge{edge}.data");

    private void RegisterKeepers()
    {
        for (var k = 1; k <= 3; k++)
        {
            var result = CliResult.Run(
                "tx", "staking", "register", "--consensus-key", Hex.Encode(StakingNode.ConsensusKey($"aro-devnet-edge-keeper-{k}")), "--commission", "500",
                "--moniker", $"edge-keeper-{k}", "--region", "local", "--self-stake", "1000aro", "--private-key-file", KeyFile(k), "--rpc", Rpc, "--timeout", "30s");
            Assert.True(result.ExitCode == 0, result.ToString());
        }
    }

    private async Task MakeEdgesAsync()
    {
        var keys = new string[_edgeCount];
        var addresses = new Address[_edgeCount];
        var random = new Random(7);
        for (var i = 0; i < _edgeCount; i++)
        {
            keys[i] = Path.Combine(_folder.Path, $"edge{i}.key");
            var made = await EdgeResult.RunAsync(["keys", "new", "--key-file", keys[i]]);
            Assert.True(made.ExitCode == 0, made.ToString());
            addresses[i] = Address.Parse((await EdgeResult.RunAsync(["keys", "show", "--key-file", keys[i]])).Output.Trim());
            var data = new byte[20_000 + (i * 1_000)];
            random.NextBytes(data);
            await File.WriteAllBytesAsync(DataFile(i), data);
        }

        EdgeKeys = keys;
        Edges = addresses;
    }

    private async Task FundEdgesAsync()
    {
        var nonce = Convert.ToUInt64((await ResultAsync("eth_getTransactionCount", Devnet.AccountAddress(0).ToLowerHex(), "pending")).GetString(), 16);
        string last = string.Empty;
        foreach (var edge in Edges)
        {
            var tx = Devnet.Transfer(0, nonce++, edge, StakingNode.Aro * 10);
            last = (await ResultAsync("eth_sendRawTransaction", Hex.Encode(TxEncoder.Encode(tx)))).GetString()!;
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await ResultAsync("eth_getTransactionReceipt", last)).ValueKind != JsonValueKind.Object)
        {
            Assert.True(DateTime.UtcNow < deadline, "the edge funding transfers were not included");
            await Task.Delay(100);
        }
    }

    private async Task RegisterEdgeAsync(int i)
    {
        var evidence = Path.Combine(_folder.Path, $"edge{i}.evidence.json");
        var attest = await EdgeResult.RunAsync(["attest", "--key-file", EdgeKeys[i], "--dev", "--out", evidence, "--rpc", Rpc]);
        Assert.True(attest.ExitCode == 0, attest.ToString());
        var register = await EdgeResult.RunAsync(["register", "--key-file", EdgeKeys[i], "--evidence", evidence, "--bond", "1aro", "--region", "eu-west", "--bandwidth-mbps", "100", "--storage-gib", "1", "--compute-units", "1000", "--rpc", Rpc]);
        Assert.True(register.ExitCode == 0, register.ToString());
    }

    /// <summary>The misbehaving edge: reports (committing to its data) every epoch, never answers a challenge.</summary>
    private async Task ReportOnlyAsync(int i, ulong until, CancellationToken cancel)
    {
        var reported = new HashSet<ulong>();
        while (true)
        {
            var head = await Node.BlockNumberAsync();
            var current = head / EpochBlocks;
            if (current >= until)
            {
                return;
            }

            if (head % EpochBlocks < ReportWindow && current > Judged && reported.Add(current - 1))
            {
                await EdgeResult.RunAsync(["report", "--key-file", EdgeKeys[i], "--data", DataFile(i), "--epoch", (current - 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "--bandwidth-bytes", "1000000", "--rpc", Rpc], cancel);
            }

            await Task.Delay(100, cancel);
        }
    }

    private System.Diagnostics.Process StartChildAgent(int i, string until)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "aro-edge.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "serve-challenges", "--key-file", EdgeKeys[i], "--data", DataFile(i), "--report-each-epoch", "--bandwidth-bytes", "1000000",
                     "--until-epoch", until, "--poll", "--poll-ms", "100", "--rpc", Rpc })
        {
            start.ArgumentList.Add(arg);
        }

        return System.Diagnostics.Process.Start(start)!;
    }
}

/// <summary>The CI-sized scenario: 20 edge nodes, two judged epochs.</summary>
public sealed class EdgeDevnet20() : EdgeDevnet(20, 2);

/// <summary>The soak-sized scenario: 60 edge nodes, five judged epochs.</summary>
public sealed class EdgeDevnetSoak() : EdgeDevnet(60, 5);
