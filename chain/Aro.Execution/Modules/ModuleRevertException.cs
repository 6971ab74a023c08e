using Aro.Core.Abi;

namespace Aro.Execution.Modules;

/// <summary>
/// Thrown by a module to revert its call; <see cref="RevertData"/> is the ABI-encoded error
/// (<c>Error(string)</c> or one of the module's custom errors) returned to the caller.
/// </summary>
public sealed class ModuleRevertException : Exception
{
    public ModuleRevertException(byte[] revertData, string message)
        : base(message) => RevertData = revertData;

    public ModuleRevertException()
        : this("module call reverted")
    {
    }

    /// <summary>Reverts with <c>Error(reason)</c>, Solidity's <c>revert("reason")</c>.</summary>
    public ModuleRevertException(string message)
        : base(message) => RevertData = AbiError.EncodeErrorString(message);

    public ModuleRevertException(string message, Exception innerException)
        : base(message, innerException) => RevertData = AbiError.EncodeErrorString(message);

    public byte[] RevertData { get; } = [];

    /// <summary>Reverts with a custom error, Solidity's <c>revert MyError(args)</c>.</summary>
    public static ModuleRevertException With(AbiError error, params AbiValue[] arguments) =>
        new(error.Encode(arguments), error.Name);
}
