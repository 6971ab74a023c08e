using Aro.Core;

namespace Aro.Execution.TxPool;

public sealed partial class TxPool
{
    /// <summary>
    /// The nonce the sender's next transaction should use, counting its pending (gapless) pooled
    /// transactions: eth_getTransactionCount with "pending". Null when the pool holds nothing pending
    /// for the sender, so the caller answers with the head state's nonce.
    /// </summary>
    public ulong? GetPendingNonce(in Address sender)
    {
        lock (_lock)
        {
            return _senders.TryGetValue(sender, out var queue) && queue.PendingCount > 0
                ? queue.Nonce + (ulong)queue.PendingCount
                : null;
        }
    }
}
