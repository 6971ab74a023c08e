using Aro.Network.Gossip;
using Aro.Network.Peers;
using Aro.Network.Transport;

namespace Aro.Network.Tests;

public sealed class ScoringTests
{
    [Fact]
    public async Task A_peer_penalised_to_the_ban_threshold_is_disconnected_and_refused_when_it_returns()
    {
        await using var net = new TestNet();
        var host = net.Host();
        _ = new TxGossip(host, (_, _) => TxAdmission.Accepted);
        await host.StartAsync();
        var raw = await RawPeer.ConnectAsync(host);
        await Eventually.TrueAsync(() => host.Peers.Contains(raw.Key.Id), "the host lists the raw peer");

        // An empty transaction message is malformed: −25 each, banned at −100.
        for (var i = 0; i < 4; i++)
        {
            await raw.SendAsync(ChannelId.Transactions, []);
        }

        Assert.True(await raw.IsClosedByRemoteAsync(TimeSpan.FromSeconds(5)));
        await raw.DisposeAsync();
        Assert.True(host.IsBanned(raw.Key.Id));
        var error = await Assert.ThrowsAsync<PeerProtocolException>(() => RawPeer.ConnectAsync(host, raw.Key));
        Assert.Equal(ProtocolError.RefusedByPeer, error.Error);
        Assert.Contains(nameof(ProtocolError.Banned), error.Message, StringComparison.Ordinal);
    }
}
