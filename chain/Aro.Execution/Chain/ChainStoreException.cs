using System.Diagnostics.CodeAnalysis;

namespace Aro.Execution.Chain;

/// <summary>A block the chain store refuses to write, or a database it cannot use.</summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Always carries a reason.")]
public class ChainStoreException : Exception
{
    public ChainStoreException(ChainStoreError error, string message)
        : base(message) => Error = error;

    public ChainStoreException(ChainStoreError error, string message, Exception innerException)
        : base(message, innerException) => Error = error;

    public ChainStoreError Error { get; }
}
