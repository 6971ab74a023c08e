using Aro.Network.Keys;
using Aro.Network.Peers;
using Aro.Network.Transport;

namespace Aro.Network.Tests;

public sealed class BackPressureTests
{
    [Fact]
    public async Task A_peer_that_stops_reading_does_not_delay_delivery_to_other_peers()
    {
        await using var net = new TestNet();
        using var gate = new ManualResetEventSlim(false);
        var hub = net.Host();
        var slow = net.Host();
        var fast = net.Host();
        var received = 0;
        hub.RegisterChannel(ChannelDescriptor.Transactions, new RecordingHandler());
        slow.RegisterChannel(ChannelDescriptor.Transactions, new RecordingHandler { OnReceive = (_, _) => gate.Wait() });
        fast.RegisterChannel(ChannelDescriptor.Transactions, new CountingHandler(() => Interlocked.Increment(ref received)));
        await hub.StartAsync();
        await slow.StartAsync();
        await fast.StartAsync();
        await TestNet.ConnectAsync(slow, hub);
        await TestNet.ConnectAsync(fast, hub);
        const int rounds = 20;
        const int perRound = 200;
        var payload = new byte[16 * 1024];

        try
        {
            // 64 MiB towards a peer whose read loop is stuck: far beyond the socket buffers and its
            // queue. Rounds stay under the queue capacity, so the fast peer never needs to drop.
            for (var round = 1; round <= rounds; round++)
            {
                for (var i = 0; i < perRound; i++)
                {
                    hub.Broadcast(ChannelId.Transactions, payload);
                }

                await Eventually.TrueAsync(() => Volatile.Read(ref received) == round * perRound, $"the fast peer received round {round}");
            }

            Assert.True(hub.DroppedMessages(slow.Id, ChannelId.Transactions) > 0, "the slow peer's full queue dropped messages");
            Assert.Equal(0, hub.DroppedMessages(fast.Id, ChannelId.Transactions));
            Assert.Contains(slow.Id, hub.Peers);
        }
        finally
        {
            gate.Set();
        }
    }

    [Fact]
    public async Task A_peer_whose_queue_overflows_on_a_disconnect_policy_channel_is_disconnected_SlowPeer()
    {
        await using var net = new TestNet();
        using var gate = new ManualResetEventSlim(false);
        var hub = net.Host();
        var slow = net.Host();
        var tiny = new ChannelDescriptor(ChannelId.Consensus, 3, 4, OverflowPolicy.Disconnect, 1024 * 1024);
        hub.RegisterChannel(tiny, new RecordingHandler());
        slow.RegisterChannel(tiny, new RecordingHandler { OnReceive = (_, _) => gate.Wait() });
        var disconnected = new TaskCompletionSource<ProtocolError>();
        hub.PeerDisconnected += (_, e) => disconnected.TrySetResult(e.Reason);
        await hub.StartAsync();
        await slow.StartAsync();
        await TestNet.ConnectAsync(slow, hub);

        try
        {
            for (var i = 0; i < 2000 && hub.Peers.Count > 0; i++)
            {
                hub.Broadcast(ChannelId.Consensus, new byte[64 * 1024]);
            }

            Assert.Equal(ProtocolError.SlowPeer, await disconnected.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        }
        finally
        {
            gate.Set();
        }
    }

    private sealed class CountingHandler(Action onMessage) : IChannelHandler
    {
        public void Receive(NodeId from, ReadOnlyMemory<byte> payload) => onMessage();
    }
}
