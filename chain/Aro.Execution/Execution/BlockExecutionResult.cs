using System.Collections.Immutable;
using Aro.Core;
using Aro.Core.Blocks;

namespace Aro.Execution.Execution;

/// <summary>Everything a block's execution produced; the state changes themselves stay in the <c>WorldState</c>.</summary>
/// <param name="LogsBloom">The union of the receipts' blooms and the bloom of <paramref name="BlockEvents"/>: the header's logs bloom.</param>
/// <param name="BlockEvents">
/// The block logs: events of the begin-block hooks, then of the end-block hooks, each phase in module
/// address order. They are in no receipt (nor the receipts root); the chain store keeps them per block.
/// </param>
public sealed record BlockExecutionResult(
    ImmutableArray<TxOutcome> Transactions,
    ImmutableArray<Receipt> Receipts,
    ulong GasUsed,
    Bloom LogsBloom,
    UInt256 BaseFeeBurnt,
    UInt256 PaidToProposer,
    ImmutableArray<Log> BlockEvents,
    ImmutableArray<InvalidTransaction> Skipped);
