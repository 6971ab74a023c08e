namespace Aro.Node.Validator;

/// <summary>A validator key that cannot be read, or cannot sign for this chain.</summary>
public sealed class ValidatorKeyException : Exception
{
    public ValidatorKeyException(string message)
        : base(message)
    {
    }

    public ValidatorKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
