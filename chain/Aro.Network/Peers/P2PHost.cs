using System.Net;
using System.Net.Sockets;
using Aro.Network.Keys;
using Aro.Network.Transport;

namespace Aro.Network.Peers;

/// <summary>
/// The node's P2P endpoint: accepts and dials authenticated links, keeps persistent peers and seeds
/// connected with backoff, caps the number of peers, scores and bans misbehaving peers, and routes
/// each channel's messages to the handler registered for it. Register channels, then
/// <see cref="StartAsync"/>; <see cref="DisposeAsync"/> closes every link and waits for its tasks.
/// </summary>
public sealed class P2PHost : IAsyncDisposable
{
    private readonly P2PHostOptions _options;
    private readonly Dictionary<ChannelId, (ChannelDescriptor Descriptor, IChannelHandler Handler)> _channels = [];
    private readonly Dictionary<NodeId, Peer> _peers = [];
    private readonly Dictionary<NodeId, int> _scores = [];
    private readonly Dictionary<NodeId, DateTimeOffset> _bans = [];
    private readonly List<Task> _background = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private ChannelDescriptor[] _byPriority = [];
    private Socket? _listener;
    private bool _started;
    private int _pendingInbound;

    public P2PHost(P2PHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    public NodeId Id => _options.Key.Id;

    public ChainIdentity Chain => _options.Chain;

    /// <summary>The bound listen address (with the real port when configured with 0); null before start or when not listening.</summary>
    public IPEndPoint? ListenEndPoint { get; private set; }

    public event EventHandler<PeerEventArgs>? PeerConnected;

    public event EventHandler<PeerEventArgs>? PeerDisconnected;

    /// <summary>Connected peers, ordered by id (stable for callers that iterate).</summary>
    public IReadOnlyList<NodeId> Peers
    {
        get
        {
            lock (_lock)
            {
                var ids = _peers.Keys.ToList();
                ids.Sort((a, b) => a.Address.CompareTo(b.Address));
                return ids;
            }
        }
    }

    /// <exception cref="InvalidOperationException">After start, or the channel is already registered.</exception>
    public void RegisterChannel(ChannelDescriptor descriptor, IChannelHandler handler)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(handler);
        lock (_lock)
        {
            if (_started)
            {
                throw new InvalidOperationException("channels are registered before the host starts");
            }

            if (!_channels.TryAdd(descriptor.Id, (descriptor, handler)))
            {
                throw new InvalidOperationException($"channel {descriptor.Id} is already registered");
            }

            _byPriority = _channels.Values.Select(c => c.Descriptor).OrderByDescending(d => d.Priority).ThenBy(d => d.Id).ToArray();
        }
    }

