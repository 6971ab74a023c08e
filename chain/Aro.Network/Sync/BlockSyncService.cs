using Aro.Network.Keys;
using Aro.Network.Peers;

namespace Aro.Network.Sync;

/// <summary>
/// The block-sync channel: tells each new peer this node's head (and every peer on
/// <see cref="AnnounceHead"/>), remembers the heads peers announce, answers get-blocks from the
/// <see cref="IBlockSource"/> (bounded by <see cref="SyncMessage.MaxBlocksPerRequest"/> blocks and
/// <see cref="SyncMessage.MaxResponseBytes"/> bytes), and routes blocks responses to the
/// <see cref="BlockSyncClient"/> that asked.
/// </summary>
public sealed class BlockSyncService : IChannelHandler
{
    private readonly P2PHost _host;
    private readonly IBlockSource _source;
    private readonly Dictionary<NodeId, SyncStatus> _statuses = [];
    private readonly Dictionary<NodeId, PendingRequest> _pending = [];
    private readonly Lock _lock = new();

    public BlockSyncService(P2PHost host, IBlockSource source)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(source);
        _host = host;
        _source = source;
        host.RegisterChannel(ChannelDescriptor.BlockSync, this);
    }

    internal P2PHost Host => _host;

    /// <summary>The last head each connected peer announced, ordered by id.</summary>
    public IReadOnlyList<(NodeId Peer, SyncStatus Status)> PeerStatuses
    {
        get
        {
            lock (_lock)
            {
                var list = _statuses.Select(s => (s.Key, s.Value)).ToList();
                list.Sort((a, b) => a.Key.Address.CompareTo(b.Key.Address));
                return list;
            }
        }
    }

    /// <summary>Tells every peer this node's current head (after committing a block).</summary>
    public void AnnounceHead() => _host.Broadcast(ChannelId.BlockSync, SyncMessage.Status(_source.Status));

    void IChannelHandler.PeerConnected(NodeId peer) => _host.Send(peer, ChannelId.BlockSync, SyncMessage.Status(_source.Status));

    void IChannelHandler.PeerDisconnected(NodeId peer)
    {
        PendingRequest? pending;
        lock (_lock)
        {
            _statuses.Remove(peer);
            _pending.Remove(peer, out pending);
        }

        pending?.Response.TrySetException(new InvalidOperationException($"peer {peer} disconnected"));
    }

    void IChannelHandler.Receive(NodeId from, ReadOnlyMemory<byte> payload)
    {
        switch (SyncMessage.TypeOf(payload.Span))
        {
            case SyncMessage.StatusType:
                var status = SyncMessage.ReadStatus(payload.Span);
                lock (_lock)
                {
                    _statuses[from] = status;
                }

                break;
            case SyncMessage.GetBlocksType:
                var (start, count) = SyncMessage.ReadGetBlocks(payload.Span);
                _host.Send(from, ChannelId.BlockSync, Serve(start, count));
                break;
            case SyncMessage.BlocksType:
                ReceiveBlocks(from, payload.Span);
                break;
            default:
                throw new InvalidMessageException($"unknown block-sync message type {payload.Span[0]}");
        }
    }

    /// <summary>Sends get-blocks to <paramref name="peer"/> and waits for its answer (one request per peer at a time).</summary>
    internal Task<List<CommittedBlock>> RequestAsync(NodeId peer, ulong from, int count)
    {
        var pending = new PendingRequest(from, count);
        lock (_lock)
        {
            if (!_pending.TryAdd(peer, pending))
            {
                throw new InvalidOperationException($"a request to {peer} is already outstanding");
            }
        }

        if (!_host.Send(peer, ChannelId.BlockSync, SyncMessage.GetBlocks(from, count)))
        {
            Cancel(peer, pending);
            pending.Response.TrySetException(new InvalidOperationException($"peer {peer} is not connected or its queue is full"));
        }

        return pending.Response.Task;
    }

    internal void Cancel(NodeId peer, object request)
    {
        lock (_lock)
        {
            if (_pending.TryGetValue(peer, out var current) && ReferenceEquals(current, request))
            {
                _pending.Remove(peer);
            }
        }
    }

    internal object? PendingFor(NodeId peer)
    {
        lock (_lock)
        {
            return _pending.GetValueOrDefault(peer);
        }
    }

    private byte[] Serve(ulong from, int count)
    {
        var blocks = new List<(byte[] Block, byte[] Commit)>(count);
        var size = 0;
        for (var number = from; number < from + (ulong)count; number++)
        {
            if (_source.GetCommittedBlock(number) is not { } committed)
            {
                break;
            }

            var block = Aro.Core.Blocks.BlockCodec.Encode(committed.Block);
            var commit = Aro.Core.Blocks.CommitCodec.Encode(committed.Commit);
            size += block.Length + commit.Length + 16;
            if (size > SyncMessage.MaxResponseBytes && blocks.Count > 0)
            {
                break;
            }

            blocks.Add((block, commit));
        }

        return SyncMessage.Blocks(from, blocks);
    }

    private void ReceiveBlocks(NodeId from, ReadOnlySpan<byte> payload)
    {
        PendingRequest? pending;
        lock (_lock)
        {
            _pending.Remove(from, out pending);
        }

        if (pending is null)
        {
            throw new InvalidMessageException("blocks response without a request");
        }

        try
        {
            var (start, blocks) = SyncMessage.ReadBlocks(payload);
            if (start != pending.From || blocks.Count > pending.Count)
            {
                throw new InvalidMessageException($"asked for {pending.Count} blocks from {pending.From}, got {blocks.Count} from {start}");
            }

            pending.Response.TrySetResult(blocks);
        }
        catch (InvalidMessageException e)
        {
            pending.Response.TrySetException(e);
            throw;
        }
    }

    private sealed class PendingRequest(ulong from, int count)
    {
        public ulong From { get; } = from;

        public int Count { get; } = count;

        public TaskCompletionSource<List<CommittedBlock>> Response { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
