using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Aro.LoadTest;

/// <summary>One committed block as the watcher saw it: its number, when its header arrived (client clock), its transaction hashes.</summary>
internal sealed record CommittedHead(ulong Number, TimeSpan ArrivedAt, string[] TransactionHashes);

/// <summary>
/// Follows one node's commits: <c>eth_subscribe newHeads</c> over WebSocket stamps each header with the
/// client clock as it arrives, then one <c>eth_getBlockByNumber</c> per block fetches its transaction
/// hashes, so finality is known for every transaction without polling receipts one by one.
/// </summary>
internal sealed class HeadWatcher : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly RpcClient _rpc;
    private readonly Stopwatch _clock;
    private readonly Channel<(ulong Number, TimeSpan At)> _arrivals = Channel.CreateUnbounded<(ulong, TimeSpan)>();
    private readonly CancellationTokenSource _stop = new();
    private Task? _reader;

    private HeadWatcher(RpcClient rpc, Stopwatch clock)
    {
        _rpc = rpc;
        _clock = clock;
    }

    /// <summary>Blocks with their hashes, in commit order.</summary>
    public Channel<CommittedHead> Heads { get; } = Channel.CreateUnbounded<CommittedHead>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Subscribes on <paramref name="endpoint"/> (its ws:// twin) and starts following.</summary>
    public static async Task<HeadWatcher> StartAsync(Uri endpoint, RpcClient rpc, Stopwatch clock)
    {
        var watcher = new HeadWatcher(rpc, clock);
        var ws = new UriBuilder(endpoint) { Scheme = endpoint.Scheme == "https" ? "wss" : "ws" }.Uri;
        await watcher._socket.ConnectAsync(ws, CancellationToken.None);
        var subscribe = Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\",\"params\":[\"newHeads\"]}");
        await watcher._socket.SendAsync(subscribe, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        watcher._reader = Task.Run(watcher.ReadAsync);
        _ = Task.Run(watcher.FetchAsync);
        return watcher;
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var at = _clock.Elapsed;
                using (var document = JsonDocument.Parse(message.ToArray()))
                {
                    if (document.RootElement.TryGetProperty("params", out var p) && p.TryGetProperty("result", out var header))
                    {
                        _arrivals.Writer.TryWrite((Quantity.ToUInt64(header.GetProperty("number")), at));
                    }
                    else if (document.RootElement.TryGetProperty("error", out var error))
                    {
                        throw new InvalidOperationException($"eth_subscribe newHeads failed: {error.GetRawText()}");
                    }
                }

                message.SetLength(0);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed.
        }
        catch (Exception e) when (e is WebSocketException or InvalidOperationException or JsonException)
        {
            Heads.Writer.TryComplete(e);
            return;
        }

        _arrivals.Writer.TryComplete();
    }

    private async Task FetchAsync()
    {
        try
        {
            await foreach (var (number, at) in _arrivals.Reader.ReadAllAsync())
            {
                var block = await _rpc.CallAsync("eth_getBlockByNumber", Quantity.Of(number), false);
                var txs = block.GetProperty("transactions");
                var hashes = new string[txs.GetArrayLength()];
                var i = 0;
                foreach (var tx in txs.EnumerateArray())
                {
                    hashes[i++] = tx.GetString()!;
                }

                Heads.Writer.TryWrite(new CommittedHead(number, at, hashes));
            }

            Heads.Writer.TryComplete();
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or JsonException or TaskCanceledException)
        {
            Heads.Writer.TryComplete(e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_reader is not null)
        {
            try
            {
                await _reader;
            }
            catch (OperationCanceledException)
            {
                // Stopped mid-receive.
            }
        }

        _socket.Dispose();
        _stop.Dispose();
    }
}
