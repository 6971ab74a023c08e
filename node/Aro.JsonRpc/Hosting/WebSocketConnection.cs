using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Channels;
using Aro.JsonRpc.Dispatch;
using Aro.JsonRpc.Subscriptions;
using Microsoft.Extensions.Logging;

namespace Aro.JsonRpc.Hosting;

/// <summary>
/// One WebSocket client: a receive loop that dispatches each message in turn and a send loop
/// draining a bounded queue that responses and subscription events share.
/// </summary>
internal sealed class WebSocketConnection : ISubscriptionSink, IDisposable
{
    private const int RetainedBufferBytes = 256 * 1024;

    private readonly WebSocket _socket;
    private readonly JsonRpcDispatcher _dispatcher;
    private readonly SubscriptionHub? _hub;
    private readonly JsonRpcServerOptions _options;
    private readonly ILogger _logger;
    private readonly string _remote;
    private readonly Channel<byte[]> _outbox;
    private readonly CancellationTokenSource _closed = new();
    private Task _sender = Task.CompletedTask;
    private int _dropped;

    public WebSocketConnection(
        WebSocket socket,
        JsonRpcDispatcher dispatcher,
        SubscriptionHub? hub,
        JsonRpcServerOptions options,
        ILogger logger,
        string remote)
    {
        _socket = socket;
        _dispatcher = dispatcher;
        _hub = hub;
        _options = options;
        _logger = logger;
        _remote = remote;
        _outbox = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(options.WebSocketSendQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public int MaxSubscriptions => _options.MaxSubscriptionsPerConnection;

    public bool TrySend(byte[] message)
    {
        if (_outbox.Writer.TryWrite(message))
        {
            return true;
        }

        Drop($"send queue full ({_options.WebSocketSendQueueCapacity} messages): the client reads too slowly");
        return false;
    }

    /// <summary>Serves the socket until the client leaves, breaks a limit or the server stops.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        using var stop = stopping.Register(() => Drop(null));
        _sender = SendLoopAsync();
        try
        {
            await ReceiveLoopAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                _logger.LogDebug("WebSocket {Remote} ended: {Reason}", _remote, ex.Message);
            }
        }
        finally
        {
            _hub?.RemoveAll(this);
            _outbox.Writer.TryComplete();
            await _closed.CancelAsync().ConfigureAwait(false);
            await _sender.ConfigureAwait(false);
        }
    }

    public void Dispose() => _closed.Dispose();

    private async Task ReceiveLoopAsync()
    {
        var limit = _options.MaxWebSocketMessageBytes;
        var buffer = new ArrayBufferWriter<byte>(4096);
        var output = new ArrayBufferWriter<byte>(4096);
        var token = _closed.Token;
        while (!token.IsCancellationRequested)
        {
            buffer.ResetWrittenCount();
            ValueWebSocketReceiveResult received;
            do
            {
                received = await _socket.ReceiveAsync(buffer.GetMemory(4096), token).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await CloseAsync(WebSocketCloseStatus.NormalClosure, null).ConfigureAwait(false);
                    return;
                }

                buffer.Advance(received.Count);
                if (buffer.WrittenCount > limit)
                {
                    if (_logger.IsEnabled(LogLevel.Information))
                    {
                        _logger.LogInformation("Closing WebSocket {Remote}: message over the {Limit}-byte limit", _remote, limit);
                    }

                    await CloseAsync(WebSocketCloseStatus.MessageTooBig, $"message exceeds the limit of {limit} bytes").ConfigureAwait(false);
                    return;
                }
            }
            while (!received.EndOfMessage);

            output.ResetWrittenCount();
            var context = new RpcCallContext(this);
            await _dispatcher.DispatchAsync(new ReadOnlySequence<byte>(buffer.WrittenMemory), output, context).ConfigureAwait(false);
            if (output.WrittenCount > 0 && !TrySend(output.WrittenSpan.ToArray()))
            {
                return;
            }

            context.ActivatePending();

            // One huge message should not pin megabytes for the life of the connection.
            if (buffer.Capacity > RetainedBufferBytes)
            {
                buffer = new ArrayBufferWriter<byte>(4096);
            }

            if (output.Capacity > RetainedBufferBytes)
            {
                output = new ArrayBufferWriter<byte>(4096);
            }
        }
    }

    private async Task SendLoopAsync()
    {
        try
        {
            var reader = _outbox.Reader;
            while (await reader.WaitToReadAsync(_closed.Token).ConfigureAwait(false))
            {
                while (reader.TryRead(out var message))
                {
                    await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, _closed.Token).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The receive side notices the broken socket and cleans up.
            _socket.Abort();
        }
    }

    private async Task CloseAsync(WebSocketCloseStatus status, string? description)
    {
        // Let queued responses go out first (one sender at a time on a WebSocket), then say goodbye.
        _outbox.Writer.TryComplete();
        await _sender.ConfigureAwait(false);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await _socket.CloseOutputAsync(status, description, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            _socket.Abort();
        }
    }

    /// <summary>Cuts the connection without waiting: used for slow consumers and server shutdown.</summary>
    private void Drop(string? reason)
    {
        if (Interlocked.Exchange(ref _dropped, 1) != 0)
        {
            return;
        }

        if (reason is not null)
        {
            _logger.LogWarning("Dropping WebSocket client {Remote}: {Reason}", _remote, reason);
        }

        _outbox.Writer.TryComplete();
        _socket.Abort();
        try
        {
            _closed.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already finished.
        }
    }
}
