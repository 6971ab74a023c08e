using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Aro.LoadTest;

/// <summary>A minimal JSON-RPC client over one pooled HTTP handler, enough to drive a node under load.</summary>
internal sealed class RpcClient(Uri endpoint) : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    public async Task<JsonElement> CallAsync(string method, params object[] parameters)
    {
        var body = JsonSerializer.Serialize(new { jsonrpc = "2.0", id = 1, method, @params = parameters });
        using var document = await PostAsync(body);
        var root = document.RootElement;
        if (root.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"{method} failed: {error.GetRawText()}");
        }

        return root.GetProperty("result").Clone();
    }

    /// <summary>Sends raw transactions as one JSON-RPC batch; returns how many the node refused, with the first refusal.</summary>
    public async Task<(int Refused, string? FirstError)> SendRawBatchAsync(IReadOnlyList<string> rawTransactions)
    {
        var (refused, first, _) = await SendRawBatchDetailedAsync(rawTransactions);
        return (refused, first);
    }

    /// <summary>As <see cref="SendRawBatchAsync"/>, with the positions of the refused transactions in the batch.</summary>
    public async Task<(int Refused, string? FirstError, List<int> RefusedIndexes)> SendRawBatchDetailedAsync(IReadOnlyList<string> rawTransactions)
    {
        var body = new StringBuilder(rawTransactions.Count * 260);
        body.Append('[');
        for (var i = 0; i < rawTransactions.Count; i++)
        {
            if (i > 0)
            {
                body.Append(',');
            }

            body.Append("{\"jsonrpc\":\"2.0\",\"id\":").Append(i).Append(",\"method\":\"eth_sendRawTransaction\",\"params\":[\"")
                .Append(rawTransactions[i]).Append("\"]}");
        }

        body.Append(']');
        using var document = await PostAsync(body.ToString());
        var refused = new List<int>();
        string? first = null;
        foreach (var answer in document.RootElement.EnumerateArray())
        {
            if (answer.TryGetProperty("error", out var error))
            {
                refused.Add(answer.GetProperty("id").GetInt32());
                first ??= error.GetRawText();
            }
        }

        return (refused.Count, first, refused);
    }

    /// <summary>One JSON-RPC batch of the same method with one string parameter each; answers in request order.</summary>
    public async Task<JsonElement[]> BatchAsync(string method, IReadOnlyList<string> parameters)
    {
        var body = new StringBuilder(parameters.Count * 120);
        body.Append('[');
        for (var i = 0; i < parameters.Count; i++)
        {
            if (i > 0)
            {
                body.Append(',');
            }

            body.Append("{\"jsonrpc\":\"2.0\",\"id\":").Append(i).Append(",\"method\":\"").Append(method).Append("\",\"params\":[\"")
                .Append(parameters[i]).Append("\"]}");
        }

        body.Append(']');
        using var document = await PostAsync(body.ToString());
        var answers = new JsonElement[parameters.Count];
        foreach (var answer in document.RootElement.EnumerateArray())
        {
            answers[answer.GetProperty("id").GetInt32()] = answer.Clone();
        }

        return answers;
    }

    private async Task<JsonDocument> PostAsync(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = Json;
        using var response = await _http.PostAsync(endpoint, content);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        return await JsonDocument.ParseAsync(stream);
    }

    public void Dispose() => _http.Dispose();
}
