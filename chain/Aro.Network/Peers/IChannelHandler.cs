using Aro.Network.Keys;

namespace Aro.Network.Peers;

/// <summary>
/// Receives one channel's messages. Called on the sending peer's read loop, one message at a time
/// per peer, so a slow handler slows only that peer. Throw <see cref="InvalidMessageException"/> for
/// a message that fails strict decoding: the host lowers the peer's score.
/// </summary>
public interface IChannelHandler
{
    void Receive(NodeId from, ReadOnlyMemory<byte> payload);

    void PeerConnected(NodeId peer)
    {
    }

    void PeerDisconnected(NodeId peer)
    {
    }
}
