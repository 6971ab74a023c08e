using Aro.Network.Peers;
using Aro.Network.Transport;

namespace Aro.Network.Tests;

public sealed class FrameTests
{
    [Fact]
    public async Task A_tampered_frame_disconnects_the_peer_and_lowers_its_score()
    {
        await using var net = new TestNet();
        var host = net.Host();
        var handler = new RecordingHandler();
        host.RegisterChannel(ChannelDescriptor.Transactions, handler);
        await host.StartAsync();
        await using var raw = await RawPeer.ConnectAsync(host);
        await Eventually.TrueAsync(() => host.Peers.Contains(raw.Key.Id), "the host lists the raw peer");

        raw.Wire.FlipNextWrite = true;
        await raw.SendAsync(ChannelId.Transactions, [1, 2, 3]);

        Assert.True(await raw.IsClosedByRemoteAsync(TimeSpan.FromSeconds(5)));
        await Eventually.TrueAsync(() => !host.Peers.Contains(raw.Key.Id), "the host dropped the peer");
        Assert.Equal(-(int)Penalty.BadFrame, host.Score(raw.Key.Id));
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public async Task An_oversized_frame_is_refused_from_its_header_and_the_peer_penalised()
    {
        await using var net = new TestNet();
        var host = net.Host();
        host.RegisterChannel(ChannelDescriptor.Transactions, new RecordingHandler());
        await host.StartAsync();
        await using var raw = await RawPeer.ConnectAsync(host);
        await Eventually.TrueAsync(() => host.Peers.Contains(raw.Key.Id), "the host lists the raw peer");

        // Only the 4-byte header is sent: the host must refuse without waiting for 64 MiB of body.
        await raw.SendHeaderOnlyAsync(64 * 1024 * 1024);

        Assert.True(await raw.IsClosedByRemoteAsync(TimeSpan.FromSeconds(5)));
        await Eventually.TrueAsync(() => host.Score(raw.Key.Id) == -(int)Penalty.BadFrame, "the peer is penalised for a bad frame");
    }

    [Fact]
    public async Task A_frame_for_an_unregistered_channel_disconnects_the_peer()
    {
        await using var net = new TestNet();
        var host = net.Host();
        host.RegisterChannel(ChannelDescriptor.Transactions, new RecordingHandler());
        await host.StartAsync();
        await using var raw = await RawPeer.ConnectAsync(host);

        await raw.SendAsync(ChannelId.Consensus, [7]);

        Assert.True(await raw.IsClosedByRemoteAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Sealed_frame_opens_with_the_peer_key_to_the_same_channel_and_payload()
    {
        var key = new byte[32];
        key[0] = 9;
        using var sealer = new FrameSealer(key);
        using var opener = new FrameOpener(key);
        byte[] payload = [10, 20, 30];
        var wire = new byte[FrameFormat.SealedLength(payload.Length)];

        var length = sealer.Seal(3, payload, wire);
        var body = wire.AsSpan(4, length - 4);
        var plaintext = new byte[body.Length - FrameFormat.TagLength];
        opener.Open(wire.AsSpan(0, 4), body, plaintext);

        Assert.Equal(wire.Length, length);
        Assert.Equal([3, 10, 20, 30], plaintext);
    }

    [Fact]
    public void A_replayed_frame_fails_authentication_because_the_nonce_counter_moved_on()
    {
        var key = new byte[32];
        using var sealer = new FrameSealer(key);
        using var opener = new FrameOpener(key);
        var wire = new byte[FrameFormat.SealedLength(1)];
        sealer.Seal(1, [42], wire);
        var plaintext = new byte[2];
        opener.Open(wire.AsSpan(0, 4), wire.AsSpan(4), plaintext);

        var error = Assert.Throws<PeerProtocolException>(() => opener.Open(wire.AsSpan(0, 4), wire.AsSpan(4), plaintext));

        Assert.Equal(ProtocolError.FrameAuthenticationFailed, error.Error);
    }

    [Fact]
    public void A_length_prefix_above_the_limit_is_FrameTooLarge_and_one_too_short_for_a_tag_is_FrameMalformed()
    {
        Assert.Equal(ProtocolError.FrameTooLarge, Assert.Throws<PeerProtocolException>(() => FrameFormat.ReadBodyLength([0, 0x41, 0, 0], 4 * 1024 * 1024)).Error);
        Assert.Equal(ProtocolError.FrameMalformed, Assert.Throws<PeerProtocolException>(() => FrameFormat.ReadBodyLength([0, 0, 0, 16], 1024)).Error);
    }
}
