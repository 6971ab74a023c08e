using Aro.Consensus.Core;
using Aro.Consensus.Wire;
using Aro.Core.Blocks;
using Aro.Network.Keys;
using Aro.Network.Peers;

namespace Aro.Node.Consensus;

/// <summary>
/// The consensus channel: decodes peers' proposals, votes and evidence strictly (a bad frame
/// penalises its sender) and hands them to the consensus loop; sends this node's messages.
/// </summary>
internal sealed class ConsensusChannel : IChannelHandler
{
    private readonly P2PHost _host;
    private readonly Action<object> _deliver;
    private readonly Action<NodeId> _connected;

    public ConsensusChannel(P2PHost host, Action<object> deliver, Action<NodeId> connected)
    {
        _host = host;
        _deliver = deliver;
        _connected = connected;
        host.RegisterChannel(ChannelDescriptor.Consensus, this);
    }

    public void Broadcast(byte[] message) => _host.Broadcast(ChannelId.Consensus, message);

    public void Send(NodeId peer, byte[] message) => _host.Send(peer, ChannelId.Consensus, message);

    void IChannelHandler.Receive(NodeId from, ReadOnlyMemory<byte> payload)
    {
        object message;
        try
        {
            message = ConsensusMessage.Decode(payload.Span);
        }
        catch (FormatException e)
        {
            throw new InvalidMessageException(e.Message);
        }

        _deliver(message switch
        {
            ProposalReceived or VoteReceived or DuplicateVoteEvidence => message,
            _ => throw new InvalidMessageException("unexpected consensus message"),
        });
    }

    void IChannelHandler.PeerConnected(NodeId peer) => _connected(peer);
}
