using System.Net;
using Aro.Network.Keys;
using Aro.Network.Transport;

namespace Aro.Network.Peers;

/// <summary>
/// One live link: a bounded send queue per channel drained by a writer task in priority order, and
/// a reader task handing frames to the host. Enqueueing never waits, so a slow peer never blocks
/// the caller or other peers; what happens on overflow is the channel's <see cref="OverflowPolicy"/>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The peer disposes its token source when both loops end (CompleteAsync); the semaphore holds no OS handle.")]
internal sealed class Peer
{
    private readonly SecureConnection _connection;
    private readonly ChannelDescriptor[] _channels;
    private readonly Queue<ReadOnlyMemory<byte>>[] _queues;
    private readonly long[] _dropped;
    private readonly SemaphoreSlim _pending = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _closeLock = new();
    private Task? _close;

    public Peer(NodeId id, bool outbound, EndPoint? remote, SecureConnection connection, ChannelDescriptor[] channelsByPriority)
    {
        Id = id;
        Outbound = outbound;
        RemoteEndPoint = remote;
        _connection = connection;
        _channels = channelsByPriority;
        _queues = new Queue<ReadOnlyMemory<byte>>[channelsByPriority.Length];
        _dropped = new long[channelsByPriority.Length];
        for (var i = 0; i < _queues.Length; i++)
        {
            _queues[i] = new Queue<ReadOnlyMemory<byte>>();
        }
    }

    public NodeId Id { get; }

    public bool Outbound { get; }

    public EndPoint? RemoteEndPoint { get; }

    /// <summary>Completes when the link is closed and both loops have ended.</summary>
    public Task Closed => _closed.Task;

    public ProtocolError CloseReason { get; private set; }

    public string CloseMessage { get; private set; } = string.Empty;

    public long Dropped(ChannelId channel) => Interlocked.Read(ref _dropped[IndexOf(channel)]);

    /// <summary>Queues a message without waiting. False when the queue was full (the message is not sent).</summary>
    public bool TryEnqueue(ChannelId channel, ReadOnlyMemory<byte> payload, out OverflowPolicy overflow)
    {
        var index = IndexOf(channel);
        overflow = _channels[index].Overflow;
        var queue = _queues[index];
        lock (queue)
        {
            if (queue.Count >= _channels[index].SendQueueCapacity)
            {
                Interlocked.Increment(ref _dropped[index]);
                return false;
            }

            queue.Enqueue(payload);
        }

        _pending.Release();
        return true;
    }

    public void Start(Func<Peer, Frame, ValueTask> onFrame, Action<Peer, Exception?> onFailure)
    {
        var writer = Task.Run(() => WriteLoopAsync(_stop.Token));
        var reader = Task.Run(() => ReadLoopAsync(onFrame, _stop.Token));
        _ = Task.WhenAll(
                reader.ContinueWith(t => onFailure(this, t.Exception?.GetBaseException()), TaskScheduler.Default),
                writer.ContinueWith(t => onFailure(this, t.Exception?.GetBaseException()), TaskScheduler.Default))
            .ContinueWith(_ => CompleteAsync(), TaskScheduler.Default);
    }

    /// <summary>Closes the link; tells the peer why first when it still can (best effort, bounded wait). Idempotent: the first reason wins.</summary>
    public Task CloseAsync(ProtocolError reason, string message)
    {
        lock (_closeLock)
        {
            if (_close is null)
            {
                CloseReason = reason;
                CloseMessage = message;
                _close = CloseCoreAsync(reason, message);
            }

            return _close;
        }
    }

    private async Task CloseCoreAsync(ProtocolError reason, string message)
    {
        await Task.Yield();
        if (reason is not (ProtocolError.None or ProtocolError.FrameAuthenticationFailed or ProtocolError.FrameTooLarge or ProtocolError.FrameMalformed))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
            try
            {
                await _connection.SendAsync(ControlMessage.Channel, ControlMessage.Disconnect(reason, message), timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
            {
                // The peer is gone or not reading; it learns from the closed socket instead.
            }
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private async Task WriteLoopAsync(CancellationToken cancellation)
    {
        while (true)
        {
            await _pending.WaitAsync(cancellation).ConfigureAwait(false);
            for (var i = 0; i < _queues.Length; i++)
            {
                ReadOnlyMemory<byte> message;
                lock (_queues[i])
                {
                    if (!_queues[i].TryDequeue(out message))
                    {
                        continue;
                    }
                }

                await _connection.SendAsync((byte)_channels[i].Id, message, cancellation).ConfigureAwait(false);
                break;
            }
        }
    }

    private async Task ReadLoopAsync(Func<Peer, Frame, ValueTask> onFrame, CancellationToken cancellation)
    {
        while (true)
        {
            var frame = await _connection.ReceiveAsync(cancellation).ConfigureAwait(false);
            await onFrame(this, frame).ConfigureAwait(false);
        }
    }

    private async Task CompleteAsync()
    {
        await CloseAsync(CloseReason, CloseMessage).ConfigureAwait(false);
        _stop.Dispose();
        _closed.TrySetResult();
    }

    private int IndexOf(ChannelId channel)
    {
        for (var i = 0; i < _channels.Length; i++)
        {
            if (_channels[i].Id == channel)
            {
                return i;
            }
        }

        throw new ArgumentException($"channel {channel} is not registered", nameof(channel));
    }
}
