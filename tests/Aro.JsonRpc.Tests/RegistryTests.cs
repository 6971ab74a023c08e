using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Json;
using Aro.Core;
using Aro.JsonRpc.Dispatch;
using Aro.JsonRpc.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aro.JsonRpc.Tests;

public sealed class RegistryTests
{
    [Fact]
    public void Rejects_a_duplicate_name()
    {
        var registry = new JsonRpcMethodRegistry();
        registry.AddSync("eth_chainId", () => 1UL);
        Assert.Throws<InvalidOperationException>(() => registry.AddSync("eth_chainId", () => 2UL));
    }

    [Fact]
    public void Rejects_more_required_params_than_the_handler_has()
    {
        var registry = new JsonRpcMethodRegistry();
        Assert.Throws<ArgumentOutOfRangeException>(() => registry.AddSync("m", (ulong a) => a, requiredParams: 2));
    }

    [Fact]
    public async Task Is_closed_to_new_methods_once_a_server_runs()
    {
        var registry = new JsonRpcMethodRegistry();
        registry.AddSync("eth_chainId", () => 1UL);
        await using var server = new JsonRpcServer(registry, new JsonRpcServerOptions { EndPoint = new IPEndPoint(IPAddress.Loopback, 0) });
        await server.StartAsync();
        Assert.Throws<InvalidOperationException>(() => registry.AddSync("late", () => 1UL));
    }

    [Fact]
    public void Lists_names_in_order()
    {
        var registry = new JsonRpcMethodRegistry();
        registry.AddSync("net_version", () => "1");
        registry.AddSync("eth_chainId", () => 1UL);
        Assert.Equal(["eth_chainId", "net_version"], registry.Names);
    }

    [Fact]
    public void Binds_four_positional_params_with_trailing_optionals()
    {
        var registry = new JsonRpcMethodRegistry();
        registry.AddSync(
            "m",
            (Address a, UInt256 b, BlockParameter c, string? d) => $"{a.ToLowerHex()} {b} {c} {d ?? "none"}",
            requiredParams: 2);
        var dispatcher = new JsonRpcDispatcher(registry, 10, NullLogger.Instance);
        var response = Dispatch(dispatcher, """{"jsonrpc":"2.0","id":1,"method":"m","params":["0x7dcd17433742f4c0ca53122ab541d0ba67fc27df","0xff",null]}""");
        Assert.Equal("0x7dcd17433742f4c0ca53122ab541d0ba67fc27df 255 latest none", JsonAssert.Result(response).GetString());
    }

    [Fact]
    public void Reports_the_index_of_the_bad_param()
    {
        var registry = new JsonRpcMethodRegistry();
        registry.AddSync("m", (ulong a, ulong b, ulong c) => a + b + c);
        var dispatcher = new JsonRpcDispatcher(registry, 10, NullLogger.Instance);
        var response = Dispatch(dispatcher, """{"jsonrpc":"2.0","id":1,"method":"m","params":["0x1","0x2","3"]}""");
        var error = JsonAssert.Error(response, JsonRpcErrorCodes.InvalidParams);
        Assert.Equal("invalid argument 2: hex string without 0x prefix", JsonAssert.Message(error));
    }

    [Fact]
    public void Object_params_bind_through_the_serializer_options()
    {
        var registry = new JsonRpcMethodRegistry();
        registry.AddSync("m", (LogFilter filter) => filter.Address);
        var dispatcher = new JsonRpcDispatcher(registry, 10, NullLogger.Instance);
        var ok = Dispatch(dispatcher, """{"jsonrpc":"2.0","id":1,"method":"m","params":[{"address":"0x7dcd17433742f4c0ca53122ab541d0ba67fc27df"}]}""");
        Assert.Equal("0x7dcd17433742f4c0ca53122ab541d0ba67fc27df", JsonAssert.Result(ok).GetString());
        var bad = Dispatch(dispatcher, """{"jsonrpc":"2.0","id":1,"method":"m","params":[{"address":"0x7dcd"}]}""");
        JsonAssert.Error(bad, JsonRpcErrorCodes.InvalidParams);
    }

    [Fact]
    public void Invalid_utf8_inside_wire_typed_params_is_invalid_params()
    {
        var registry = new JsonRpcMethodRegistry();
        registry.AddSync("a", (Address a) => a);
        registry.AddSync("k", (StorageKey k) => k);
        registry.AddSync("b", (BlockParameter b) => b);
        var dispatcher = new JsonRpcDispatcher(registry, 10, NullLogger.Instance);
        foreach (var method in new[] { "a", "k", "b" })
        {
            var head = Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":[\"0x");
            byte[] request = [.. head, 0xff, .. "\"]}"u8];
            JsonAssert.Error(Dispatch(dispatcher, request), JsonRpcErrorCodes.InvalidParams);
        }
    }

    private static JsonElement Dispatch(JsonRpcDispatcher dispatcher, string request) =>
        Dispatch(dispatcher, Encoding.UTF8.GetBytes(request));

    private static JsonElement Dispatch(JsonRpcDispatcher dispatcher, byte[] request)
    {
        var output = new ArrayBufferWriter<byte>();
        dispatcher.DispatchAsync(new ReadOnlySequence<byte>(request), output, RpcCallContext.Http)
            .AsTask().GetAwaiter().GetResult();
        return JsonDocument.Parse(output.WrittenMemory).RootElement.Clone();
    }
}
