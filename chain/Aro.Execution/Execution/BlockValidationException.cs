namespace Aro.Execution.Execution;

/// <summary>A proposed block carries a transaction that cannot be included; the block is invalid.</summary>
public sealed class BlockValidationException : Exception
{
    public BlockValidationException(InvalidTransaction transaction)
        : base($"Transaction {transaction.Index} ({transaction.Hash}) is invalid: {transaction.Reason}: {transaction.Message}")
    {
        Transaction = transaction;
    }

    public BlockValidationException()
    {
    }

    public BlockValidationException(string message)
        : base(message)
    {
    }

    public BlockValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvalidTransaction? Transaction { get; }
}
