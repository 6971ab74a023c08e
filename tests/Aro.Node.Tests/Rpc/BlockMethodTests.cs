using System.Text.Json;
using Aro.Core;
using Aro.Core.Blocks;
using Aro.Execution.Tests;

namespace Aro.Node.Tests.Rpc;

public sealed class BlockMethodTests : IAsyncLifetime
{
    private RpcHarness _rpc = null!;

    public async Task InitializeAsync() => _rpc = await RpcHarness.StartAsync();

    public async Task DisposeAsync() => await _rpc.DisposeAsync();

    [Fact]
    public async Task A_block_by_number_lists_transaction_hashes_and_its_header_fields()
    {
        var tx = TestTx.From(TestTx.KeyA).Nonce(0).Build();
        var block = _rpc.Chain.Commit(tx);

        var result = await _rpc.ResultAsync("eth_getBlockByNumber", "[\"0x1\", false]");
        Assert.Equal(block.Hash, Wire.Hash(result.GetProperty("hash")));
        Assert.Equal(block.Header.ParentHash, Wire.Hash(result.GetProperty("parentHash")));
        Assert.Equal(block.Header.StateRoot, Wire.Hash(result.GetProperty("stateRoot")));
        Assert.Equal(TestChain.Validator.ToLowerHex(), result.GetProperty("miner").GetString());
        Assert.Equal("0x5208", result.GetProperty("gasUsed").GetString());
        Assert.Equal("0x1", result.GetProperty("baseFeePerGas").GetString());
        Assert.Equal((ulong)BlockCodec.Encode(block).Length, Wire.Quantity(result.GetProperty("size")));
        Assert.Equal(tx.Hash, Wire.Hash(result.GetProperty("transactions")[0]));
        Assert.Equal(0, result.GetProperty("uncles").GetArrayLength());
        Assert.Equal("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347", result.GetProperty("sha3Uncles").GetString());
    }

