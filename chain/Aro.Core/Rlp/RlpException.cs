namespace Aro.Core.Rlp;

/// <summary>Malformed or non-canonical RLP. Every rejection by the reader surfaces as this type.</summary>
public sealed class RlpException : Exception
{
    public RlpException(RlpError error, int offset)
        : base($"Invalid RLP: {error} at byte {offset}.")
    {
        Error = error;
        Offset = offset;
    }

    public RlpException()
        : this(RlpError.Truncated, 0)
    {
    }

    public RlpException(string message)
        : base(message)
    {
    }

    public RlpException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RlpError Error { get; }

    /// <summary>Offset of the offending byte, counted from the start of the buffer the outermost reader was given.</summary>
    public int Offset { get; }
}
