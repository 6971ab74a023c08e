using System.Buffers;
using System.Text;
using System.Text.Json;
using Aro.Core;
using Aro.JsonRpc.Dispatch;
using Aro.JsonRpc.Json;
using Aro.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aro.JsonRpc.Tests;

/// <summary>
/// The request/response pairs of ethereum/execution-apis (tests/*/*.io) run through the real
/// dispatcher. Methods whose parameter types are plain wire types are bound with the Ethereum
/// converters and must accept or reject exactly where geth did; their handlers hand back the
/// recorded result, so the whole response must match the recorded line byte for byte.
/// </summary>
public sealed class ExecutionApisVectorTests
{
    private static readonly string Root = TestData.Path("ethereum", "execution-apis", "tests");

    /// <summary>The result the current case expects; handlers return it through their own result type.</summary>
    private JsonElement _expected;

    [Fact]
    public void Every_request_line_parses_into_a_call_the_dispatcher_accepts()
    {
        var dispatcher = CreateDispatcher(typed: false);
        var run = new VectorRun("execution-apis requests (envelope)");
        foreach (var pair in Pairs())
        {
            run.Case(pair.Name, () =>
            {
                var response = Dispatch(dispatcher, pair.Request);
                Assert.True(JsonAssert.Result(response).GetBoolean(), $"{pair.Name}: the call did not reach its handler");
                Assert.Equal(JsonDocument.Parse(pair.Request).RootElement.GetProperty("id").GetRawText(), response.GetProperty("id").GetRawText());
            });
        }

        run.AssertAll(atLeast: 125);
    }

    [Fact]
    public void Wire_typed_methods_bind_and_answer_exactly_as_recorded()
    {
        var dispatcher = CreateDispatcher(typed: true);
        var run = new VectorRun("execution-apis wire-typed methods");
        foreach (var pair in Pairs())
        {
            var method = JsonDocument.Parse(pair.Request).RootElement.GetProperty("method").GetString()!;
            if (!TypedMethods.Contains(method))
            {
                run.Skip();
                continue;
            }

            run.Case(pair.Name, () =>
            {
                var recorded = JsonDocument.Parse(pair.Response).RootElement;
                _expected = recorded.TryGetProperty("result", out var result) ? result : default;
                var actual = DispatchText(dispatcher, pair.Request);
                if (recorded.TryGetProperty("error", out var error))
                {
                    var ours = JsonDocument.Parse(actual).RootElement;
                    var code = error.GetProperty("code").GetInt32();
                    var ourError = JsonAssert.Error(ours, code);
                    var message = error.GetProperty("message").GetString()!;
                    if (!message.Contains("Go value", StringComparison.Ordinal))
                    {
                        // geth's wording, except where it names Go types.
                        Assert.EndsWith(message, JsonAssert.Message(ourError), StringComparison.Ordinal);
                    }
                }
                else
                {
                    Assert.Equal(pair.Response, actual);
                }
            });
        }

        run.AssertAll(atLeast: 85);
    }

    [Fact]
    public void Every_recorded_error_code_is_one_the_framework_produces()
    {
        int[] known =
        [
            JsonRpcErrorCodes.ParseError, JsonRpcErrorCodes.InvalidRequest, JsonRpcErrorCodes.MethodNotFound,
            JsonRpcErrorCodes.InvalidParams, JsonRpcErrorCodes.InternalError, JsonRpcErrorCodes.ServerError,
            JsonRpcErrorCodes.LimitExceeded, JsonRpcErrorCodes.ExecutionReverted,
        ];
        var run = new VectorRun("execution-apis error codes");
        foreach (var pair in Pairs())
        {
            var recorded = JsonDocument.Parse(pair.Response).RootElement;
            if (!recorded.TryGetProperty("error", out var error))
            {
                continue;
            }

            run.Case(pair.Name, () => Assert.Contains(error.GetProperty("code").GetInt32(), known));
        }

        run.AssertAll(atLeast: 14);
    }

    private static readonly HashSet<string> TypedMethods =
    [
        "eth_getBalance", "eth_getTransactionCount", "eth_getCode", "eth_getStorageAt", "eth_blockNumber",
        "eth_chainId", "net_version", "eth_getBlockByNumber", "eth_getBlockByHash", "eth_getTransactionByHash",
        "eth_getTransactionReceipt", "eth_getBlockReceipts", "eth_getBlockTransactionCountByHash",
        "eth_getBlockTransactionCountByNumber", "eth_getTransactionByBlockHashAndIndex",
        "eth_getTransactionByBlockNumberAndIndex", "eth_sendRawTransaction", "debug_getRawBlock",
        "debug_getRawHeader", "debug_getRawReceipts", "debug_getRawTransaction", "eth_getProof",
    ];

