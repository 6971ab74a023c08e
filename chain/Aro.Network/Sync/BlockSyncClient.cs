using Aro.Network.Keys;
using Aro.Network.Peers;

namespace Aro.Network.Sync;

/// <summary>
/// Catches a node up from its peers: asks the peer with the highest announced head for the next
/// range (at most <see cref="SyncMessage.MaxBlocksPerRequest"/> blocks), hands each block with its
/// commit to the <see cref="IBlockSyncSink"/> in height order, and moves on to the next range.
/// A peer that sends a block that does not follow, a commit for another block, or anything the
/// sink refuses is penalised (<see cref="Penalty.BadData"/>) and not asked again during this sync;
/// one that does not answer in time or answers with nothing is penalised as unresponsive.
/// </summary>
public sealed class BlockSyncClient
{
    private readonly BlockSyncService _service;
    private readonly IBlockSyncSink _sink;

    public BlockSyncClient(BlockSyncService service, IBlockSyncSink sink, TimeSpan? requestTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(sink);
        _service = service;
        _sink = sink;
        RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(10);
    }

    public TimeSpan RequestTimeout { get; }

    /// <summary>
    /// Downloads and applies blocks above <paramref name="localHeight"/> until no usable peer is
    /// ahead. Returns the new local height.
    /// </summary>
    public async Task<ulong> SyncAsync(ulong localHeight, CancellationToken cancellation = default)
    {
        var height = localHeight;
        var excluded = new HashSet<NodeId>();
        while (!cancellation.IsCancellationRequested)
        {
            if (BestPeer(height, excluded) is not { } best)
            {
                return height;
            }

            var count = (int)Math.Min((ulong)SyncMessage.MaxBlocksPerRequest, best.Status.Height - height);
            var blocks = await FetchAsync(best.Peer, height + 1, count, cancellation).ConfigureAwait(false);
            if (blocks is null || blocks.Count == 0)
            {
                _service.Host.Penalise(best.Peer, Penalty.Unresponsive, $"announced height {best.Status.Height} but served no blocks from {height + 1}");
                excluded.Add(best.Peer);
                continue;
            }

            foreach (var committed in blocks)
            {
                var expected = height + 1;
                var problem = Check(committed, expected) ?? _sink.Apply(committed);
                if (problem is not null)
                {
                    _service.Host.Penalise(best.Peer, Penalty.BadData, $"block {expected}: {problem}");
                    excluded.Add(best.Peer);
                    break;
                }

                height = expected;
            }
        }

        cancellation.ThrowIfCancellationRequested();
        return height;
    }

    private static string? Check(CommittedBlock committed, ulong expected)
    {
        if (committed.Block.Number != expected)
        {
            return $"got block {committed.Block.Number} where {expected} was due";
        }

        return committed.Commit.Height != expected || committed.Commit.BlockHash != committed.Block.Hash
            ? $"the commit is for height {committed.Commit.Height} block {committed.Commit.BlockHash}, not this block {committed.Block.Hash}"
            : null;
    }

    private (NodeId Peer, SyncStatus Status)? BestPeer(ulong height, HashSet<NodeId> excluded)
    {
        (NodeId Peer, SyncStatus Status)? best = null;
        foreach (var candidate in _service.PeerStatuses)
        {
            // Highest head first; the id breaks ties so the choice does not depend on arrival order.
            if (candidate.Status.Height > height && !excluded.Contains(candidate.Peer)
                && (best is null || candidate.Status.Height > best.Value.Status.Height))
            {
                best = candidate;
            }
        }

        return best;
    }

    private async Task<List<CommittedBlock>?> FetchAsync(NodeId peer, ulong from, int count, CancellationToken cancellation)
    {
        Task<List<CommittedBlock>> response;
        try
        {
            response = _service.RequestAsync(peer, from, count);
        }
        catch (InvalidOperationException)
        {
            // A request to this peer is still outstanding (another caller): treat as no answer.
            return null;
        }

        var request = _service.PendingFor(peer);
        try
        {
            return await response.WaitAsync(RequestTimeout, cancellation).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            if (request is not null)
            {
                _service.Cancel(peer, request);
            }

            return null;
        }
        catch (Exception e) when (e is InvalidMessageException or InvalidOperationException)
        {
            // A malformed response was already penalised by the host; a lost link has nothing to penalise.
            return null;
        }
    }
}
