namespace Aro.Network.Keys;

/// <summary>The node key file is missing, unreadable or malformed; the message names the file and the problem.</summary>
public sealed class NodeKeyException : Exception
{
    public NodeKeyException(string message)
        : base(message)
    {
    }

    public NodeKeyException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
