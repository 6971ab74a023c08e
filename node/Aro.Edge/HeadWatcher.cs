using System.Buffers;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Aro.Edge;

/// <summary>
/// Follows the chain head for the long-running commands. By default over WebSocket: <c>eth_subscribe</c>
/// <c>newHeads</c> on the node's RPC port (<c>ws://</c> for <c>http://</c>, <c>wss://</c> for <c>https://</c>), with
/// the current head read once after each (re)connection so nothing passed while the socket was down is missed.
/// With <c>--poll</c> it asks <c>eth_blockNumber</c> every <c>--poll-ms</c> instead. When the node goes away (socket
/// dropped, connection refused, an RPC call failing mid-run) it says so on the error stream and tries again with
/// a doubling back-off (0.25 s up to 8 s); the handler is called again once the node answers.
/// </summary>
internal sealed class HeadWatcher
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LastBackoff = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    private readonly EdgeRpc _rpc;
    private readonly TextWriter _output;
    private readonly TextWriter _error;
    private readonly TimeSpan? _poll;

    private HeadWatcher(EdgeRpc rpc, TimeSpan? poll, TextWriter output, TextWriter error)
    {
        _rpc = rpc;
        _poll = poll;
        _output = output;
        _error = error;
        Socket = WebSocketUri(rpc.Endpoint);
    }

    /// <summary>The node's WebSocket endpoint (the RPC URL with the ws/wss scheme).</summary>
    public Uri Socket { get; }

    public bool Polling => _poll is not null;

    /// <summary>Reads <c>--poll</c> and <c>--poll-ms</c> (the latter only together with the former).</summary>
    public static HeadWatcher From(EdgeOptions options, EdgeRpc rpc, TextWriter output, TextWriter error)
    {
        var poll = options.Flag("--poll");
        var interval = options.OptionalNumber("--poll-ms");
        if (interval is not null && !poll)
        {
            throw new EdgeUsageException("--poll-ms sets the polling interval of --poll; without --poll the head is followed over WebSocket");
        }

        return new HeadWatcher(rpc, poll ? TimeSpan.FromMilliseconds(interval ?? 200) : null, output, error);
    }

    public static Uri WebSocketUri(Uri rpc)
    {
        var builder = new UriBuilder(rpc) { Scheme = rpc.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" };
        return builder.Uri;
    }

    /// <summary>
    /// Calls <paramref name="onHead"/> with each new head (and the current head after each connection) until it
    /// returns false or <paramref name="cancel"/> fires. Heads arrive in order but may repeat after a reconnection.
    /// </summary>
    public Task FollowAsync(Func<ulong, Task<bool>> onHead, CancellationToken cancel) =>
        _poll is { } interval ? PollAsync(onHead, interval, cancel) : SubscribeAsync(onHead, cancel);

    private async Task PollAsync(Func<ulong, Task<bool>> onHead, TimeSpan interval, CancellationToken cancel)
    {
        var backoff = FirstBackoff;
        var down = false;
        while (!cancel.IsCancellationRequested)
        {
            try
            {
                var head = await _rpc.NumberAsync("eth_blockNumber").ConfigureAwait(false);
                if (down)
                {
                    Say($"the node at {_rpc.Endpoint} answers again; following the head by polling");
                    down = false;
                    backoff = FirstBackoff;
                }

                if (!await onHead(head).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (NodeUnreachableException e)
            {
                Warn($"error: the node is unreachable: {e.Message}; retrying in {Seconds(backoff)}");
                down = true;
                await Task.Delay(backoff, cancel).ConfigureAwait(false);
                backoff = Next(backoff);
                continue;
            }

            await Task.Delay(interval, cancel).ConfigureAwait(false);
        }
    }

    private async Task SubscribeAsync(Func<ulong, Task<bool>> onHead, CancellationToken cancel)
    {
        var backoff = FirstBackoff;
        var attempt = 0;
        while (!cancel.IsCancellationRequested)
        {
            attempt++;
            using var socket = new ClientWebSocket();
            string problem;
            try
            {
                await ConnectAsync(socket, cancel).ConfigureAwait(false);
                await SendAsync(socket, """{"jsonrpc":"2.0","id":1,"method":"eth_subscribe","params":["newHeads"]}""", cancel).ConfigureAwait(false);
                RequireSubscribed(await ReceiveAsync(socket, cancel).ConfigureAwait(false));
                Say(attempt == 1 ? $"following new heads over {Socket}" : $"reconnected to {Socket}; following new heads again");
                attempt = 0;
                backoff = FirstBackoff;

                // Blocks may have passed while the socket was down: start from the current head.
                if (!await onHead(await _rpc.NumberAsync("eth_blockNumber").ConfigureAwait(false)).ConfigureAwait(false))
                {
                    await CloseQuietlyAsync(socket).ConfigureAwait(false);
                    return;
                }

                while (true)
                {
                    var message = await ReceiveAsync(socket, cancel).ConfigureAwait(false);
                    if (HeadNumber(message) is { } head && !await onHead(head).ConfigureAwait(false))
                    {
                        await CloseQuietlyAsync(socket).ConfigureAwait(false);
                        return;
                    }
                }
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is WebSocketException or IOException or NodeUnreachableException or OperationCanceledException or JsonException)
            {
                problem = e is OperationCanceledException ? $"no connection within {Seconds(ConnectTimeout)}" : e.Message;
            }

            Warn(attempt <= 1
                ? $"error: lost the node's WebSocket {Socket}: {problem}; reconnecting in {Seconds(backoff)}"
                : $"error: the node at {Socket} is unreachable ({problem}); retrying in {Seconds(backoff)} (attempt {attempt})");
            await Task.Delay(backoff, cancel).ConfigureAwait(false);
            backoff = Next(backoff);
        }
    }

    private async Task ConnectAsync(ClientWebSocket socket, CancellationToken cancel)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(ConnectTimeout);
        await socket.ConnectAsync(Socket, timeout.Token).ConfigureAwait(false);
    }

    private static async Task SendAsync(ClientWebSocket socket, string text, CancellationToken cancel) =>
        await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancel).ConfigureAwait(false);

    /// <summary>One whole text message; a close from the node is a lost connection.</summary>
    private static async Task<JsonDocument> ReceiveAsync(ClientWebSocket socket, CancellationToken cancel)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(4096), cancel).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException($"the node closed the socket ({socket.CloseStatus} {socket.CloseStatusDescription})");
            }

            buffer.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return JsonDocument.Parse(buffer.WrittenMemory);
            }
        }
    }

    private void RequireSubscribed(JsonDocument answer)
    {
        using (answer)
        {
            var root = answer.RootElement;
            if (root.TryGetProperty("error", out var error))
            {
                throw new NodeUnreachableException($"{Socket} refused eth_subscribe newHeads: {error.GetRawText()}");
            }
        }
    }

    /// <summary>The block number of a newHeads notification; null for any other message.</summary>
    internal static ulong? HeadNumber(JsonDocument message)
    {
        using (message)
        {
            var root = message.RootElement;
            return root.TryGetProperty("method", out var method) && method.ValueEquals("eth_subscription")
                && root.TryGetProperty("params", out var p) && p.TryGetProperty("result", out var header)
                && header.TryGetProperty("number", out var number)
                ? EdgeRpc.ParseQuantity(number.GetString())
                : null;
        }
    }

    private static async Task CloseQuietlyAsync(ClientWebSocket socket)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            // Already gone: nothing to close.
        }
    }

    private static TimeSpan Next(TimeSpan backoff) => backoff * 2 > LastBackoff ? LastBackoff : backoff * 2;

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.##} s");

    private void Say(string line)
    {
        _output.WriteLine(line);
        _output.Flush();
    }

    private void Warn(string line)
    {
        _error.WriteLine(line);
        _error.Flush();
    }
}
