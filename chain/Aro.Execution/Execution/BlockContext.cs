using Aro.Core;

namespace Aro.Execution.Execution;

/// <summary>The block a transaction runs in, passed explicitly to everything that needs it (no ambient context).</summary>
public sealed record BlockContext(
    ulong Number,
    ulong Timestamp,
    Address Proposer,
    UInt256 BaseFee,
    ulong GasLimit,
    ulong ChainId,
    ulong Epoch);
