using Aro.Core.Abi;
using Aro.Execution.Tests;
using Aro.Execution.Tests.Modules;
using Aro.JsonRpc.Tests;

namespace Aro.Node.Tests.Rpc;

/// <summary>eth_subscribe over a real WebSocket, fed by committed blocks.</summary>
public sealed class SubscriptionTests : IAsyncLifetime
{
    private RpcHarness _rpc = null!;

    public async Task InitializeAsync() => _rpc = await RpcHarness.StartAsync(new CounterModule());

    public async Task DisposeAsync() => await _rpc.DisposeAsync();

    [Fact]
    public async Task NewHeads_delivers_each_committed_header()
    {
        await using var client = await WebSocketClient.ConnectAsync(_rpc.Server.WebSocketUri);
        var id = JsonAssert.Result(await client.CallAsync("""{"jsonrpc":"2.0","id":1,"method":"eth_subscribe","params":["newHeads"]}""")).GetString();

        var block = _rpc.Chain.Commit(TestTx.From(TestTx.KeyA).Nonce(0).Build());
        var notification = await client.ReceiveAsync();

        Assert.Equal("eth_subscription", notification.GetProperty("method").GetString());
        Assert.Equal(id, notification.GetProperty("params").GetProperty("subscription").GetString());
        var header = notification.GetProperty("params").GetProperty("result");
        Assert.Equal(block.Hash, Wire.Hash(header.GetProperty("hash")));
        Assert.Equal("0x1", header.GetProperty("number").GetString());
        Assert.False(header.TryGetProperty("transactions", out _));
    }

    [Fact]
    public async Task Logs_delivers_only_the_logs_its_filter_matches()
    {
        await using var client = await WebSocketClient.ConnectAsync(_rpc.Server.WebSocketUri);
        var filter = $"{{\"address\":{Wire.S(CounterModule.DefaultAddress)},\"topics\":[{Wire.S(CounterModule.Incremented.Topic0)}]}}";
        var id = JsonAssert.Result(await client.CallAsync($$"""{"jsonrpc":"2.0","id":1,"method":"eth_subscribe","params":["logs",{{filter}}]}""")).GetString();

        var failing = TestTx.From(TestTx.KeyA).Nonce(0).To(CounterModule.DefaultAddress).Gas(100_000)
            .Data(CounterModule.Fail.EncodeCall(AbiValue.String("no"))).Build();
        _rpc.Chain.Commit(failing); // reverted: no log
        var increment = TestTx.From(TestTx.KeyA).Nonce(1).To(CounterModule.DefaultAddress).Gas(100_000)
            .Data(CounterModule.Increment.EncodeCall(AbiValue.UInt(2UL))).Build();
        var block = _rpc.Chain.Commit(increment);

        var notification = await client.ReceiveAsync();
        Assert.Equal(id, notification.GetProperty("params").GetProperty("subscription").GetString());
        var log = notification.GetProperty("params").GetProperty("result");
        Assert.Equal(increment.Hash, Wire.Hash(log.GetProperty("transactionHash")));
        Assert.Equal(block.Hash, Wire.Hash(log.GetProperty("blockHash")));
        Assert.Equal("0x0", log.GetProperty("logIndex").GetString());
        Assert.False(log.GetProperty("removed").GetBoolean());
    }

    [Fact]
    public async Task A_logs_filter_for_another_address_receives_nothing_while_newHeads_does()
    {
        await using var client = await WebSocketClient.ConnectAsync(_rpc.Server.WebSocketUri);
        var other = JsonAssert.Result(await client.CallAsync(
            """{"jsonrpc":"2.0","id":1,"method":"eth_subscribe","params":["logs",{"address":"0x00000000000000000000000000000000000000ff"}]}""")).GetString();
        var heads = JsonAssert.Result(await client.CallAsync("""{"jsonrpc":"2.0","id":2,"method":"eth_subscribe","params":["newHeads"]}""")).GetString();

        _rpc.Chain.Commit(TestTx.From(TestTx.KeyA).Nonce(0).To(CounterModule.DefaultAddress).Gas(100_000)
            .Data(CounterModule.Increment.EncodeCall(AbiValue.UInt(1UL))).Build());

        // The header is published before the block's logs, so a wrongly delivered log would come second.
        Assert.Equal(heads, (await client.ReceiveAsync()).GetProperty("params").GetProperty("subscription").GetString());
        _rpc.Chain.Commit();
        Assert.Equal(heads, (await client.ReceiveAsync()).GetProperty("params").GetProperty("subscription").GetString());
        Assert.NotEqual(other, heads);
    }

    [Fact]
    public async Task Unsubscribe_stops_notifications()
    {
        await using var client = await WebSocketClient.ConnectAsync(_rpc.Server.WebSocketUri);
        var first = JsonAssert.Result(await client.CallAsync("""{"jsonrpc":"2.0","id":1,"method":"eth_subscribe","params":["newHeads"]}""")).GetString();
        var second = JsonAssert.Result(await client.CallAsync("""{"jsonrpc":"2.0","id":2,"method":"eth_subscribe","params":["newHeads"]}""")).GetString();
        Assert.True(JsonAssert.Result(await client.CallAsync($$"""{"jsonrpc":"2.0","id":3,"method":"eth_unsubscribe","params":["{{first}}"]}""")).GetBoolean());

        _rpc.Chain.Commit();

        Assert.Equal(second, (await client.ReceiveAsync()).GetProperty("params").GetProperty("subscription").GetString());
        _rpc.Chain.Commit();
        Assert.Equal(second, (await client.ReceiveAsync()).GetProperty("params").GetProperty("subscription").GetString());
    }
}
