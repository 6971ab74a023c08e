namespace Aro.Node.Chain;

/// <summary>The node cannot open or continue its chain (a damaged or foreign database, an unusable data directory).</summary>
public sealed class ChainNodeException : Exception
{
    public ChainNodeException(string message)
        : base(message)
    {
    }

    public ChainNodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
