namespace Aro.Network.Transport;

/// <summary>Why a link was refused or dropped. Sent to the peer in a disconnect message when it still can be.</summary>
public enum ProtocolError : byte
{
    None = 0,

    /// <summary>The handshake bytes are not what the protocol defines (magic, key encoding, message layout).</summary>
    HandshakeMalformed = 1,

    /// <summary>The peer's transcript signature does not verify against the static key it presented.</summary>
    BadSignature = 2,

    /// <summary>We dialed a known peer and another key answered.</summary>
    UnexpectedPeerId = 3,

    /// <summary>The peer runs another chain id.</summary>
    ChainIdMismatch = 4,

    /// <summary>Same chain id, another genesis block.</summary>
    GenesisMismatch = 5,

    /// <summary>The remote key is our own (we dialed ourselves).</summary>
    SelfConnection = 6,

    /// <summary>The peer's score fell below the ban threshold and the ban has not expired.</summary>
    Banned = 7,

    /// <summary>The host already has its maximum number of peers.</summary>
    TooManyPeers = 8,

    /// <summary>A link to this node id already exists.</summary>
    DuplicatePeer = 9,

    /// <summary>A frame's length prefix is above the maximum frame size.</summary>
    FrameTooLarge = 10,

    /// <summary>A frame is too short to hold a channel byte and a tag, or names an unknown channel.</summary>
    FrameMalformed = 11,

    /// <summary>AES-GCM authentication of a frame failed: tampered, reordered, or from another key.</summary>
    FrameAuthenticationFailed = 12,

    /// <summary>A well-framed message failed its channel's strict decoding or rules.</summary>
    MalformedMessage = 13,

    /// <summary>The peer did not finish the handshake or answer a request in time.</summary>
    Timeout = 14,

    /// <summary>The peer's send queue on a disconnect-policy channel overflowed.</summary>
    SlowPeer = 15,

    /// <summary>The peer sent data that failed verification (a bad block or commit).</summary>
    BadData = 16,

    /// <summary>The host is shutting down.</summary>
    Shutdown = 17,

    /// <summary>The peer refused us; the remote reason is in the message.</summary>
    RefusedByPeer = 18,
}
