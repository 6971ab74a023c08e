namespace Aro.Core;

/// <summary>A native library the node needs is not installed; the message names the package and the command.</summary>
public sealed class NativeLibraryMissingException : Exception
{
    public NativeLibraryMissingException()
    {
    }

    public NativeLibraryMissingException(string message)
        : base(message)
    {
    }

    public NativeLibraryMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
