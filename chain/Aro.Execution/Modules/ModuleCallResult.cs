namespace Aro.Execution.Modules;

/// <summary>Outcome of a module call or query: ABI-encoded return data, or ABI-encoded revert data when it failed.</summary>
public sealed class ModuleCallResult
{
    private ModuleCallResult(bool succeeded, byte[] output)
    {
        Succeeded = succeeded;
        Output = output;
    }

    public bool Succeeded { get; }

    /// <summary>Return data on success, revert data (<c>selector ++ args</c>) on failure.</summary>
    public byte[] Output { get; }

    public static ModuleCallResult Success(byte[] output) => new(true, output);

    public static ModuleCallResult Revert(byte[] revertData) => new(false, revertData);
}
