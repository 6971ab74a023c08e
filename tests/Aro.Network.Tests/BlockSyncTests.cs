using Aro.Core.Crypto;
using Aro.Network.Peers;
using Aro.Network.Sync;

namespace Aro.Network.Tests;

public sealed class BlockSyncTests
{
    [Fact]
    public async Task A_fresh_node_syncs_N_blocks_in_order_and_penalises_a_peer_serving_badly_signed_blocks()
    {
        await using var net = new TestNet();
        const int blocks = 150;
        var chain = TestChain.Build(blocks, TestChain.ValidatorKey);
        var forged = TestChain.Build(blocks + 5, Keccak256.Hash("not the validator"u8).ToArray());
        var good = net.Host();
        var bad = net.Host();
        var fresh = net.Host();
        _ = new BlockSyncService(good, new ListBlockSource(chain));
        _ = new BlockSyncService(bad, new ListBlockSource(forged));
        var service = new BlockSyncService(fresh, new ListBlockSource([]));
        var sink = new VerifyingSink();
        var client = new BlockSyncClient(service, sink, TimeSpan.FromSeconds(5));
        await good.StartAsync();
        await bad.StartAsync();
        await fresh.StartAsync();
        await TestNet.ConnectAsync(fresh, good);
        await TestNet.ConnectAsync(fresh, bad);
        await Eventually.TrueAsync(() => service.PeerStatuses.Count == 2, "both peers announced their heads");

        var height = await client.SyncAsync(0);

        Assert.Equal((ulong)blocks, height);
        Assert.Equal(chain.Select(b => b.Block.Hash), sink.Applied.Select(b => b.Block.Hash));
        Assert.Equal(-(int)Penalty.BadData, fresh.Score(bad.Id));
        Assert.Equal(0, fresh.Score(good.Id));
    }

    [Fact]
    public async Task A_peer_announcing_a_head_it_cannot_serve_is_penalised_as_unresponsive()
    {
        await using var net = new TestNet();
        var liar = net.Host();
        var fresh = net.Host();
        _ = new BlockSyncService(liar, new ListBlockSource([], claimedHeight: 10));
        var service = new BlockSyncService(fresh, new ListBlockSource([]));
        var client = new BlockSyncClient(service, new VerifyingSink(), TimeSpan.FromSeconds(5));
        await liar.StartAsync();
        await fresh.StartAsync();
        await TestNet.ConnectAsync(fresh, liar);
        await Eventually.TrueAsync(() => service.PeerStatuses.Count == 1, "the peer announced its head");

        var height = await client.SyncAsync(0);

        Assert.Equal(0UL, height);
        Assert.Equal(-(int)Penalty.Unresponsive, fresh.Score(liar.Id));
    }

    [Fact]
    public void A_get_blocks_request_above_the_limit_is_an_invalid_message()
    {
        var request = SyncMessage.GetBlocks(1, SyncMessage.MaxBlocksPerRequest + 1);

        Assert.Throws<InvalidMessageException>(() => SyncMessage.ReadGetBlocks(request));
    }

    [Fact]
    public void A_blocks_message_round_trips_blocks_and_commits_through_the_core_codecs()
    {
        var chain = TestChain.Build(3, TestChain.ValidatorKey);
        var message = SyncMessage.Blocks(1, chain.Select(b => (Aro.Core.Blocks.BlockCodec.Encode(b.Block), Aro.Core.Blocks.CommitCodec.Encode(b.Commit))).ToList());

        var (from, decoded) = SyncMessage.ReadBlocks(message);

        Assert.Equal(1UL, from);
        Assert.Equal(chain.Select(b => b.Block.Hash), decoded.Select(b => b.Block.Hash));
        Assert.Equal(chain.Select(b => b.Commit.Hash), decoded.Select(b => b.Commit.Hash));
    }

    [Fact]
    public void A_blocks_message_with_trailing_bytes_is_an_invalid_message()
    {
        var chain = TestChain.Build(1, TestChain.ValidatorKey);
        var message = SyncMessage.Blocks(1, [(Aro.Core.Blocks.BlockCodec.Encode(chain[0].Block), Aro.Core.Blocks.CommitCodec.Encode(chain[0].Commit))]);

        Assert.Throws<InvalidMessageException>(() => SyncMessage.ReadBlocks([.. message, 0x80]));
    }
}
