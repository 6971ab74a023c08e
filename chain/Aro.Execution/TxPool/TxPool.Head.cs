using Aro.Core;

namespace Aro.Execution.TxPool;

public sealed partial class TxPool
{
    /// <summary>
    /// A new block is final (instant finality: the head only moves forward). Re-reads every pooled
    /// sender's nonce and balance at <paramref name="state"/>, drops transactions below the nonce and,
    /// walking up from it, the first one the balance no longer covers together with everything after it;
    /// re-derives pending and queued; adopts the next block's <paramref name="baseFee"/>.
    /// </summary>
    /// <returns>How many transactions were dropped.</returns>
    public int OnNewHead(ITxPoolStateReader state, UInt256 baseFee)
    {
        ArgumentNullException.ThrowIfNull(state);
        var promoted = new List<PooledTx>();
        var dropped = new List<PooledTx>();
        lock (_lock)
        {
            _state = state;
            _baseFee = baseFee;
            _headVersion++;

            // Address order, so the promotion event lists transactions the same way on every node.
            var senders = new Address[_senders.Count];
            _senders.Keys.CopyTo(senders, 0);
            Array.Sort(senders);
            foreach (var sender in senders)
            {
                var queue = _senders[sender];
                var before = (queue.PendingCount, queue.Count);
                var droppedBefore = dropped.Count;
                queue.Nonce = state.GetNonce(sender);
                queue.RemoveStale(dropped);
                DropUnaffordable(queue, state.GetBalance(sender), dropped);
                for (var i = droppedBefore; i < dropped.Count; i++)
                {
                    _byHash.Remove(dropped[i].Hash);
                }

                queue.RecountPending(promoted);
                _pendingCount += queue.PendingCount - before.PendingCount;
                _queuedCount += queue.Count - queue.PendingCount - (before.Count - before.PendingCount);
                if (queue.Count == 0)
                {
                    _senders.Remove(sender);
                }
            }

            // The eviction order depends on the base fee: rebuild it from the surviving tails.
            var tails = new SortedSet<PooledTx>(new EvictionOrder(baseFee));
            foreach (var queue in _senders.Values)
            {
                tails.Add(queue.Tail!);
            }

            _tails = tails;
        }

        RaiseNewPending(promoted);
        return dropped.Count;
    }

    /// <summary>
    /// Forgets transactions a block included (and any lower nonces of the same senders) before the
    /// state of that block is available; <see cref="OnNewHead"/> later settles balances.
    /// </summary>
    public void RemoveIncluded(IEnumerable<(Address Sender, ulong Nonce)> included)
    {
        ArgumentNullException.ThrowIfNull(included);
        var promoted = new List<PooledTx>();
        var dropped = new List<PooledTx>();
        lock (_lock)
        {
            foreach (var (sender, nonce) in included)
            {
                // No transaction carries nonce 2^64 − 1 (EIP-2681), so nonce + 1 cannot wrap.
                if (nonce == ulong.MaxValue || !_senders.TryGetValue(sender, out var queue) || nonce < queue.Nonce)
                {
                    continue;
                }

                var before = BeginChange(queue);
                dropped.Clear();
                queue.Nonce = nonce + 1;
                queue.RemoveStale(dropped);
                foreach (var tx in dropped)
                {
                    _byHash.Remove(tx.Hash);
                }

                EndChange(sender, queue, before, promoted);
            }
        }

        RaiseNewPending(promoted);
    }

    // Together a sender's transactions never cost more than its balance; past the first that breaks
    // this, the later nonces cannot run (they would wait on a transaction that cannot pay).
    private static void DropUnaffordable(SenderQueue queue, UInt256 balance, List<PooledTx> dropped)
    {
        var spent = UInt256.Zero;
        for (var i = 0; i < queue.Count; i++)
        {
            spent += queue[i].Cost;
            if (spent > balance)
            {
                queue.RemoveFrom(i, dropped);
                return;
            }
        }
    }
}
