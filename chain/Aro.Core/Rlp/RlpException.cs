using System.Diagnostics.CodeAnalysis;

namespace Aro.Core.Rlp;

/// <summary>Malformed or non-canonical RLP. Every rejection by the reader surfaces as this type.</summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Always carries an error code and an offset.")]
public sealed class RlpException : Exception
{
    public RlpException(RlpError error, int offset)
        : base($"Invalid RLP: {error} at byte {offset}.")
    {
        Error = error;
        Offset = offset;
    }

    public RlpError Error { get; }

    /// <summary>Offset of the offending byte, counted from the start of the buffer the outermost reader was given.</summary>
    public int Offset { get; }
}
