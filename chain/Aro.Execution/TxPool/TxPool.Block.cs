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
            var heads = new PriorityQueue<Cursor, BlockCandidate>(_senders.Count, BlockOrder.Instance);
            foreach (var queue in _senders.Values)
            {
                if (queue.PendingCount > 0)
                {
                    heads.Enqueue(new Cursor(queue, 0), Candidate(queue[0], baseFee));
                }
            }

            var gasLeft = gasLimit;
            while (selected.Count < maxCount && gasLeft >= IntrinsicGas.Transaction && heads.TryDequeue(out var cursor, out var candidate))
            {
                var tx = candidate.Tx;
                if (tx.Transaction.MaxFeePerGas < baseFee || tx.Transaction.GasLimit > gasLeft)
                {
                    continue;
                }

                selected.Add(tx);
                gasLeft -= tx.Transaction.GasLimit;
                var next = cursor.Index + 1;
                if (next < cursor.Queue.PendingCount)
                {
                    heads.Enqueue(new Cursor(cursor.Queue, next), Candidate(cursor.Queue[next], baseFee));
                }
            }
        }

        return selected;
    }

    private static BlockCandidate Candidate(PooledTx tx, in UInt256 baseFee) => new(TxPricing.EffectiveTip(tx.Transaction, baseFee), tx);

    private readonly record struct Cursor(SenderQueue Queue, int Index);
}
