using Aro.Execution.TxPool;
using Aro.Network.Gossip;
using Aro.Network.Keys;
using Aro.Network.Peers;
using Aro.Network.Sync;
using Aro.Network.Transport;
using Aro.Node.Chain;
using Aro.Node.Consensus;
using Aro.Node.Hosting;
using Microsoft.Extensions.Logging;

namespace Aro.Node.Network;

/// <summary>
/// The node on the network: the P2P host, transaction gossip in and out of the pool, block sync
/// served from the database, and (for a full node) a loop that catches up from peers whenever one
/// announces a higher head.
/// </summary>
internal sealed class NodeNetwork : IAsyncDisposable
{
    private readonly ChainNode _chain;
    private readonly ILogger _logger;
    private readonly TxGossip _gossip;
    private readonly BlockSyncService _sync;
    private readonly BlockSyncClient _client;

    public NodeNetwork(ChainNode chain, IValidatorSetSource validators, NodeKey key, NodeSettings settings, ILogger logger)
    {
        _chain = chain;
        _logger = logger;
        Host = new P2PHost(new P2PHostOptions
        {
            Key = key,
            Chain = new ChainIdentity(chain.ChainId, chain.GenesisHash),
            Listen = settings.P2PEndPoint,
            PersistentPeers = settings.PersistentPeers,
            Seeds = settings.Seeds,
            MaxPeers = settings.MaxPeers,
        });
        _gossip = new TxGossip(Host, ReceiveTransaction);
        _sync = new BlockSyncService(Host, new ChainBlockSource(chain));
        _client = new BlockSyncClient(_sync, new ChainSyncSink(chain, validators));
        chain.TxPool.NewPending += OnNewPending;
        chain.BlockCommitted += (_, _) => _sync.AnnounceHead();
        Host.PeerConnected += (_, e) => Log(LogLevel.Information, "Peer connected: {Peer} ({Direction})", e.Peer, e.Outbound ? "outbound" : "inbound");
        Host.PeerDisconnected += (_, e) => Log(LogLevel.Information, "Peer disconnected: {Peer}: {Reason} {Message}", e.Peer, e.Reason, e.Message);
    }

    public P2PHost Host { get; }

    public BlockSyncService SyncService => _sync;

    public BlockSyncClient SyncClient => _client;

    public Task StartAsync() => Host.StartAsync();

    /// <summary>Catches up from peers until stopped: at start, then every second (cheap when no peer is ahead).</summary>
    public async Task FollowAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var before = _chain.Head.Number;
            try
            {
                var after = await _client.SyncAsync(before, stopping).ConfigureAwait(false);
                if (after > before)
                {
                    Log(LogLevel.Information, "Synced blocks {From}–{To} from peers", before + 1, after);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A failure here (the store refusing a write) must not end the node; the next round retries.
                Log(LogLevel.Error, "Block sync failed at height {Height}: {Error}", before, e.Message);
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _chain.TxPool.NewPending -= OnNewPending;
        _gossip.Dispose();
        await Host.DisposeAsync().ConfigureAwait(false);
    }

    private TxAdmission ReceiveTransaction(ReadOnlyMemory<byte> raw, NodeId from)
    {
        var result = _chain.TxPool.Add(raw.Span);
        return result.IsAccepted ? TxAdmission.Accepted
            : result.Error is TxPoolError.MalformedTransaction or TxPoolError.TxTypeNotSupported or TxPoolError.OversizedData or TxPoolError.InvalidChainId or TxPoolError.InvalidSignature or TxPoolError.InvalidSender ? TxAdmission.Invalid
            : TxAdmission.Ignored;
    }

    // Transactions accepted from RPC go out here; gossiped ones are already in the seen-cache, so
    // Broadcast skips them.
    private void OnNewPending(object? sender, NewPendingTxsEventArgs e)
    {
        foreach (var pooled in e.Transactions)
        {
            _gossip.Broadcast(Aro.Core.Transactions.TxEncoder.Encode(pooled.Transaction));
        }
    }

    private void Log(LogLevel level, string message, params object?[] args)
    {
        if (_logger.IsEnabled(level))
        {
#pragma warning disable CA2254 // The templates are the constants above.
            _logger.Log(level, message, args);
#pragma warning restore CA2254
        }
    }
}
