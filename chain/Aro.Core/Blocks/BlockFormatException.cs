using System.Diagnostics.CodeAnalysis;

namespace Aro.Core.Blocks;

/// <summary>Malformed header, block, body, commit, receipt or log bytes. The only exception the block codecs raise for bad input.</summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Always carries a reason.")]
public sealed class BlockFormatException : Exception
{
    public BlockFormatException(BlockError error, string message)
        : base(message) => Error = error;

    public BlockFormatException(BlockError error, string message, Exception innerException)
        : base(message, innerException) => Error = error;

    public BlockError Error { get; }
}
