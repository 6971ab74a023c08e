using Aro.Core;

namespace Aro.Execution.Modules;

/// <summary>What a transaction hands a module: who calls, the value already credited to the module's account, and the calldata.</summary>
public readonly record struct CallInput(Address Sender, UInt256 Value, ReadOnlyMemory<byte> Calldata);
