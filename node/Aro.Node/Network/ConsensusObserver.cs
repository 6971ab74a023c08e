using Aro.Network.Keys;
using Aro.Network.Peers;

namespace Aro.Node.Network;

/// <summary>
/// A full node's end of the consensus channel: validators broadcast proposals and votes to every
/// peer, and a node without the channel would penalise them for it. A full node follows by block
/// sync, so it takes the messages and does nothing with them.
/// </summary>
internal sealed class ConsensusObserver : IChannelHandler
{
    public void Receive(NodeId from, ReadOnlyMemory<byte> payload)
    {
    }
}
