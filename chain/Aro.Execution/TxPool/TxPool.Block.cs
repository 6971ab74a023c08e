using Aro.Core;
using Aro.Core.Transactions;

namespace Aro.Execution.TxPool;

public sealed partial class TxPool
{
    /// <summary>
    /// The transactions a proposer should include: each sender's pending ones in nonce order, senders
    /// interleaved by effective tip at <paramref name="baseFee"/> (highest first; ties by arrival, then
    /// hash), within <paramref name="gasLimit"/> by declared gas limits. A sender whose next transaction
    /// cannot pay the base fee or does not fit contributes nothing further (its later nonces wait on it).
    /// </summary>
    public IReadOnlyList<PooledTx> GetPendingForBlock(ulong gasLimit, UInt256 baseFee, int maxCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        var selected = new List<PooledTx>(Math.Min(maxCount, 1024));
        if (maxCount == 0)
        {
            return selected;
        }

        lock (_lock)
        {
            // The priority order is total, so the dictionary's enumeration order cannot show through.
            var heads = new PriorityQueue<Cursor, PooledTx>(_senders.Count, new BlockOrder(baseFee));
            foreach (var queue in _senders.Values)
            {
                if (queue.PendingCount > 0)
                {
                    heads.Enqueue(new Cursor(queue, 0), queue[0]);
                }
            }

            var gasLeft = gasLimit;
            while (selected.Count < maxCount && gasLeft >= IntrinsicGas.Transaction && heads.TryDequeue(out var cursor, out var tx))
            {
                if (tx.Transaction.MaxFeePerGas < baseFee || tx.Transaction.GasLimit > gasLeft)
                {
                    continue;
                }

                selected.Add(tx);
                gasLeft -= tx.Transaction.GasLimit;
                var next = cursor.Index + 1;
                if (next < cursor.Queue.PendingCount)
                {
                    heads.Enqueue(new Cursor(cursor.Queue, next), cursor.Queue[next]);
                }
            }
        }

        return selected;
    }

    private readonly record struct Cursor(SenderQueue Queue, int Index);
}
