using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Aro.Node.Cli.Staking;

/// <summary>A JSON-RPC error answer (code, message and the raw data member, e.g. revert bytes).</summary>
internal sealed class RpcCallException(int code, string message, JsonElement? data) : Exception(message)
{
    public int Code { get; } = code;

    public JsonElement? ErrorData { get; } = data;
}

/// <summary>The small JSON-RPC client the staking commands use against any node's HTTP endpoint.</summary>
internal sealed class RpcClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private int _nextId;

    public RpcClient(Uri endpoint, TimeSpan timeout)
    {
        _endpoint = endpoint;
        _http = new HttpClient { Timeout = timeout };
    }

    /// <summary>The endpoint, or a message why the text is not an http(s) URL.</summary>
    public static bool TryParseEndpoint(string text, out Uri endpoint, out string problem)
    {
        problem = string.Empty;
        if (Uri.TryCreate(text, UriKind.Absolute, out endpoint!) && (endpoint.Scheme == Uri.UriSchemeHttp || endpoint.Scheme == Uri.UriSchemeHttps))
        {
            return true;
        }

        problem = $"--rpc must be an http:// or https:// URL, not '{text}'";
        return false;
    }

    /// <exception cref="RpcCallException">The node answered with an error.</exception>
    /// <exception cref="HttpRequestException">The node cannot be reached or answered something that is not JSON-RPC.</exception>
    public async Task<JsonElement> CallAsync(string method, params object?[] parameters)
    {
        var id = Interlocked.Increment(ref _nextId);
        var request = JsonSerializer.Serialize(new { jsonrpc = "2.0", id, method, @params = parameters });
        using var content = new StringContent(request, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(_endpoint, content).ConfigureAwait(false);
        JsonElement root;
        try
        {
            root = (await response.Content.ReadFromJsonAsync<JsonElement>().ConfigureAwait(false)).Clone();
        }
        catch (JsonException e)
        {
            throw new HttpRequestException($"{_endpoint} answered HTTP {(int)response.StatusCode} without a JSON-RPC body", e);
        }

        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error))
        {
            var code = error.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : 0;
            var message = error.TryGetProperty("message", out var m) ? m.GetString() ?? string.Empty : string.Empty;
            throw new RpcCallException(code, message, error.TryGetProperty("data", out var d) ? d.Clone() : null);
        }

        return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("result", out var result)
            ? result
            : throw new HttpRequestException($"{_endpoint} answered without a result or an error");
    }

    public void Dispose() => _http.Dispose();
}
