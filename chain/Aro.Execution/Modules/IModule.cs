using Aro.Core;
using Aro.Core.Abi;

namespace Aro.Execution.Modules;

/// <summary>
/// A native module living at a fixed system address and speaking the Solidity ABI.
/// Modules are deterministic: no clock, randomness, floats or unordered iteration.
/// </summary>
public interface IModule
{
    Address SystemAddress { get; }

    string Name { get; }

    /// <summary>
    /// Gas charged per method before the module runs (on top of the transaction's intrinsic gas,
    /// which already covers calldata). A selector not in the table reverts with <c>UnknownSelector(bytes4)</c>.
    /// </summary>
    IReadOnlyDictionary<AbiSelector, ulong> GasTable { get; }

    /// <summary>Whether a transaction with value and empty calldata may credit the module's account (otherwise it reverts).</summary>
    bool AcceptsPlainValue { get; }

    void BeginBlock(ModuleContext context);

    void EndBlock(ModuleContext context);

    /// <summary>
    /// Runs a method. Throw <see cref="ModuleRevertException"/> (or return a revert result) to fail:
    /// the host then undoes every state change, balance move and event of the call.
    /// </summary>
    ModuleCallResult Call(ModuleContext context, CallInput input, GasMeter gas);

    /// <summary>A read-only call (eth_call on a view method); cannot change state.</summary>
    ModuleCallResult Query(ModuleQueryContext context, ReadOnlySpan<byte> calldata);
}
