using System.Net;
using Aro.Network.Keys;
using Aro.Network.Transport;

namespace Aro.Network.Peers;

/// <summary>Configuration of a <see cref="P2PHost"/>; defaults are the documented limits (README).</summary>
public sealed class P2PHostOptions
{
    public required NodeKey Key { get; init; }

    public required ChainIdentity Chain { get; init; }

    /// <summary>Where to accept links; port 0 picks a free port (read <see cref="P2PHost.ListenEndPoint"/>). Null: dial only.</summary>
    public IPEndPoint? Listen { get; init; } = new(IPAddress.Loopback, 0);

    /// <summary>Peers kept connected: redialed with backoff whenever the link drops.</summary>
    public IReadOnlyList<PeerAddress> PersistentPeers { get; init; } = [];

    /// <summary>Bootstrap peers, dialed with backoff like persistent peers; their id may be omitted.</summary>
    public IReadOnlyList<PeerAddress> Seeds { get; init; } = [];

    public int MaxPeers { get; init; } = 40;

    public int MaxFrameSize { get; init; } = FrameFormat.DefaultMaxFrameSize;

    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan DialBackoffMin { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan DialBackoffMax { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A peer whose score reaches this is disconnected and refused until the ban expires.</summary>
    public int BanThreshold { get; init; } = -100;

    public TimeSpan BanDuration { get; init; } = TimeSpan.FromMinutes(10);

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
