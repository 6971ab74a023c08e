using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Aro.Core;
using Aro.JsonRpc.Hosting;
using Aro.JsonRpc.Subscriptions;

namespace Aro.JsonRpc.Tests;

/// <summary>What a test handler saw, echoed back so tests can check the binding.</summary>
public sealed record BalanceQuery(Address Address, BlockParameter Block);

public sealed record Head(ulong Number, Hash256 Hash);

public sealed record LogEvent(Address Address, ulong BlockNumber);

public sealed record LogFilter(Address? Address);

/// <summary>A real server on 127.0.0.1 with a port the OS picks, serving a small set of test methods.</summary>
public sealed class RpcServerFixture : IAsyncLifetime
{
    public const int MaxBatchSize = 5;
    public const long MaxBodyBytes = 64 * 1024;

    public RpcServerFixture()
        : this(new JsonRpcServerOptions
        {
            EndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            MaxBatchSize = MaxBatchSize,
            MaxRequestBodyBytes = MaxBodyBytes,
            MaxWebSocketMessageBytes = (int)MaxBodyBytes,
            WebSocketSendQueueCapacity = 16,
            MaxSubscriptionsPerConnection = 3,
        })
    {
    }

    internal RpcServerFixture(JsonRpcServerOptions options)
    {
        Registry = CreateRegistry();
        Hub = new SubscriptionHub();
        Hub.AddKind<Head>("newHeads");
        Hub.AddKind<LogFilter, LogEvent>("logs", (filter, log) => filter?.Address is null || filter.Address == log.Address);
        Server = new JsonRpcServer(Registry, options, Hub, Logs);
    }

    public CapturingLoggerFactory Logs { get; } = new();

    public JsonRpcMethodRegistry Registry { get; }

    public SubscriptionHub Hub { get; }

    public JsonRpcServer Server { get; }

    public HttpClient Http { get; } = new();

    public int HandlerCalls;

    public async Task InitializeAsync() => await Server.StartAsync();

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        Logs.Dispose();
    }

    public async Task<(HttpStatusCode Status, string Body)> PostAsync(string json, string contentType = "application/json")
    {
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var response = await Http.PostAsync(Server.HttpUri, content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts and parses the body, asserting HTTP 200.</summary>
    public async Task<JsonElement> CallAsync(string json)
    {
        var (status, body) = await PostAsync(json);
        Assert.Equal(HttpStatusCode.OK, status);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private JsonRpcMethodRegistry CreateRegistry()
    {
        var registry = new JsonRpcMethodRegistry();
        registry.AddSync("web3_clientVersion", () => "Aro/test");
        registry.AddSync("eth_chainId", () => 1337UL);
        registry.AddSync("test_echo", (string text) => text);
        registry.AddSync("test_add", (ulong a, ulong b) => a + b);
        registry.AddSync("test_count", () => Interlocked.Increment(ref HandlerCalls));
        registry.AddSync("eth_getBalance", (Address address, BlockParameter block) => new BalanceQuery(address, block), requiredParams: 1);
        registry.AddSync("eth_getStorageAt", (Address address, StorageKey key, BlockParameter block) => key.Value, requiredParams: 2);
        registry.AddSync("test_bytes", (byte[] data) => data);
        registry.AddSync("test_uint256", (UInt256 value) => value);
        registry.AddSync("test_hash", (Hash256 hash) => hash);
        registry.AddSync<object?>("test_null", () => null);
        registry.Add("test_async", async (ulong delayMs) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(delayMs));
            return "done";
        });
        registry.AddSync<string>("test_throw", () => throw new InvalidOperationException("secret detail at /home/node/keys"));
        registry.AddSync<string>("test_revert", () =>
            throw new JsonRpcException(JsonRpcErrorCodes.ExecutionReverted, "execution reverted: user error", new byte[] { 0x08, 0xc3, 0x79, 0xa0 }));
        registry.AddSync<string>("test_badData", () =>
            throw new JsonRpcException(JsonRpcErrorCodes.ServerError, "bad data", new Func<int>(() => 1)));
        registry.AddSync<string>("test_serverError", () => throw new JsonRpcException(JsonRpcErrorCodes.ServerError, "nonce too low"));
        return registry;
    }
}
