using System.Diagnostics.CodeAnalysis;

namespace Aro.Core.Transactions;

/// <summary>A malformed or invalid transaction. The only exception the decode, validation and sender APIs raise for bad input.</summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Always carries a reason.")]
public sealed class TransactionFormatException : Exception
{
    public TransactionFormatException(TxError error, string message)
        : base(message) => Error = error;

    public TransactionFormatException(TxError error, string message, Exception innerException)
        : base(message, innerException) => Error = error;

    public TxError Error { get; }
}
