using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Aro.Core;

namespace Aro.Edge;

/// <summary>A JSON-RPC error answer: code, message and the data member (revert bytes for module errors).</summary>
internal sealed class RpcCallException(int code, string message, string? data) : Exception(message)
{
    public int Code { get; } = code;

    public string? RevertData { get; } = data;

    /// <summary>The module's named error when the node sent revert data, else the node's message.</summary>
    public string Reason => RevertData is { Length: > 2 } hex ? Reverts.Describe(Hex.Decode(hex)) : Message;
}

/// <summary>The node cannot be reached or did not answer JSON-RPC.</summary>
internal sealed class NodeUnreachableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The JSON-RPC client aro-edge uses against a node's HTTP endpoint.</summary>
internal sealed class EdgeRpc : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(15) };
    private int _nextId;

    public EdgeRpc(Uri endpoint) => Endpoint = endpoint;

    public Uri Endpoint { get; }

    /// <exception cref="RpcCallException">The node answered with an error.</exception>
    /// <exception cref="NodeUnreachableException">No answer, or not JSON-RPC.</exception>
    public async Task<JsonElement> CallAsync(string method, params object?[] parameters)
    {
        var id = Interlocked.Increment(ref _nextId);
        var body = JsonSerializer.Serialize(new { jsonrpc = "2.0", id, method, @params = parameters });
        JsonElement root;
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync(Endpoint, content).ConfigureAwait(false);
            root = (await response.Content.ReadFromJsonAsync<JsonElement>().ConfigureAwait(false)).Clone();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            throw new NodeUnreachableException($"the node at {Endpoint} did not answer {method}: {e.Message}", e);
        }

        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error))
        {
            var code = error.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : 0;
            var message = error.TryGetProperty("message", out var m) ? m.GetString() ?? string.Empty : string.Empty;
            var data = error.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            throw new RpcCallException(code, message, data);
        }

        return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("result", out var result)
            ? result
            : throw new NodeUnreachableException($"{Endpoint} answered {method} without a result or an error");
    }

    public async Task<ulong> NumberAsync(string method, params object?[] parameters) =>
        ParseQuantity((await CallAsync(method, parameters).ConfigureAwait(false)).GetString());

    public static ulong ParseQuantity(string? hex) =>
        hex is { Length: > 2 } && hex.StartsWith("0x", StringComparison.Ordinal)
            ? ulong.Parse(hex.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)
            : throw new NodeUnreachableException($"expected a hex quantity, got '{hex}'");

    public static string Quantity(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    public void Dispose() => _http.Dispose();
}
