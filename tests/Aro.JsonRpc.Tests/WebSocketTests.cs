using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Aro.Core;

namespace Aro.JsonRpc.Tests;

public sealed class WebSocketTests : IClassFixture<RpcServerFixture>
{
    private static readonly Address Alice = Address.Parse("0x7dcd17433742f4c0ca53122ab541d0ba67fc27df");
    private static readonly Address Bob = Address.Parse("0xc1cadaffffffffffffffffffffffffffffffffff");

    private readonly RpcServerFixture _server;

    public WebSocketTests(RpcServerFixture server) => _server = server;

    [Fact]
    public async Task Answers_calls_over_websocket()
    {
        await using var client = await WebSocketClient.ConnectAsync(_server.Server.WebSocketUri);
        var response = await client.CallAsync("""{"jsonrpc":"2.0","id":1,"method":"test_add","params":["0x2","0x3"]}""");
        Assert.Equal("0x5", JsonAssert.Result(response).GetString());
        response = await client.CallAsync("""{"jsonrpc":"2.0","id":2,"method":"eth_nope"}""");
        JsonAssert.Error(response, JsonRpcErrorCodes.MethodNotFound);
    }

    [Fact]
    public async Task Answers_batches_and_parse_errors_over_websocket()
    {
        await using var client = await WebSocketClient.ConnectAsync(_server.Server.WebSocketUri);
        var batch = await client.CallAsync("""[{"jsonrpc":"2.0","id":1,"method":"eth_chainId"},{"jsonrpc":"2.0","id":2,"method":"web3_clientVersion"}]""");
        Assert.Equal(2, batch.GetArrayLength());
        JsonAssert.Error(await client.CallAsync("{oops"), JsonRpcErrorCodes.ParseError);
        Assert.Equal("0x539", JsonAssert.Result(await client.CallAsync("""{"jsonrpc":"2.0","id":3,"method":"eth_chainId"}""")).GetString());
    }

    [Fact]
    public async Task Subscriber_receives_published_events_after_the_subscription_id()
    {
        await using var client = await WebSocketClient.ConnectAsync(_server.Server.WebSocketUri);
        var id = await SubscribeAsync(client, "[\"newHeads\"]");
        Assert.Matches("^0x[0-9a-f]{32}$", id);

        var hash = Hash256.Parse("0x80e911b62f552f563a2544dfef5eb39ec8863d9082c998ca6b657f76e19de38e");
        _server.Hub.Publish("newHeads", new Head(1, hash));
        var notification = await client.ReceiveAsync();
        Assert.Equal(
            "{\"jsonrpc\":\"2.0\",\"method\":\"eth_subscription\",\"params\":{\"subscription\":\"" + id
                + "\",\"result\":{\"number\":\"0x1\",\"hash\":\"" + hash + "\"}}}",
            notification.GetRawText());
    }

    [Fact]
    public async Task Message_larger_than_one_frame_but_under_the_limit_is_served()
    {
        await using var client = await WebSocketClient.ConnectAsync(_server.Server.WebSocketUri);
        var padding = new string('b', (int)RpcServerFixture.MaxBodyBytes - 100);
        var response = await client.CallAsync($$"""{"jsonrpc":"2.0","id":1,"method":"test_echo","params":["{{padding}}"]}""");
        Assert.Equal(padding, JsonAssert.Result(response).GetString());
    }

    [Fact]
    public async Task Log_subscription_gets_only_events_its_filter_accepts()
    {
        await using var client = await WebSocketClient.ConnectAsync(_server.Server.WebSocketUri);
        var id = await SubscribeAsync(client, $$"""["logs",{"address":"{{Alice.ToLowerHex()}}"}]""");
        _server.Hub.Publish("logs", new LogEvent(Bob, 1));
        _server.Hub.Publish("logs", new LogEvent(Alice, 2));

        var notification = await client.ReceiveAsync();
        var result = notification.GetProperty("params").GetProperty("result");
        Assert.Equal(id, notification.GetProperty("params").GetProperty("subscription").GetString());
        Assert.Equal(Alice.ToLowerHex(), result.GetProperty("address").GetString());
        Assert.Equal("0x2", result.GetProperty("blockNumber").GetString());
    }

