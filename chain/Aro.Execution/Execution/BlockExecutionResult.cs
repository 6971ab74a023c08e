using System.Collections.Immutable;
using Aro.Core;
using Aro.Core.Blocks;

namespace Aro.Execution.Execution;

/// <summary>Everything a block's execution produced; the state changes themselves stay in the <c>WorldState</c>.</summary>
public sealed record BlockExecutionResult(
    ImmutableArray<TxOutcome> Transactions,
    ImmutableArray<Receipt> Receipts,
    ulong GasUsed,
    Bloom LogsBloom,
    UInt256 BaseFeeBurnt,
    UInt256 PaidToProposer,
    ImmutableArray<Log> BlockEvents,
    ImmutableArray<InvalidTransaction> Skipped);
