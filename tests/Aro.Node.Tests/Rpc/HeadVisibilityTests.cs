using System.Text.Json;
using Aro.Execution.Tests;

namespace Aro.Node.Tests.Rpc;

/// <summary>A block written to the store but not yet the head is invisible to every lookup, not only by number.</summary>
public sealed class HeadVisibilityTests : IAsyncLifetime
{
    private RpcHarness _rpc = null!;

    public async Task InitializeAsync() => _rpc = await RpcHarness.StartAsync();

    public async Task DisposeAsync() => await _rpc.DisposeAsync();

    [Fact]
    public async Task A_receipt_appears_only_once_the_head_reaches_its_block()
    {
        _rpc.Chain.PinHead();
        var tx = TestTx.From(TestTx.KeyA).Nonce(0).Build();
        _rpc.Chain.Commit(tx);

        Assert.Equal(JsonValueKind.Null, (await _rpc.ResultAsync("eth_getTransactionReceipt", $"[{Wire.S(tx.Hash)}]")).ValueKind);
        Assert.Equal(JsonValueKind.Null, (await _rpc.ResultAsync("eth_getTransactionByHash", $"[{Wire.S(tx.Hash)}]")).ValueKind);

        _rpc.Chain.UnpinHead();
        Assert.Equal("0x1", (await _rpc.ResultAsync("eth_getTransactionReceipt", $"[{Wire.S(tx.Hash)}]")).GetProperty("blockNumber").GetString());
    }

    [Fact]
    public async Task A_block_above_the_head_is_not_found_by_hash()
    {
        _rpc.Chain.PinHead();
        var block = _rpc.Chain.Commit();

        Assert.Equal(JsonValueKind.Null, (await _rpc.ResultAsync("eth_getBlockByHash", $"[{Wire.S(block.Hash)}, false]")).ValueKind);
        Assert.Equal(JsonValueKind.Null, (await _rpc.ResultAsync("eth_getBlockTransactionCountByHash", $"[{Wire.S(block.Hash)}]")).ValueKind);

        _rpc.Chain.UnpinHead();
        Assert.Equal("0x1", (await _rpc.ResultAsync("eth_getBlockByHash", $"[{Wire.S(block.Hash)}, false]")).GetProperty("number").GetString());
    }
}
