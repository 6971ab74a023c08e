using System.Text.Json;

namespace Aro.JsonRpc.Tests;

public sealed class BatchTests : IClassFixture<RpcServerFixture>
{
    private readonly RpcServerFixture _server;

    public BatchTests(RpcServerFixture server) => _server = server;

    [Fact]
    public async Task Empty_batch_is_one_invalid_request_error_object()
    {
        var response = await _server.CallAsync("[]");
        Assert.Equal(JsonValueKind.Object, response.ValueKind);
        var error = JsonAssert.Error(response, JsonRpcErrorCodes.InvalidRequest);
        Assert.Equal("empty batch", JsonAssert.Message(error));
    }

    [Fact]
    public async Task Batch_over_the_limit_is_one_error_naming_the_limit()
    {
        var calls = string.Join(",", Enumerable.Range(0, RpcServerFixture.MaxBatchSize + 1).Select(i => $$"""{"jsonrpc":"2.0","id":{{i}},"method":"test_count"}"""));
        var before = Volatile.Read(ref _server.HandlerCalls);
        var response = await _server.CallAsync($"[{calls}]");
        Assert.Equal(JsonValueKind.Object, response.ValueKind);
        var error = JsonAssert.Error(response, JsonRpcErrorCodes.InvalidRequest);
        Assert.Contains($"limit is {RpcServerFixture.MaxBatchSize}", JsonAssert.Message(error), StringComparison.Ordinal);
        Assert.Equal(before, Volatile.Read(ref _server.HandlerCalls));
    }

    [Fact]
    public async Task Batch_at_the_limit_is_served()
    {
        var calls = string.Join(",", Enumerable.Range(0, RpcServerFixture.MaxBatchSize).Select(i => $$"""{"jsonrpc":"2.0","id":{{i}},"method":"eth_chainId"}"""));
        var response = await _server.CallAsync($"[{calls}]");
        Assert.Equal(RpcServerFixture.MaxBatchSize, response.GetArrayLength());
    }

    [Fact]
    public async Task Mixed_batch_answers_each_call_in_order()
    {
        var response = await _server.CallAsync("""
            [
              {"jsonrpc":"2.0","id":1,"method":"eth_chainId"},
              {"jsonrpc":"2.0","id":2,"method":"eth_nope"},
              42,
              {"jsonrpc":"2.0","id":"four","method":"test_add","params":["0x1","0x01"]},
              {"jsonrpc":"2.0","id":6,"method":"test_add","params":["0x1","0x2"]}
            ]
            """);
        Assert.Equal(5, response.GetArrayLength());
        Assert.Equal("0x539", JsonAssert.Result(response[0]).GetString());
        JsonAssert.Error(response[1], JsonRpcErrorCodes.MethodNotFound);
        Assert.Equal(2, response[1].GetProperty("id").GetInt32());
        JsonAssert.Error(response[2], JsonRpcErrorCodes.InvalidRequest);
        Assert.Equal(JsonValueKind.Null, response[2].GetProperty("id").ValueKind);
        JsonAssert.Error(response[3], JsonRpcErrorCodes.InvalidParams);
        Assert.Equal("four", response[3].GetProperty("id").GetString());
        Assert.Equal("0x3", JsonAssert.Result(response[4]).GetString());
        Assert.Equal(6, response[4].GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Notifications_in_a_batch_get_no_entry_but_run()
    {
        var before = Volatile.Read(ref _server.HandlerCalls);
        var response = await _server.CallAsync("""
            [
              {"jsonrpc":"2.0","method":"test_count"},
              {"jsonrpc":"2.0","id":1,"method":"eth_chainId"},
              {"jsonrpc":"2.0","method":"test_count"}
            ]
            """);
        Assert.Equal(1, response.GetArrayLength());
        Assert.Equal(1, response[0].GetProperty("id").GetInt32());
        Assert.Equal(before + 2, Volatile.Read(ref _server.HandlerCalls));
    }

    [Fact]
    public async Task Batch_of_only_notifications_has_an_empty_body()
    {
        var (status, body) = await _server.PostAsync("""[{"jsonrpc":"2.0","method":"test_count"},{"jsonrpc":"2.0","method":"eth_nope"}]""");
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Equal(string.Empty, body);
    }

    [Fact]
    public async Task Failing_call_in_a_batch_does_not_affect_the_others()
    {
        var response = await _server.CallAsync("""
            [
              {"jsonrpc":"2.0","id":1,"method":"test_throw"},
              {"jsonrpc":"2.0","id":2,"method":"test_revert"},
              {"jsonrpc":"2.0","id":3,"method":"web3_clientVersion"}
            ]
            """);
        JsonAssert.Error(response[0], JsonRpcErrorCodes.InternalError);
        JsonAssert.Error(response[1], JsonRpcErrorCodes.ExecutionReverted);
        Assert.Equal("Aro/test", JsonAssert.Result(response[2]).GetString());
    }
}
