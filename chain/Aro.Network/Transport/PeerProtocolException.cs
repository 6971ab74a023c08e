namespace Aro.Network.Transport;

/// <summary>A peer broke the protocol or was refused; <see cref="Error"/> says how. The link is closed.</summary>
public sealed class PeerProtocolException : Exception
{
    public PeerProtocolException(ProtocolError error, string message)
        : base(message)
    {
        Error = error;
    }

    public PeerProtocolException(ProtocolError error, string message, Exception inner)
        : base(message, inner)
    {
        Error = error;
    }

    public PeerProtocolException()
        : this(ProtocolError.None, "protocol error")
    {
    }

    public PeerProtocolException(string message)
        : this(ProtocolError.None, message)
    {
    }

    public PeerProtocolException(string message, Exception inner)
        : this(ProtocolError.None, message, inner)
    {
    }

    public ProtocolError Error { get; }
}