    [Fact]
    public async Task Bad_log_filter_is_invalid_params()
    {
        await using var client = await WebSocketClient.ConnectAsync(_server.Server.WebSocketUri);
        var response = await client.CallAsync("""{"jsonrpc":"2.0","id":1,"method":"eth_subscribe","params":["logs",{"address":"0x12"}]}""");
        var error = JsonAssert.Error(response, JsonRpcErrorCodes.InvalidParams);
        Assert.StartsWith("invalid argument 1: ", JsonAssert.Message(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_subscription_kind_is_invalid_params()
    {
        await using var client = await WebSocketClient.ConnectAsync(_server.Server.WebSocketUri);
        var response = await client.CallAsync("""{"jsonrpc":"2.0","id":1,"method":"eth_subscribe","params":["syncing"]}""");
        JsonAssert.Error(response, JsonRpcErrorCodes.InvalidParams);
    }

    [Fact]
    public async Task Unsubscribe_stops_events_and_answers_false_the_second_time()
    {
        await using var client = await WebSocketClient.ConnectAsync(_server.Server.WebSocketUri);
        var id = await SubscribeAsync(client, "[\"newHeads\"]");
        var first = await client.CallAsync($$"""{"jsonrpc":"2.0","id":2,"method":"eth_unsubscribe","params":["{{id}}"]}""");
        Assert.True(JsonAssert.Result(first).GetBoolean());

        _server.Hub.Publish("newHeads", new Head(9, Hash256.Zero));
        // The next message is the answer to this call, not a notification.
        var second = await client.CallAsync($$"""{"jsonrpc":"2.0","id":3,"method":"eth_unsubscribe","params":["{{id}}"]}""");
        Assert.Equal(3, second.GetProperty("id").GetInt32());
        Assert.False(JsonAssert.Result(second).GetBoolean());
    }

    [Fact]
    public async Task A_connection_cannot_unsubscribe_another_connections_subscription()
    {
        await using var owner = await WebSocketClient.ConnectAsync(_server.Server.WebSocketUri);
        await using var other = await WebSocketClient.ConnectAsync(_server.Server.WebSocketUri);
        var id = await SubscribeAsync(owner, "[\"newHeads\"]");
        var response = await other.CallAsync($$"""{"jsonrpc":"2.0","id":2,"method":"eth_unsubscribe","params":["{{id}}"]}""");
        Assert.False(JsonAssert.Result(response).GetBoolean());

        _server.Hub.Publish("newHeads", new Head(3, Hash256.Zero));
        var notification = await owner.ReceiveAsync();
        Assert.Equal(id, notification.GetProperty("params").GetProperty("subscription").GetString());
    }

    [Fact]
    public async Task Subscriptions_die_with_their_connection()
    {
        var client = await WebSocketClient.ConnectAsync(_server.Server.WebSocketUri);
        var id = await SubscribeAsync(client, "[\"newHeads\"]");
        Assert.True(_server.Hub.HasSubscribers("newHeads"));
        await client.DisposeAsync();
        await Eventually.TrueAsync(() => !_server.Hub.HasSubscribers("newHeads"), $"subscription {id} outlived its connection");
        _server.Hub.Publish("newHeads", new Head(4, Hash256.Zero));
    }

    [Fact]
    public async Task Subscriptions_per_connection_are_limited()
    {
        await using var client = await WebSocketClient.ConnectAsync(_server.Server.WebSocketUri);
        for (var i = 0; i < 3; i++)
        {
            await SubscribeAsync(client, "[\"newHeads\"]");
        }

        var response = await client.CallAsync("""{"jsonrpc":"2.0","id":9,"method":"eth_subscribe","params":["newHeads"]}""");
        var error = JsonAssert.Error(response, JsonRpcErrorCodes.LimitExceeded);
        Assert.Contains("limit 3", JsonAssert.Message(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slow_consumer_is_dropped_without_blocking_the_publisher()
    {
        var client = await WebSocketClient.ConnectAsync(_server.Server.WebSocketUri);
        await SubscribeAsync(client, "[\"logs\"]");

        // The client never reads: socket buffers fill, then the 16-message queue, then the server cuts it.
        for (var i = 0; i < 2000 && _server.Hub.HasSubscribers("logs"); i++)
        {
            _server.Hub.Publish("logs", new LogEvent(Alice, (ulong)i));
        }

        await Eventually.TrueAsync(() => !_server.Hub.HasSubscribers("logs"), "the slow subscriber was not dropped");
        Assert.Contains(_server.Logs.Entries, e => e.Message.Contains("Dropping WebSocket client", StringComparison.Ordinal));
        await client.DisposeAsync();
    }

    [Fact]
    public async Task Oversized_message_closes_the_socket_with_1009()
    {
        await using var client = await WebSocketClient.ConnectAsync(_server.Server.WebSocketUri);
        var padding = new string('a', (int)RpcServerFixture.MaxBodyBytes);
        await client.SendAsync($$"""{"jsonrpc":"2.0","id":1,"method":"test_echo","params":["{{padding}}"]}""");
        var (type, _) = await client.ReceiveRawAsync();
        Assert.Equal(WebSocketMessageType.Close, type);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, client.Socket.CloseStatus);
        Assert.Contains(RpcServerFixture.MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), client.Socket.CloseStatusDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Browser_origin_is_refused_by_default()
    {
        var ex = await Assert.ThrowsAsync<WebSocketException>(() => WebSocketClient.ConnectAsync(_server.Server.WebSocketUri, "https://evil.example"));
        Assert.Contains("403", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Publishing_an_unregistered_kind_or_wrong_payload_throws()
    {
        Assert.Throws<ArgumentException>(() => _server.Hub.Publish("pendingTransactions", Hash256.Zero));
        Assert.Throws<ArgumentException>(() => _server.Hub.Publish("newHeads", "not a head"));
    }

    private static async Task<string> SubscribeAsync(WebSocketClient client, string parameters)
    {
        var response = await client.CallAsync($$"""{"jsonrpc":"2.0","id":"sub","method":"eth_subscribe","params":{{parameters}}}""");
        return JsonAssert.Result(response).GetString()!;
    }
}
