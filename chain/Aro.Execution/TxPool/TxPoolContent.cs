using Aro.Core;

namespace Aro.Execution.TxPool;

/// <summary>One sender's transactions in nonce order: pending (executable now) and queued (behind a nonce gap).</summary>
public sealed record SenderTxs(Address Sender, IReadOnlyList<PooledTx> Pending, IReadOnlyList<PooledTx> Queued);

/// <summary>A snapshot of the pool (txpool_content), senders in address order.</summary>
public sealed record TxPoolContent(IReadOnlyList<SenderTxs> Senders);

/// <summary>Transactions that just became pending, in the order they became so.</summary>
public sealed class NewPendingTxsEventArgs(IReadOnlyList<PooledTx> transactions) : EventArgs
{
    public IReadOnlyList<PooledTx> Transactions { get; } = transactions;
}
