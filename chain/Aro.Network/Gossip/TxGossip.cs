using Aro.Core.Crypto;
using Aro.Core.Rlp;
using Aro.Network.Keys;
using Aro.Network.Peers;

namespace Aro.Network.Gossip;

/// <summary>
/// Transaction gossip on <see cref="ChannelId.Transactions"/>: each message is a batch,
/// <c>rlp([raw₁, raw₂, …])</c>, of raw transactions (their network encoding, as eth_sendRawTransaction
/// takes it). A transaction is handed to the pool once per hash while the hash is in the bounded
/// seen-cache, relayed only when the pool accepts it, and never sent back to the peer it came from.
/// Transactions this node broadcasts are collected for up to <see cref="FlushDelay"/> (or until a
/// batch is full) and sent together; those a received batch brings are relayed together at once.
/// </summary>
public sealed class TxGossip : IChannelHandler, IDisposable
{
    public const int DefaultSeenCapacity = 65_536;

    /// <summary>Most transactions in one message.</summary>
    public const int MaxBatchCount = 512;

    /// <summary>Most bytes of transactions (with their RLP headers) in one message built here; well under the channel's 128 KiB.</summary>
    public const int MaxBatchBytes = 96 * 1024;

    /// <summary>How long a broadcast transaction may wait for others to share its message.</summary>
    public static readonly TimeSpan FlushDelay = TimeSpan.FromMilliseconds(5);

    private readonly P2PHost _host;
    private readonly Func<ReadOnlyMemory<byte>, NodeId, TxAdmission> _pool;
    private readonly SeenCache _seen;
    private readonly Lock _outgoingLock = new();
    private readonly Timer _flushTimer;
    private List<ReadOnlyMemory<byte>> _outgoing = [];
    private int _outgoingBytes;
    private bool _flushScheduled;
    private long _duplicates;

    /// <param name="pool">Receives each new gossiped transaction and the peer it came from; called on that peer's read loop.</param>
    public TxGossip(P2PHost host, Func<ReadOnlyMemory<byte>, NodeId, TxAdmission> pool, int seenCapacity = DefaultSeenCapacity)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(pool);
        _host = host;
        _pool = pool;
        _seen = new SeenCache(seenCapacity);
        _flushTimer = new Timer(_ => Flush(), null, Timeout.Infinite, Timeout.Infinite);
        host.RegisterChannel(ChannelDescriptor.Transactions, this);
    }

    /// <summary>Gossiped transactions that arrived again while their hash was still in the seen-cache.</summary>
    public long DuplicatesReceived => Interlocked.Read(ref _duplicates);

    /// <summary>Queues a transaction the node accepted from RPC for every peer (once per hash); it leaves within <see cref="FlushDelay"/>.</summary>
    public void Broadcast(ReadOnlyMemory<byte> rawTransaction)
    {
        if (rawTransaction.IsEmpty || !_seen.Add(Keccak256.Hash(rawTransaction.Span)))
        {
            return;
        }

        var size = RlpWriter.LengthOfBytes(rawTransaction.Span);
        List<ReadOnlyMemory<byte>>? full = null;
        lock (_outgoingLock)
        {
            if (_outgoing.Count > 0 && (_outgoing.Count == MaxBatchCount || _outgoingBytes + size > MaxBatchBytes))
            {
                full = _outgoing;
                _outgoing = [];
                _outgoingBytes = 0;
            }

            _outgoing.Add(rawTransaction);
            _outgoingBytes += size;
            if (!_flushScheduled)
            {
                _flushScheduled = true;
                _flushTimer.Change(FlushDelay, Timeout.InfiniteTimeSpan);
            }
        }

        if (full is not null)
        {
            _host.Broadcast(ChannelId.Transactions, EncodeBatch(full));
        }
    }

    /// <summary>Sends whatever waits for the flush now.</summary>
    public void Flush()
    {
        List<ReadOnlyMemory<byte>> batch;
        lock (_outgoingLock)
        {
            _flushScheduled = false;
            if (_outgoing.Count == 0)
            {
                return;
            }

            batch = _outgoing;
            _outgoing = [];
            _outgoingBytes = 0;
        }

        _host.Broadcast(ChannelId.Transactions, EncodeBatch(batch));
    }

    public void Dispose() => _flushTimer.Dispose();

    /// <summary>One gossip message: <c>rlp([raw₁, raw₂, …])</c>.</summary>
    public static byte[] EncodeBatch(IReadOnlyList<ReadOnlyMemory<byte>> rawTransactions)
    {
        ArgumentNullException.ThrowIfNull(rawTransactions);
        var content = 0;
        for (var i = 0; i < rawTransactions.Count; i++)
        {
            content += RlpWriter.LengthOfBytes(rawTransactions[i].Span);
        }

        var message = new byte[RlpWriter.LengthOfList(content)];
        var writer = new RlpWriter(message);
        writer.WriteListHeader(content);
        for (var i = 0; i < rawTransactions.Count; i++)
        {
            writer.WriteBytes(rawTransactions[i].Span);
        }

        return message;
    }

    void IChannelHandler.Receive(NodeId from, ReadOnlyMemory<byte> payload)
    {
        var transactions = DecodeBatch(payload);
        List<ReadOnlyMemory<byte>>? accepted = null;
        var invalid = 0;
        foreach (var raw in transactions)
        {
            if (!_seen.Add(Keccak256.Hash(raw.Span)))
            {
                Interlocked.Increment(ref _duplicates);
                continue;
            }

            switch (_pool(raw, from))
            {
                case TxAdmission.Accepted:
                    (accepted ??= []).Add(raw);
                    break;
                case TxAdmission.Invalid:
                    invalid++;
                    break;
            }
        }

        if (accepted is not null)
        {
            _host.Broadcast(ChannelId.Transactions, EncodeBatch(accepted), except: from);
        }

        if (invalid > 0)
        {
            throw new InvalidMessageException($"the transaction pool refused {invalid} gossiped transaction(s) as invalid");
        }
    }

    /// <summary>The raw transactions of a message, as slices of it; a malformed or empty batch is an <see cref="InvalidMessageException"/>.</summary>
    internal static List<ReadOnlyMemory<byte>> DecodeBatch(ReadOnlyMemory<byte> payload)
    {
        var transactions = new List<ReadOnlyMemory<byte>>();
        try
        {
            var reader = new RlpReader(payload.Span);
            var list = reader.ReadList();
            reader.EnsureEnd();
            while (list.HasMore)
            {
                var raw = list.ReadBytes();
                if (raw.IsEmpty)
                {
                    throw new InvalidMessageException("an empty transaction in a gossip batch");
                }

                payload.Span.Overlaps(raw, out var offset);
                transactions.Add(payload.Slice(offset, raw.Length));
            }
        }
        catch (RlpException e)
        {
            throw new InvalidMessageException($"malformed transaction batch: {e.Message}");
        }

        if (transactions.Count == 0 || transactions.Count > MaxBatchCount)
        {
            throw new InvalidMessageException($"a transaction batch holds 1–{MaxBatchCount} transactions, not {transactions.Count}");
        }

        return transactions;
    }
}
