using Aro.Network.Keys;
using Aro.Network.Transport;

namespace Aro.Network.Peers;

/// <summary>A peer joined or left; on leaving, <see cref="Reason"/> and <see cref="Message"/> say why.</summary>
public sealed class PeerEventArgs(NodeId peer, bool outbound, ProtocolError reason, string message) : EventArgs
{
    public NodeId Peer { get; } = peer;

    public bool Outbound { get; } = outbound;

    public ProtocolError Reason { get; } = reason;

    public string Message { get; } = message;
}
