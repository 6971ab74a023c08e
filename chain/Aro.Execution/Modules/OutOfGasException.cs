namespace Aro.Execution.Modules;

/// <summary>A module call needed more gas than the transaction left it; the call reverts and all its gas is spent.</summary>
public sealed class OutOfGasException : Exception
{
    public OutOfGasException(ulong requested, ulong limit)
        : base($"Out of gas: {requested} requested with a limit of {limit}.")
    {
    }

    public OutOfGasException()
    {
    }

    public OutOfGasException(string message)
        : base(message)
    {
    }

    public OutOfGasException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
