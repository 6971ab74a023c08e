namespace Aro.Network.Peers;

/// <summary>A channel message that fails strict decoding or its channel's rules; the sender is penalised.</summary>
public sealed class InvalidMessageException : Exception
{
    public InvalidMessageException(string message)
        : base(message)
    {
    }

    public InvalidMessageException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public InvalidMessageException()
        : this("invalid message")
    {
    }
}
