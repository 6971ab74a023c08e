using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Aro.Node.Tests.Cli;
using Aro.Testing;

namespace Aro.Node.Tests.Process;

/// <summary>
/// N real validator processes from <c>aro-node testnet init</c> on 127.0.0.1: start, kill (SIGKILL),
/// restart, and read their chains over JSON-RPC.
/// </summary>
internal sealed class LocalTestnet : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly int _p2pBase;

    private LocalTestnet(int count, int p2pBase)
    {
        _p2pBase = p2pBase;
        Nodes = new NodeProcessHarness?[count];
    }

    public NodeProcessHarness?[] Nodes { get; }

    /// <summary>Everything every node process printed, including processes killed earlier (for the double-sign check).</summary>
    public List<string> PastOutputs { get; } = [];

    public string Home(int i) => Path.Combine(_dir.Path, $"node{i}");

    public int P2PPort(int i) => _p2pBase + i;

    public string PeerAddress(int i) =>
        System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Home(i), "node_key.json"))).RootElement.GetProperty("nodeId").GetString()
        + $"@127.0.0.1:{_p2pBase + i}";

    public static LocalTestnet Init(int count, string blockInterval = "100ms", string emptyBlockInterval = "300ms")
    {
        var p2pBase = FreePortRange(count);
        var net = new LocalTestnet(count, p2pBase);
        var result = CliResult.Run(
            "testnet", "init", "--validators", count.ToString(CultureInfo.InvariantCulture), "--out", net._dir.Path,
            "--p2p-base-port", p2pBase.ToString(CultureInfo.InvariantCulture), "--rpc-base-port", "18545",
            "--block-interval", blockInterval, "--empty-block-interval", emptyBlockInterval);
        Assert.True(result.ExitCode == 0, result.Error);
        return net;
    }

    public NodeProcessHarness Start(int i)
    {
        if (Nodes[i] is { } old)
        {
            PastOutputs.Add(old.Output);
            old.Dispose();
        }

        var node = NodeProcessHarness.Start("run", "--home", Home(i), "--rpc-port", "0", "--p2p-port", (_p2pBase + i).ToString(CultureInfo.InvariantCulture));
        node.WaitForRpc();
        Nodes[i] = node;
        return node;
    }

    public void StartAll()
    {
        for (var i = 0; i < Nodes.Length; i++)
        {
            Start(i);
        }
    }

    public void Kill(int i)
    {
        Nodes[i]!.KillHard();
    }

    public IEnumerable<NodeProcessHarness> Running => Nodes.Where(n => n is { HasExited: false })!;

    public IEnumerable<string> AllOutputs => PastOutputs.Concat(Nodes.Where(n => n is not null).Select(n => n!.Output));

    public void Dispose()
    {
        foreach (var node in Nodes)
        {
            node?.Dispose();
        }

        _dir.Dispose();
    }

    /// <summary>A run of <paramref name="count"/> consecutive loopback ports that are free now.</summary>
    private static int FreePortRange(int count)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var start = Random.Shared.Next(20_000, 60_000);
            if (Enumerable.Range(start, count).All(IsFree))
            {
                return start;
            }
        }

        throw new InvalidOperationException("no free port range");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
