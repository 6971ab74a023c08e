using Aro.Core;
using Aro.Execution.Tests;
using Aro.JsonRpc;

namespace Aro.Node.Tests.Rpc;

public sealed class StateMethodTests : IAsyncLifetime
{
    private RpcHarness _rpc = null!;

    public async Task InitializeAsync() => _rpc = await RpcHarness.StartAsync();

    public async Task DisposeAsync() => await _rpc.DisposeAsync();

    [Fact]
    public async Task Balance_is_read_at_the_named_block()
    {
        var genesis = _rpc.Chain.GenesisHash;
        var block = _rpc.Chain.Commit(TestTx.From(TestTx.KeyA).Nonce(0).Value(1000).Build());
        var recipient = TestTx.Recipient;

        Assert.Equal("0x3e8", (await _rpc.ResultAsync("eth_getBalance", $"[{Wire.S(recipient)}, \"latest\"]")).GetString());
        Assert.Equal("0x3e8", (await _rpc.ResultAsync("eth_getBalance", $"[{Wire.S(recipient)}]")).GetString());
        Assert.Equal("0x3e8", (await _rpc.ResultAsync("eth_getBalance", $"[{Wire.S(recipient)}, {Wire.S(block.Hash)}]")).GetString());
        Assert.Equal("0x0", (await _rpc.ResultAsync("eth_getBalance", $"[{Wire.S(recipient)}, \"earliest\"]")).GetString());
        Assert.Equal("0x0", (await _rpc.ResultAsync("eth_getBalance", $"[{Wire.S(recipient)}, {{\"blockHash\": {Wire.S(genesis)}}}]")).GetString());
        Assert.Equal("0x0", (await _rpc.ResultAsync("eth_getBalance", $"[{Wire.S(recipient)}, \"0x0\"]")).GetString());
    }

    [Theory]
    [InlineData("safe")]
    [InlineData("finalized")]
    [InlineData("pending")]
    public async Task Safe_finalized_and_pending_read_the_head_state(string tag)
    {
        _rpc.Chain.Commit(TestTx.From(TestTx.KeyA).Nonce(0).Value(7).Build());
        Assert.Equal("0x7", (await _rpc.ResultAsync("eth_getBalance", $"[{Wire.S(TestTx.Recipient)}, \"{tag}\"]")).GetString());
    }

    [Fact]
    public async Task A_block_beyond_the_head_or_an_unknown_hash_is_header_not_found()
    {
        Assert.Equal("header not found", await _rpc.ErrorAsync("eth_getBalance", $"[{Wire.S(TestChain.A)}, \"0x1\"]", JsonRpcErrorCodes.ServerError));
        Assert.Equal(
            "header for hash not found",
            await _rpc.ErrorAsync("eth_getTransactionCount", $"[{Wire.S(TestChain.A)}, {Wire.S(Hash256.Zero)}]", JsonRpcErrorCodes.ServerError));
    }

    [Fact]
    public async Task Transaction_count_is_the_state_nonce_and_pending_adds_the_poolʼs_gapless_transactions()
    {
        _rpc.Chain.Commit(TestTx.From(TestTx.KeyA).Nonce(0).Build());
        Assert.True(_rpc.Chain.TxPool.Add(TestTx.From(TestTx.KeyA).Nonce(1).Build()).IsAccepted);
        Assert.True(_rpc.Chain.TxPool.Add(TestTx.From(TestTx.KeyA).Nonce(2).Build()).IsAccepted);
        Assert.True(_rpc.Chain.TxPool.Add(TestTx.From(TestTx.KeyA).Nonce(4).Build()).IsAccepted); // queued behind a gap

        Assert.Equal("0x1", (await _rpc.ResultAsync("eth_getTransactionCount", $"[{Wire.S(TestChain.A)}, \"latest\"]")).GetString());
        Assert.Equal("0x3", (await _rpc.ResultAsync("eth_getTransactionCount", $"[{Wire.S(TestChain.A)}, \"pending\"]")).GetString());
        Assert.Equal("0x0", (await _rpc.ResultAsync("eth_getTransactionCount", $"[{Wire.S(TestChain.A)}, \"earliest\"]")).GetString());
        Assert.Equal("0x0", (await _rpc.ResultAsync("eth_getTransactionCount", $"[{Wire.S(TestChain.B)}, \"pending\"]")).GetString());
    }

    [Fact]
    public async Task Storage_is_a_32_byte_word_and_absent_slots_are_zero()
    {
        Assert.Equal(
            "0x000000000000000000000000000000000000000000000000000000000000002a",
            (await _rpc.ResultAsync("eth_getStorageAt", $"[{Wire.S(TestChain.StorageHolder)}, \"0x7\", \"latest\"]")).GetString());
        Assert.Equal(
            "0x0000000000000000000000000000000000000000000000000000000000000000",
            (await _rpc.ResultAsync("eth_getStorageAt", $"[{Wire.S(TestChain.A)}, \"0x7\"]")).GetString());
    }

    [Fact]
    public async Task A_storage_key_longer_than_32_bytes_is_refused_with_gethʼs_message()
    {
        var key = "0x" + new string('0', 65);
        var message = await _rpc.ErrorAsync("eth_getStorageAt", $"[{Wire.S(TestChain.A)}, \"{key}\", \"latest\"]", JsonRpcErrorCodes.InvalidParams);
        Assert.EndsWith($"storage key too long (want at most 32 bytes): \"{key}\"", message, StringComparison.Ordinal);
    }
}
