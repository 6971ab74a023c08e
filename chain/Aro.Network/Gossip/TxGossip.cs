using Aro.Core.Crypto;
using Aro.Network.Keys;
using Aro.Network.Peers;

namespace Aro.Network.Gossip;

/// <summary>
/// Transaction gossip on <see cref="ChannelId.Transactions"/>: one raw transaction (its network
/// encoding, as eth_sendRawTransaction takes it) per message. A transaction is handed to the pool
/// once per hash while the hash is in the bounded seen-cache, relayed only when the pool accepts
/// it, and never sent back to the peer it came from.
/// </summary>
public sealed class TxGossip : IChannelHandler
{
    public const int DefaultSeenCapacity = 65_536;

    private readonly P2PHost _host;
    private readonly Func<ReadOnlyMemory<byte>, NodeId, TxAdmission> _pool;
    private readonly SeenCache _seen;
    private long _duplicates;

    /// <param name="pool">Receives each new gossiped transaction and the peer it came from; called on that peer's read loop.</param>
    public TxGossip(P2PHost host, Func<ReadOnlyMemory<byte>, NodeId, TxAdmission> pool, int seenCapacity = DefaultSeenCapacity)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(pool);
        _host = host;
        _pool = pool;
        _seen = new SeenCache(seenCapacity);
        host.RegisterChannel(ChannelDescriptor.Transactions, this);
    }

    /// <summary>Gossiped transactions that arrived again while their hash was still in the seen-cache.</summary>
    public long DuplicatesReceived => Interlocked.Read(ref _duplicates);

    /// <summary>Sends a transaction the node accepted from RPC to every peer (once per hash).</summary>
    public void Broadcast(ReadOnlyMemory<byte> rawTransaction)
    {
        if (_seen.Add(Keccak256.Hash(rawTransaction.Span)))
        {
            _host.Broadcast(ChannelId.Transactions, rawTransaction);
        }
    }

    void IChannelHandler.Receive(NodeId from, ReadOnlyMemory<byte> payload)
    {
        if (payload.IsEmpty)
        {
            throw new InvalidMessageException("empty transaction message");
        }

        if (!_seen.Add(Keccak256.Hash(payload.Span)))
        {
            Interlocked.Increment(ref _duplicates);
            return;
        }

        switch (_pool(payload, from))
        {
            case TxAdmission.Accepted:
                _host.Broadcast(ChannelId.Transactions, payload, except: from);
                break;
            case TxAdmission.Invalid:
                throw new InvalidMessageException("the transaction pool refused the gossiped transaction as invalid");
        }
    }
}
