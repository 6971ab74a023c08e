using System.Net;
using System.Text;
using System.Text.Json;
using Aro.Core;
using Aro.Execution.Modules;
using Aro.JsonRpc;
using Aro.JsonRpc.Hosting;
using Aro.JsonRpc.Subscriptions;
using Aro.JsonRpc.Tests;
using Aro.Node.Rpc;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aro.Node.Tests.Rpc;

/// <summary>
/// A real <see cref="JsonRpcServer"/> on 127.0.0.1 (port 0) serving <see cref="RpcApi"/> over a
/// <see cref="TestChain"/>, with an HTTP client. Parameters are passed as the JSON text of the params array.
/// </summary>
internal sealed class RpcHarness : IAsyncDisposable
{
    public const string ClientVersion = "aro-node/test";

    private readonly HttpClient _http = new();
    private int _nextId;

    private RpcHarness(TestChain chain, JsonRpcServer server)
    {
        Chain = chain;
        Server = server;
    }

    public TestChain Chain { get; }

    public JsonRpcServer Server { get; }

    public static async Task<RpcHarness> StartAsync(RpcOptions? options = null, params IModule[] modules)
    {
        var chain = new TestChain(modules);
        var registry = new JsonRpcMethodRegistry();
        var hub = new SubscriptionHub();
        RpcApi.Register(registry, hub, chain, ClientVersion, options ?? new RpcOptions(), NullLogger.Instance);
        var server = new JsonRpcServer(registry, new JsonRpcServerOptions { EndPoint = new IPEndPoint(IPAddress.Loopback, 0) }, hub);
        await server.StartAsync();
        return new RpcHarness(chain, server);
    }

    public static Task<RpcHarness> StartAsync(params IModule[] modules) => StartAsync(null, modules);

    /// <summary>POSTs a body and returns the response text.</summary>
    public async Task<string> PostAsync(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(Server.HttpUri, content);
        return await response.Content.ReadAsStringAsync();
    }

    public async Task<JsonElement> CallAsync(string method, string parameters = "[]")
    {
        var id = Interlocked.Increment(ref _nextId);
        var text = await PostAsync($$"""{"jsonrpc":"2.0","id":{{id}},"method":"{{method}}","params":{{parameters}}}""");
        var response = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal(id, response.GetProperty("id").GetInt32());
        return response;
    }

    public async Task<JsonElement> ResultAsync(string method, string parameters = "[]") =>
        JsonAssert.Result(await CallAsync(method, parameters));

    /// <summary>Asserts an error with this code and returns its message.</summary>
    public async Task<string> ErrorAsync(string method, string parameters, int code) =>
        JsonAssert.Message(JsonAssert.Error(await CallAsync(method, parameters), code));

    public async Task<JsonElement> ErrorObjectAsync(string method, string parameters, int code) =>
        JsonAssert.Error(await CallAsync(method, parameters), code);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Server.DisposeAsync();
        Chain.Dispose();
    }
}

/// <summary>JSON text of wire values, for building params arrays.</summary>
internal static class Wire
{
    public static string Q(ulong value) => $"\"0x{value:x}\"";

    public static string Q(UInt256 value) => "\"0x" + (value.IsZero ? "0" : Convert.ToHexStringLower(value.ToBigEndianMinimal()).TrimStart('0')) + "\"";

    public static string S(Address address) => "\"" + address.ToLowerHex() + "\"";

    public static string S(Hash256 hash) => "\"" + hash + "\"";

    public static string S(byte[] data) => "\"" + Hex.Encode(data) + "\"";

    public static ulong Quantity(JsonElement element) => Convert.ToUInt64(element.GetString()![2..], 16);

    public static UInt256 Quantity256(JsonElement element)
    {
        var digits = element.GetString()![2..];
        return UInt256.FromBigEndian(Convert.FromHexString(digits.Length % 2 == 0 ? digits : "0" + digits));
    }

    public static byte[] Data(JsonElement element) => Hex.Decode(element.GetString()!);

    public static Hash256 Hash(JsonElement element) => Hash256.Parse(element.GetString()!);
}
