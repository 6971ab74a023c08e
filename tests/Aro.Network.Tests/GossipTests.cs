using System.Collections.Concurrent;
using Aro.Core;
using Aro.Network.Gossip;
using Aro.Network.Keys;
using Aro.Network.Peers;

namespace Aro.Network.Tests;

public sealed class GossipTests
{
    [Fact]
    public async Task Tx_gossip_along_a_line_of_three_hosts_reaches_each_pool_once_and_never_returns_to_its_sender()
    {
        await using var net = new TestNet();
        var (a, poolA, gossipA) = GossipHost(net);
        var (b, poolB, gossipB) = GossipHost(net);
        var (c, poolC, gossipC) = GossipHost(net);
        await a.StartAsync();
        await b.StartAsync();
        await c.StartAsync();
        await TestNet.ConnectAsync(a, b);
        await TestNet.ConnectAsync(b, c);
        var txs = Enumerable.Range(0, 50).Select(i => RawTx(i)).ToList();

        foreach (var tx in txs)
        {
            gossipA.Broadcast(tx);
        }

        await Eventually.TrueAsync(() => poolC.Count == txs.Count, "every transaction reached the far end");
        await Task.Delay(200);
        Assert.Empty(poolA);
                Assert.All(txs, tx => Assert.Equal([b.Id], poolC[Hex.Encode(tx)]));
        Assert.All(txs, tx => Assert.Equal([a.Id], poolB[Hex.Encode(tx)]));
        Assert.Equal(0, gossipA.DuplicatesReceived);
        Assert.Equal(0, gossipB.DuplicatesReceived);
        Assert.Equal(0, gossipC.DuplicatesReceived);
    }

    [Fact]
    public async Task A_gossiped_tx_the_pool_calls_invalid_lowers_the_senders_score_and_is_not_relayed()
    {
        await using var net = new TestNet();
        var sender = net.Host();
        var receiver = net.Host();
        var third = net.Host();
        var relayed = new RecordingHandler();
        _ = new TxGossip(sender, (_, _) => TxAdmission.Accepted);
        var gossip = new TxGossip(receiver, (_, _) => TxAdmission.Invalid);
        third.RegisterChannel(ChannelDescriptor.Transactions, relayed);
        await sender.StartAsync();
        await receiver.StartAsync();
        await third.StartAsync();
        await TestNet.ConnectAsync(sender, receiver);
        await TestNet.ConnectAsync(third, receiver);

        sender.Broadcast(ChannelId.Transactions, TxGossip.EncodeBatch([RawTx(1)]));

        await Eventually.TrueAsync(() => receiver.Score(sender.Id) == -(int)Penalty.MalformedMessage, "the sender is penalised");
        Assert.Equal(0, relayed.Count);
    }

    [Fact]
    public async Task Transactions_broadcast_together_travel_in_one_batch_message()
    {
        await using var net = new TestNet();
        var sender = net.Host();
        var receiver = net.Host();
        var messages = new RecordingHandler();
        var gossip = new TxGossip(sender, (_, _) => TxAdmission.Accepted);
        receiver.RegisterChannel(ChannelDescriptor.Transactions, messages);
        await sender.StartAsync();
        await receiver.StartAsync();
        await TestNet.ConnectAsync(sender, receiver);

        for (var i = 0; i < 20; i++)
        {
            gossip.Broadcast(RawTx(i));
        }

        gossip.Flush();

        await Eventually.TrueAsync(() => messages.Count == 1, "one message arrived");
        Assert.Equal(20, TxGossip.DecodeBatch(messages.Payloads[0]).Count);
    }

    [Fact]
    public async Task A_batch_with_one_invalid_tx_relays_the_valid_ones_and_penalises_the_sender()
    {
        await using var net = new TestNet();
        var sender = net.Host();
        var receiver = net.Host();
        var third = net.Host();
        var relayed = new RecordingHandler();
        var bad = RawTx(9);
        _ = new TxGossip(receiver, (tx, _) => tx.Span.SequenceEqual(bad) ? TxAdmission.Invalid : TxAdmission.Accepted);
        sender.RegisterChannel(ChannelDescriptor.Transactions, new RecordingHandler());
        third.RegisterChannel(ChannelDescriptor.Transactions, relayed);
        await sender.StartAsync();
        await receiver.StartAsync();
        await third.StartAsync();
        await TestNet.ConnectAsync(sender, receiver);
        await TestNet.ConnectAsync(third, receiver);

        sender.Broadcast(ChannelId.Transactions, TxGossip.EncodeBatch([RawTx(1), bad, RawTx(2)]));

        await Eventually.TrueAsync(() => receiver.Score(sender.Id) == -(int)Penalty.MalformedMessage, "the sender is penalised");
        await Eventually.TrueAsync(() => relayed.Count == 1, "the valid ones were relayed");
        Assert.Equal([Hex.Encode(RawTx(1)), Hex.Encode(RawTx(2))], TxGossip.DecodeBatch(relayed.Payloads[0]).Select(t => Hex.Encode(t.Span)));
    }

    [Theory]
    [InlineData("01")] // a single byte, not a list
    [InlineData("c0")] // an empty list
    [InlineData("c180")] // an empty transaction
    [InlineData("c2c100")] // a list where a transaction should be
    [InlineData("c3820102ff")] // trailing bytes
    public void A_malformed_batch_is_an_invalid_message(string hex)
    {
        Assert.Throws<InvalidMessageException>(() => TxGossip.DecodeBatch(Hex.Decode(hex)));
    }

    [Fact]
    public void The_seen_cache_forgets_the_oldest_hash_beyond_its_capacity()
    {
        var cache = new SeenCache(2);
        var first = new Hash256(Enumerable.Repeat((byte)1, 32).ToArray());
        var second = new Hash256(Enumerable.Repeat((byte)2, 32).ToArray());
        var third = new Hash256(Enumerable.Repeat((byte)3, 32).ToArray());

        Assert.True(cache.Add(first));
        Assert.False(cache.Add(first));
        Assert.True(cache.Add(second));
        Assert.True(cache.Add(third));

        Assert.False(cache.Contains(first));
        Assert.True(cache.Contains(third));
        Assert.Equal(2, cache.Count);
    }

    private static (P2PHost Host, ConcurrentDictionary<string, List<NodeId>> Pool, TxGossip Gossip) GossipHost(TestNet net)
    {
        var host = net.Host();
        var pool = new ConcurrentDictionary<string, List<NodeId>>();
        var gossip = new TxGossip(host, (tx, from) =>
        {
            var senders = pool.GetOrAdd(Hex.Encode(tx.Span), _ => []);
            lock (senders)
            {
                senders.Add(from);
            }

            return TxAdmission.Accepted;
        });
        return (host, pool, gossip);
    }

    private static byte[] RawTx(int seed)
    {
        // Opaque bytes stand in for raw transactions: gossip never decodes them, the pool does.
        var tx = new byte[120];
        for (var i = 0; i < tx.Length; i++)
        {
            tx[i] = (byte)((seed * 131) + (i * 7) + 1);
        }

        tx[0] = (byte)seed;
        return tx;
    }
}
