using Aro.Core.Crypto;
using Aro.Network.Keys;
using Aro.Network.Transport;

namespace Aro.Network.Tests;

public sealed class HandshakeTests
{
    [Fact]
    public async Task Handshake_succeeds_and_each_side_learns_the_others_proven_node_id()
    {
        await using var net = new TestNet();
        var a = net.Host();
        var b = net.Host();
        await a.StartAsync();
        await b.StartAsync();

        var remote = await a.DialAsync(TestNet.AddressOf(b));

        Assert.Equal(b.Id, remote);
        await Eventually.TrueAsync(() => b.Peers.Contains(a.Id), "b lists a");
        Assert.Equal([b.Id], a.Peers);
    }

    [Fact]
    public async Task Dialing_a_known_peer_whose_key_differs_is_refused_UnexpectedPeerId()
    {
        await using var net = new TestNet();
        var a = net.Host();
        var b = net.Host();
        await a.StartAsync();
        await b.StartAsync();
        var impostorId = NodeKey.Generate().Id;

        var error = await Assert.ThrowsAsync<PeerProtocolException>(() => a.DialAsync(TestNet.AddressOf(b) with { Id = impostorId }));

        Assert.Equal(ProtocolError.UnexpectedPeerId, error.Error);
        Assert.Contains(impostorId.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Empty(a.Peers);
        await Task.Delay(100);
        Assert.Empty(b.Peers);
    }

    [Fact]
    public async Task Chain_id_mismatch_is_refused_with_both_chain_ids_in_the_reason()
    {
        await using var net = new TestNet();
        var a = net.Host();
        var b = net.Host(chain: TestNet.Chain with { ChainId = 9999 });
        await a.StartAsync();
        await b.StartAsync();

        var error = await Assert.ThrowsAsync<PeerProtocolException>(() => a.DialAsync(TestNet.AddressOf(b)));

        Assert.Equal(ProtocolError.ChainIdMismatch, error.Error);
        Assert.Contains("9999", error.Message, StringComparison.Ordinal);
        Assert.Contains("7771", error.Message, StringComparison.Ordinal);
        Assert.Empty(a.Peers);
        Assert.Empty(b.Peers);
    }

    [Fact]
    public async Task Genesis_mismatch_on_the_same_chain_id_is_refused_GenesisMismatch()
    {
        await using var net = new TestNet();
        var a = net.Host();
        var b = net.Host(chain: TestNet.Chain with { GenesisHash = Keccak256.Hash("another genesis"u8) });
        await a.StartAsync();
        await b.StartAsync();

        var error = await Assert.ThrowsAsync<PeerProtocolException>(() => a.DialAsync(TestNet.AddressOf(b)));

        Assert.Equal(ProtocolError.GenesisMismatch, error.Error);
    }

    [Fact]
    public async Task A_node_dialing_itself_is_refused_SelfConnection()
    {
        await using var net = new TestNet();
        var a = net.Host();
        await a.StartAsync();

        var error = await Assert.ThrowsAsync<PeerProtocolException>(() => a.DialAsync(TestNet.AddressOf(a)));

        Assert.Equal(ProtocolError.SelfConnection, error.Error);
    }

    [Fact]
    public async Task A_host_at_its_peer_limit_refuses_one_more_TooManyPeers()
    {
        await using var net = new TestNet();
        var hub = net.Host(maxPeers: 1);
        var first = net.Host();
        var second = net.Host();
        await hub.StartAsync();
        await first.StartAsync();
        await second.StartAsync();
        await TestNet.ConnectAsync(first, hub);

        var error = await Assert.ThrowsAsync<PeerProtocolException>(() => second.DialAsync(TestNet.AddressOf(hub)));

        Assert.Equal(ProtocolError.RefusedByPeer, error.Error);
        Assert.Contains(nameof(ProtocolError.TooManyPeers), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_persistent_peer_that_starts_later_is_dialed_with_backoff_until_connected()
    {
        await using var net = new TestNet();
        var laterKey = NodeKey.Generate();
        var reserved = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        reserved.Start();
        var port = ((System.Net.IPEndPoint)reserved.LocalEndpoint).Port;
        reserved.Stop();
        var dialer = net.Host(persistent: [new Peers.PeerAddress(laterKey.Id, "127.0.0.1", port)]);
        await dialer.StartAsync();
        await Task.Delay(200);

        var later = new Peers.P2PHost(new Peers.P2PHostOptions { Key = laterKey, Chain = TestNet.Chain, Listen = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port) });
        await using (later)
        {
            await later.StartAsync();
            await Eventually.TrueAsync(() => dialer.Peers.Contains(laterKey.Id), "the persistent peer is connected");
        }
    }
}
