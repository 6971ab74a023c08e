namespace Aro.Core.Abi;

/// <summary>
/// A malformed ABI type string, ABI JSON, value or encoding. Every rejection by the codec
/// surfaces as this type, so callers dispatching untrusted calldata need to catch only it.
/// </summary>
public sealed class AbiFormatException : FormatException
{
    public AbiFormatException()
    {
    }

    public AbiFormatException(string message)
        : base(message)
    {
    }

    public AbiFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