    private JsonRpcDispatcher CreateDispatcher(bool typed)
    {
        var registry = new JsonRpcMethodRegistry();
        if (!typed)
        {
            // Any JSON in up to four positions: this checks the envelope, not the parameters.
            foreach (var name in Pairs().Select(p => JsonDocument.Parse(p.Request).RootElement.GetProperty("method").GetString()!).Distinct())
            {
                registry.AddSync(name, (JsonElement? a, JsonElement? b, JsonElement? c, JsonElement? d) => true, requiredParams: 0);
            }

            return new JsonRpcDispatcher(registry, 1000, NullLogger.Instance);
        }

        registry.AddSync("eth_getBalance", (Address a, BlockParameter b) => Expected<UInt256>(), requiredParams: 1);
        registry.AddSync("eth_getTransactionCount", (Address a, BlockParameter b) => Expected<ulong>(), requiredParams: 1);
        registry.AddSync("eth_getCode", (Address a, BlockParameter b) => Expected<byte[]>(), requiredParams: 1);
        registry.AddSync("eth_getStorageAt", (Address a, StorageKey k, BlockParameter b) => Expected<Hash256>(), requiredParams: 2);
        registry.AddSync("eth_blockNumber", Expected<ulong>);
        registry.AddSync("eth_chainId", Expected<ulong>);
        registry.AddSync("net_version", Expected<string>);
        registry.AddSync("eth_getBlockByNumber", (BlockParameter b, bool full) => Expected<JsonElement?>());
        registry.AddSync("eth_getBlockByHash", (Hash256 h, bool full) => Expected<JsonElement?>());
        registry.AddSync("eth_getTransactionByHash", (Hash256 h) => Expected<JsonElement?>());
        registry.AddSync("eth_getTransactionReceipt", (Hash256 h) => Expected<JsonElement?>());
        registry.AddSync("eth_getBlockReceipts", (BlockParameter b) => Expected<JsonElement?>());
        registry.AddSync("eth_getBlockTransactionCountByHash", (Hash256 h) => Expected<ulong>());
        registry.AddSync("eth_getBlockTransactionCountByNumber", (BlockParameter b) => Expected<ulong>());
        registry.AddSync("eth_getTransactionByBlockHashAndIndex", (Hash256 h, ulong i) => Expected<JsonElement?>());
        registry.AddSync("eth_getTransactionByBlockNumberAndIndex", (BlockParameter b, ulong i) => Expected<JsonElement?>());
        registry.AddSync("eth_sendRawTransaction", (byte[] raw) => Expected<Hash256>());
        registry.AddSync("debug_getRawBlock", (BlockParameter b) => Expected<byte[]>());
        registry.AddSync("debug_getRawHeader", (BlockParameter b) => Expected<byte[]>());
        registry.AddSync("debug_getRawReceipts", (BlockParameter b) => Expected<byte[][]>());
        registry.AddSync("debug_getRawTransaction", (Hash256 h) => Expected<byte[]>());
        registry.AddSync("eth_getProof", (Address a, StorageKey[] keys, BlockParameter b) => Expected<JsonElement?>(), requiredParams: 2);
        return new JsonRpcDispatcher(registry, 1000, NullLogger.Instance);
    }

    /// <summary>The recorded result read through our converter for T, so writing it back tests the converter too.</summary>
    private T Expected<T>() => _expected.ValueKind == JsonValueKind.Undefined
        ? throw new InvalidOperationException("a handler ran for a call geth rejected")
        : _expected.Deserialize<T>(EthereumJson.Options)!;

    private static JsonElement Dispatch(JsonRpcDispatcher dispatcher, string request) =>
        JsonDocument.Parse(DispatchText(dispatcher, request)).RootElement.Clone();

    private static string DispatchText(JsonRpcDispatcher dispatcher, string request)
    {
        var output = new ArrayBufferWriter<byte>();
        dispatcher.DispatchAsync(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(request)), output, RpcCallContext.Http)
            .AsTask().GetAwaiter().GetResult();
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static IEnumerable<(string Name, string Request, string Response)> Pairs()
    {
        foreach (var file in Directory.EnumerateFiles(Root, "*.io", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(Root, file);
            string? request = null;
            var index = 0;
            foreach (var line in File.ReadLines(file))
            {
                if (line.StartsWith(">> ", StringComparison.Ordinal))
                {
                    request = line[3..];
                }
                else if (line.StartsWith("<< ", StringComparison.Ordinal) && request is not null)
                {
                    yield return ($"{name}#{index++}", request, line[3..]);
                    request = null;
                }
            }
        }
    }
}
