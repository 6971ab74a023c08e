namespace Aro.Network.Peers;

/// <summary>What a full per-peer send queue does with one more message.</summary>
public enum OverflowPolicy
{
    /// <summary>The new message is dropped and counted; right for gossip that is re-sent or re-requested.</summary>
    Drop,

    /// <summary>The peer is disconnected (<c>SlowPeer</c>); right where a lost message would stall the protocol.</summary>
    Disconnect,
}
