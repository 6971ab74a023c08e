namespace Aro.Network.Peers;

/// <summary>The channel byte that starts every frame's plaintext. 0 is the link's own control channel.</summary>
public enum ChannelId : byte
{
    Transactions = 1,
    Consensus = 2,
    BlockSync = 3,
}