    public Task StartAsync()
    {
        lock (_lock)
        {
            if (_started)
            {
                throw new InvalidOperationException("the host is already started");
            }

            _started = true;
        }

        if (_options.Listen is { } listen)
        {
            _listener = new Socket(listen.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            _listener.Bind(listen);
            _listener.Listen(128);
            ListenEndPoint = (IPEndPoint)_listener.LocalEndPoint!;
            Track(AcceptLoopAsync(_listener, _stop.Token));
        }

        foreach (var address in _options.PersistentPeers.Concat(_options.Seeds))
        {
            Track(KeepConnectedAsync(address, _stop.Token));
        }

        return Task.CompletedTask;
    }

    /// <summary>Dials once. Returns the proven node id of the new peer.</summary>
    /// <exception cref="PeerProtocolException">Refused, failed, timed out, or the remote id is not the expected one.</exception>
    public async Task<NodeId> DialAsync(PeerAddress address, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, _stop.Token);
        linked.CancelAfter(_options.HandshakeTimeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(address.Host, address.Port, linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            socket.Dispose();
            throw new PeerProtocolException(ProtocolError.Timeout, $"cannot connect to {address}: {e.Message}", e);
        }

        var peer = await HandshakeAsync(socket, outbound: true, address.Id, linked.Token).ConfigureAwait(false);
        return peer.Id;
    }

    /// <summary>Queues a message to every peer except <paramref name="except"/>. Never waits.</summary>
    public void Broadcast(ChannelId channel, ReadOnlyMemory<byte> payload, NodeId? except = null)
    {
        foreach (var peer in Snapshot())
        {
            if (peer.Id != except)
            {
                Enqueue(peer, channel, payload);
            }
        }
    }

    /// <summary>Queues a message to one peer. False when it is not connected or the message was dropped.</summary>
    public bool Send(NodeId to, ChannelId channel, ReadOnlyMemory<byte> payload)
    {
        Peer? peer;
        lock (_lock)
        {
            _peers.TryGetValue(to, out peer);
        }

        return peer is not null && Enqueue(peer, channel, payload);
    }

    public int Score(NodeId peer)
    {
        lock (_lock)
        {
            return _scores.GetValueOrDefault(peer);
        }
    }

    public bool IsBanned(NodeId peer)
    {
        lock (_lock)
        {
            return IsBannedLocked(peer);
        }
    }

    /// <summary>Messages of <paramref name="channel"/> dropped because the peer's queue was full.</summary>
    public long DroppedMessages(NodeId peer, ChannelId channel)
    {
        lock (_lock)
        {
            return _peers.TryGetValue(peer, out var p) ? p.Dropped(channel) : 0;
        }
    }

    /// <summary>Lowers a peer's score; at the ban threshold the peer is disconnected and refused until the ban expires.</summary>
    public void Penalise(NodeId peer, Penalty penalty, string reason)
    {
        Peer? toClose = null;
        lock (_lock)
        {
            var score = _scores.GetValueOrDefault(peer) - (int)penalty;
            _scores[peer] = score;
            if (score <= _options.BanThreshold)
            {
                _bans[peer] = _options.Time.GetUtcNow() + _options.BanDuration;
                _peers.TryGetValue(peer, out toClose);
            }
        }

        if (toClose is not null)
        {
            _ = toClose.CloseAsync(ProtocolError.Banned, $"banned: score at or below {_options.BanThreshold} ({reason})");
        }
    }

    /// <summary>Closes the link to a peer, telling it why.</summary>
    public Task DisconnectAsync(NodeId peer, ProtocolError reason, string message)
    {
        Peer? p;
        lock (_lock)
        {
            _peers.TryGetValue(peer, out p);
        }

        return p?.CloseAsync(reason, message) ?? Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _listener?.Dispose();
        var peers = Snapshot();
        await Task.WhenAll(peers.Select(p => p.CloseAsync(ProtocolError.Shutdown, "the node is shutting down"))).ConfigureAwait(false);
        await Task.WhenAll(peers.Select(p => p.Closed)).ConfigureAwait(false);
        Task[] background;
        lock (_lock)
        {
            background = [.. _background];
        }

        try
        {
            await Task.WhenAll(background).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Loops end by cancellation.
        }

        _stop.Dispose();
    }

    private bool Enqueue(Peer peer, ChannelId channel, ReadOnlyMemory<byte> payload)
    {
        if (peer.TryEnqueue(channel, payload, out var overflow))
        {
            return true;
        }

        if (overflow == OverflowPolicy.Disconnect)
        {
            _ = peer.CloseAsync(ProtocolError.SlowPeer, $"send queue of channel {channel} is full");
        }

        return false;
    }

    private async Task AcceptLoopAsync(Socket listener, CancellationToken cancellation)
    {
        while (!cancellation.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(cancellation).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            // Unauthenticated connections cost a handshake each: at most as many in flight as peers allowed.
            if (Interlocked.Increment(ref _pendingInbound) > _options.MaxPeers)
            {
                Interlocked.Decrement(ref _pendingInbound);
                socket.Dispose();
                continue;
            }

            socket.NoDelay = true;
            Track(AcceptOneAsync(socket, cancellation));
        }
    }

    private async Task AcceptOneAsync(Socket socket, CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(_options.HandshakeTimeout);
        try
        {
            await HandshakeAsync(socket, outbound: false, expected: null, timeout.Token).ConfigureAwait(false);
        }
        catch (PeerProtocolException)
        {
            // Refused or failed before the peer had a proven identity worth scoring; the socket is closed.
        }
        finally
        {
            Interlocked.Decrement(ref _pendingInbound);
        }
    }

    private async Task KeepConnectedAsync(PeerAddress address, CancellationToken cancellation)
    {
        var backoff = _options.DialBackoffMin;
        while (!cancellation.IsCancellationRequested)
        {
            Peer? existing = null;
            if (address.Id is { } id)
            {
                lock (_lock)
                {
                    _peers.TryGetValue(id, out existing);
                }
            }

            try
            {
                if (existing is null)
                {
                    var connected = await DialAsync(address, cancellation).ConfigureAwait(false);
                    lock (_lock)
                    {
                        _peers.TryGetValue(connected, out existing);
                    }

                    backoff = _options.DialBackoffMin;
                }

                if (existing is not null)
                {
                    await existing.Closed.WaitAsync(cancellation).ConfigureAwait(false);
                    continue;
                }
            }
            catch (PeerProtocolException)
            {
                // Unreachable, refused or wrong key: try again later.
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await Task.Delay(backoff, _options.Time, cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.DialBackoffMax.Ticks));
        }
    }

    private async Task<Peer> HandshakeAsync(Socket socket, bool outbound, NodeId? expected, CancellationToken cancellation)
    {
        var remote = socket.RemoteEndPoint;
        var stream = new NetworkStream(socket, ownsSocket: true);
        HandshakeResult result;
        try
        {
            result = await Handshake.RunAsync(stream, _options.Key, _options.Chain, outbound, expected, Admit, _options.MaxFrameSize, cancellation).ConfigureAwait(false);
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var peer = new Peer(result.RemoteId, outbound, remote, result.Connection, _byPriority);
        Refusal? late;
        lock (_lock)
        {
            // Admission ran during the handshake; a racing link to the same id may have won since.
            late = Admit(result.RemoteId);
            if (late is null)
            {
                _peers.Add(peer.Id, peer);
            }
        }

        if (late is { } refusal)
        {
            await result.Connection.DisposeAsync().ConfigureAwait(false);
            throw new PeerProtocolException(refusal.Error, refusal.Reason);
        }

        peer.Start(OnFrameAsync, OnLinkFailed);
        _ = peer.Closed.ContinueWith(_ => OnClosed(peer), TaskScheduler.Default);
        foreach (var (_, handler) in _channels.Values)
        {
            handler.PeerConnected(peer.Id);
        }

        PeerConnected?.Invoke(this, new PeerEventArgs(peer.Id, outbound, ProtocolError.None, string.Empty));
        return peer;
    }

    private Refusal? Admit(NodeId remote)
    {
        lock (_lock)
        {
            if (remote == Id)
            {
                return new Refusal(ProtocolError.SelfConnection, "connected to itself");
            }

            if (IsBannedLocked(remote))
            {
                return new Refusal(ProtocolError.Banned, $"{remote} is banned until {_bans[remote]:O}");
            }

            if (_peers.ContainsKey(remote))
            {
                return new Refusal(ProtocolError.DuplicatePeer, $"already connected to {remote}");
            }

            return _peers.Count >= _options.MaxPeers
                ? new Refusal(ProtocolError.TooManyPeers, $"at the limit of {_options.MaxPeers} peers")
                : null;
        }
    }

    private bool IsBannedLocked(NodeId peer)
    {
        if (!_bans.TryGetValue(peer, out var until))
        {
            return false;
        }

        if (_options.Time.GetUtcNow() < until)
        {
            return true;
        }

        // The ban is served; the peer starts again from a neutral score.
        _bans.Remove(peer);
        _scores.Remove(peer);
        return false;
    }

    private ValueTask OnFrameAsync(Peer peer, Frame frame)
    {
        if (frame.Channel == ControlMessage.Channel)
        {
            if (ControlMessage.TryReadDisconnect(frame.Payload.Span, out var reason, out var text))
            {
                _ = peer.CloseAsync(ProtocolError.RefusedByPeer, $"peer disconnected ({reason}): {text}");
                return ValueTask.CompletedTask;
            }

            throw new PeerProtocolException(ProtocolError.FrameMalformed, "unexpected control message after the handshake");
        }

        if (!Enum.IsDefined((ChannelId)frame.Channel) || !_channels.TryGetValue((ChannelId)frame.Channel, out var channel))
        {
            throw new PeerProtocolException(ProtocolError.FrameMalformed, $"frame for unknown channel {frame.Channel}");
        }

        if (frame.Payload.Length > channel.Descriptor.MaxMessageSize)
        {
            Penalise(peer.Id, Penalty.MalformedMessage, $"{frame.Payload.Length}-byte message on {channel.Descriptor.Id} is above its {channel.Descriptor.MaxMessageSize}-byte limit");
            return ValueTask.CompletedTask;
        }

        try
        {
            channel.Handler.Receive(peer.Id, frame.Payload);
        }
        catch (InvalidMessageException e)
        {
            Penalise(peer.Id, Penalty.MalformedMessage, $"{channel.Descriptor.Id}: {e.Message}");
        }

        return ValueTask.CompletedTask;
    }

    private void OnLinkFailed(Peer peer, Exception? error)
    {
        switch (error)
        {
            case null or OperationCanceledException:
                _ = peer.CloseAsync(ProtocolError.None, "link closed");
                break;
            case PeerProtocolException { Error: ProtocolError.FrameTooLarge or ProtocolError.FrameMalformed or ProtocolError.FrameAuthenticationFailed } bad:
                Penalise(peer.Id, Penalty.BadFrame, bad.Message);
                _ = peer.CloseAsync(bad.Error, bad.Message);
                break;
            case PeerProtocolException other:
                _ = peer.CloseAsync(other.Error, other.Message);
                break;
            default:
                _ = peer.CloseAsync(ProtocolError.None, error.Message);
                break;
        }
    }

    private void OnClosed(Peer peer)
    {
        lock (_lock)
        {
            if (_peers.TryGetValue(peer.Id, out var current) && ReferenceEquals(current, peer))
            {
                _peers.Remove(peer.Id);
            }
        }

        foreach (var (_, handler) in _channels.Values)
        {
            handler.PeerDisconnected(peer.Id);
        }

        PeerDisconnected?.Invoke(this, new PeerEventArgs(peer.Id, peer.Outbound, peer.CloseReason, peer.CloseMessage));
    }

    private Peer[] Snapshot()
    {
        lock (_lock)
        {
            return [.. _peers.Values];
        }
    }

    private void Track(Task task)
    {
        lock (_lock)
        {
            _background.RemoveAll(t => t.IsCompleted);
            _background.Add(task);
        }
    }
}
