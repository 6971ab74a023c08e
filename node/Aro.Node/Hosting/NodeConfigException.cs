namespace Aro.Node.Hosting;

/// <summary>A node configuration (config.json or flags) that cannot be used.</summary>
public sealed class NodeConfigException : Exception
{
    public NodeConfigException(string message)
        : base(message)
    {
    }

    public NodeConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
