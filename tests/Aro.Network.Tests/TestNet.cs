using System.Net;
using Aro.Core;
using Aro.Core.Crypto;
using Aro.Network.Keys;
using Aro.Network.Peers;
using Aro.Network.Transport;

namespace Aro.Network.Tests;

/// <summary>Hosts on 127.0.0.1 with port 0, disposed together at the end of a test.</summary>
internal sealed class TestNet : IAsyncDisposable
{
    public static readonly ChainIdentity Chain = new(7771, Keccak256.Hash("aro-network-tests genesis"u8));

    private readonly List<P2PHost> _hosts = [];

    public P2PHost Host(ChainIdentity? chain = null, NodeKey? key = null, int maxPeers = 40, IReadOnlyList<PeerAddress>? persistent = null)
    {
        var host = new P2PHost(new P2PHostOptions
        {
            Key = key ?? NodeKey.Generate(),
            Chain = chain ?? Chain,
            Listen = new IPEndPoint(IPAddress.Loopback, 0),
            MaxPeers = maxPeers,
            PersistentPeers = persistent ?? [],
            HandshakeTimeout = TimeSpan.FromSeconds(5),
            DialBackoffMin = TimeSpan.FromMilliseconds(50),
            DialBackoffMax = TimeSpan.FromMilliseconds(500),
        });
        _hosts.Add(host);
        return host;
    }

    public static PeerAddress AddressOf(P2PHost host) => new(host.Id, "127.0.0.1", host.ListenEndPoint!.Port);

    /// <summary>Dials <paramref name="to"/> from <paramref name="from"/> and waits until both list the link.</summary>
    public static async Task ConnectAsync(P2PHost from, P2PHost to)
    {
        await from.DialAsync(AddressOf(to));
        await Eventually.TrueAsync(() => to.Peers.Contains(from.Id), $"{to.Id} lists {from.Id}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }
}

internal static class Eventually
{
    /// <summary>Polls until the condition holds; fails the test with <paramref name="what"/> after the timeout.</summary>
    public static async Task TrueAsync(Func<bool> condition, string what, int timeoutMs = 10_000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline)
            {
                Assert.Fail($"timed out waiting until {what}");
            }

            await Task.Delay(10);
        }
    }
}

/// <summary>A channel handler that records what it receives.</summary>
internal sealed class RecordingHandler : IChannelHandler
{
    private readonly List<(NodeId From, byte[] Payload)> _received = [];

    public Action<NodeId, ReadOnlyMemory<byte>>? OnReceive { get; init; }

    public int Count
    {
        get
        {
            lock (_received)
            {
                return _received.Count;
            }
        }
    }

    public IReadOnlyList<byte[]> Payloads
    {
        get
        {
            lock (_received)
            {
                return _received.ConvertAll(r => r.Payload);
            }
        }
    }

    public void Receive(NodeId from, ReadOnlyMemory<byte> payload)
    {
        OnReceive?.Invoke(from, payload);
        lock (_received)
        {
            _received.Add((from, payload.ToArray()));
        }
    }
}