    [Fact]
    public async Task A_block_shows_its_evidence_hash_and_the_double_sign_evidence_it_carries()
    {
        var key = new byte[32];
        key[31] = 7;
        var a = Vote.Sign(TestTx.ChainId, VoteType.Prevote, 1, 2, Aro.Core.Crypto.Keccak256.Hash("a"u8), 0, key);
        var b = Vote.Sign(TestTx.ChainId, VoteType.Prevote, 1, 2, null, 0, key);
        var evidence = new DuplicateVoteEvidence(a, b);
        _rpc.Chain.Commit();
        var block = _rpc.Chain.CommitWithEvidence([evidence]);

        var result = await _rpc.ResultAsync("eth_getBlockByNumber", "[\"0x2\", false]");

        Assert.Equal(block.Header.EvidenceHash, Wire.Hash(result.GetProperty("evidenceHash")));
        var shown = Assert.Single(result.GetProperty("evidence").EnumerateArray());
        Assert.Equal(evidence.Hash, Wire.Hash(shown.GetProperty("hash")));
        Assert.Equal(a.Validator.ToLowerHex(), shown.GetProperty("validator").GetString()!.ToLowerInvariant());
        Assert.Equal(("0x1", "0x2", "prevote"), (shown.GetProperty("height").GetString(), shown.GetProperty("round").GetString(), shown.GetProperty("type").GetString()));
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("blockHashA").ValueKind);
        Assert.Equal(Hex.Encode(DuplicateVoteEvidenceCodec.Encode(evidence)), shown.GetProperty("raw").GetString());
    }

    [Fact]
    public async Task A_block_without_evidence_shows_the_empty_list_hash()
    {
        _rpc.Chain.Commit();

        var result = await _rpc.ResultAsync("eth_getBlockByNumber", "[\"0x1\", false]");

        Assert.Equal("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347", result.GetProperty("evidenceHash").GetString());
        Assert.Equal(0, result.GetProperty("evidence").GetArrayLength());
    }

    [Fact]
    public async Task A_full_block_by_hash_carries_transaction_objects()
    {
        var tx = TestTx.From(TestTx.KeyA).Nonce(0).Build();
        var block = _rpc.Chain.Commit(tx);

        var result = await _rpc.ResultAsync("eth_getBlockByHash", $"[{Wire.S(block.Hash)}, true]");
        var item = result.GetProperty("transactions")[0];
        Assert.Equal(tx.Hash, Wire.Hash(item.GetProperty("hash")));
        Assert.Equal(block.Hash, Wire.Hash(item.GetProperty("blockHash")));
        Assert.Equal("0x0", item.GetProperty("transactionIndex").GetString());
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("safe")]
    [InlineData("finalized")]
    [InlineData("pending")]
    public async Task Head_tags_name_the_last_committed_block(string tag)
    {
        _rpc.Chain.CommitEmptyUntil(2);
        var result = await _rpc.ResultAsync("eth_getBlockByNumber", $"[\"{tag}\", false]");
        Assert.Equal("0x2", result.GetProperty("number").GetString());
    }

    [Fact]
    public async Task Earliest_is_genesis()
    {
        _rpc.Chain.CommitEmptyUntil(1);
        var result = await _rpc.ResultAsync("eth_getBlockByNumber", "[\"earliest\", false]");
        Assert.Equal(_rpc.Chain.GenesisHash, Wire.Hash(result.GetProperty("hash")));
    }

    [Fact]
    public async Task Unknown_blocks_are_null()
    {
        Assert.Equal(JsonValueKind.Null, (await _rpc.ResultAsync("eth_getBlockByNumber", "[\"0x3e8\", true]")).ValueKind);
        Assert.Equal(JsonValueKind.Null, (await _rpc.ResultAsync("eth_getBlockByHash", $"[{Wire.S(Hash256.Zero)}, false]")).ValueKind);
        Assert.Equal(JsonValueKind.Null, (await _rpc.ResultAsync("eth_getBlockTransactionCountByNumber", "[\"0x3e8\"]")).ValueKind);
        Assert.Equal(JsonValueKind.Null, (await _rpc.ResultAsync("eth_getBlockTransactionCountByHash", $"[{Wire.S(Hash256.Zero)}]")).ValueKind);
    }

    [Fact]
    public async Task Transaction_counts_by_number_and_hash()
    {
        var block = _rpc.Chain.Commit(TestTx.From(TestTx.KeyA).Nonce(0).Build(), TestTx.From(TestTx.KeyB).Nonce(0).Build());
        Assert.Equal("0x2", (await _rpc.ResultAsync("eth_getBlockTransactionCountByNumber", "[\"0x1\"]")).GetString());
        Assert.Equal("0x2", (await _rpc.ResultAsync("eth_getBlockTransactionCountByHash", $"[{Wire.S(block.Hash)}]")).GetString());
        Assert.Equal("0x0", (await _rpc.ResultAsync("eth_getBlockTransactionCountByNumber", "[\"0x0\"]")).GetString());
    }

    [Fact]
    public async Task Transactions_by_block_and_index_and_null_past_the_end()
    {
        var first = TestTx.From(TestTx.KeyA).Nonce(0).Build();
        var second = TestTx.From(TestTx.KeyB).Nonce(0).Build();
        var block = _rpc.Chain.Commit(first, second);

        var byNumber = await _rpc.ResultAsync("eth_getTransactionByBlockNumberAndIndex", "[\"0x1\", \"0x1\"]");
        var byHash = await _rpc.ResultAsync("eth_getTransactionByBlockHashAndIndex", $"[{Wire.S(block.Hash)}, \"0x0\"]");

        Assert.Equal(second.Hash, Wire.Hash(byNumber.GetProperty("hash")));
        Assert.Equal(first.Hash, Wire.Hash(byHash.GetProperty("hash")));
        Assert.Equal(JsonValueKind.Null, (await _rpc.ResultAsync("eth_getTransactionByBlockNumberAndIndex", "[\"0x1\", \"0x2\"]")).ValueKind);
        Assert.Equal(JsonValueKind.Null, (await _rpc.ResultAsync("eth_getTransactionByBlockHashAndIndex", $"[{Wire.S(Hash256.Zero)}, \"0x0\"]")).ValueKind);
    }

    [Fact]
    public async Task Block_receipts_list_every_receipt_in_order()
    {
        var first = TestTx.From(TestTx.KeyA).Nonce(0).Build();
        var second = TestTx.From(TestTx.KeyB).Nonce(0).Build();
        var block = _rpc.Chain.Commit(first, second);

        var receipts = await _rpc.ResultAsync("eth_getBlockReceipts", $"[{Wire.S(block.Hash)}]");

        Assert.Equal(2, receipts.GetArrayLength());
        Assert.Equal(second.Hash, Wire.Hash(receipts[1].GetProperty("transactionHash")));
        Assert.Equal("0xa410", receipts[1].GetProperty("cumulativeGasUsed").GetString());
        Assert.Equal("0x5208", receipts[1].GetProperty("gasUsed").GetString());
    }
}
