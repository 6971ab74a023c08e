namespace Aro.Network.Peers;

/// <summary>
/// A channel's per-peer limits. <paramref name="Priority"/>: a peer's writer always sends the
/// waiting message of the highest priority first (consensus before block sync before transactions).
/// </summary>
public sealed record ChannelDescriptor(ChannelId Id, int Priority, int SendQueueCapacity, OverflowPolicy Overflow, int MaxMessageSize)
{
    /// <summary>Transactions: 128 KiB raw transactions, 2,048 queued per peer, dropped beyond.</summary>
    public static ChannelDescriptor Transactions { get; } = new(ChannelId.Transactions, 1, 2048, OverflowPolicy.Drop, 128 * 1024);

    /// <summary>Consensus: small messages, 1,024 queued per peer, a peer that cannot keep up is disconnected.</summary>
    public static ChannelDescriptor Consensus { get; } = new(ChannelId.Consensus, 3, 1024, OverflowPolicy.Disconnect, 1024 * 1024);

    /// <summary>Block sync: responses up to the frame limit, 16 queued per peer, a peer that stops reading is disconnected.</summary>
    public static ChannelDescriptor BlockSync { get; } = new(ChannelId.BlockSync, 2, 16, OverflowPolicy.Disconnect, 4 * 1024 * 1024 - 1);
}
