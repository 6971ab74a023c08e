using Aro.Core;
using Aro.State.World;

namespace Aro.Execution.TxPool;

public sealed partial class TxPool
{
    /// <summary>
    /// A new block is final (instant finality: the head only moves forward). Learns every pooled
    /// sender's nonce and balance at <paramref name="state"/>, drops transactions below the nonce and,
    /// walking up from it, the first one the balance no longer covers together with everything after it;
    /// re-derives pending and queued; adopts the next block's <paramref name="baseFee"/>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// With <paramref name="changes"/> made against the reader the pool already holds, only the senders
    /// the block changed take new values (from the set) and the others keep the account remembered at the
    /// previous head; a sender with nothing remembered from that head, or a call without the set (or with
    /// one made against another parent), is read from <paramref name="state"/>.
    /// </para>
    /// <para>
    /// The state reads (a trie walk per sender) run outside the lock, so admission goes on meanwhile:
    /// an <see cref="Add(Transaction)"/> in between already reads <paramref name="state"/> (the version
    /// was bumped first), and a sender it adds was read at this head. Should a newer head arrive before
    /// the reads are applied, they are stale and that head's own pass does the work.
    /// </para>
    /// </remarks>
    /// <returns>How many transactions were dropped.</returns>
    public int OnNewHead(ITxPoolStateReader state, UInt256 baseFee, HeadChanges? changes = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        Address[] senders;
        HeadAccount[] remembered;
        IReadOnlyDictionary<Address, Account?>? changed = null;
        long version;
        lock (_lock)
        {
            if (changes is not null && ReferenceEquals(changes.Parent, _state))
            {
                changed = changes.Accounts;
            }

            if (baseFee != _baseFee)
            {
                // The eviction order depends on the base fee; rebuilt when an eviction next needs it.
                _tails = null;
            }

            _state = state;
            _baseFee = baseFee;
            version = ++_headVersion;
            senders = new Address[_senders.Count];
            remembered = new HeadAccount[senders.Length];
            var i = 0;
            foreach (var (sender, queue) in _senders)
            {
                senders[i] = sender;
                remembered[i++] = queue.Head;
            }
        }

        // Address order, so the promotion event lists transactions the same way on every node.
        Array.Sort(senders, remembered);
        var accounts = new (ulong Nonce, UInt256 Balance)[senders.Length];
        var reads = 0;
        for (var i = 0; i < senders.Length; i++)
        {
            if (changed is null)
            {
                accounts[i] = state.GetNonceAndBalance(senders[i]);
                reads++;
            }
            else if (changed.TryGetValue(senders[i], out var account))
            {
                accounts[i] = account is { } a ? (a.Nonce, a.Balance) : (0UL, UInt256.Zero);
            }
            else if (remembered[i].Version == version - 1)
            {
                // Read at the parent, and the block did not change it.
                accounts[i] = (remembered[i].Nonce, remembered[i].Balance);
            }
            else
            {
                accounts[i] = state.GetNonceAndBalance(senders[i]);
                reads++;
            }
        }

        Volatile.Write(ref _lastHeadPassReads, reads);

        var promoted = new List<PooledTx>();
        var dropped = new List<PooledTx>();
        lock (_lock)
        {
            if (version != _headVersion)
            {
                return 0;
            }

            for (var s = 0; s < senders.Length; s++)
            {
                var sender = senders[s];
                if (!_senders.TryGetValue(sender, out var queue))
                {
                    continue;
                }

                var (nonce, balance) = accounts[s];
                queue.Head = new HeadAccount(nonce, balance, version);

                // Nothing pooled is below the queue's nonce, so with the same nonce and a balance that
                // still covers the lot nothing is dropped, promoted or demoted: the common case.
                if (queue.Nonce == nonce && queue.TotalCost <= balance)
                {
                    continue;
                }

                var before = BeginChange(queue);
                var droppedBefore = dropped.Count;
                queue.Nonce = nonce;
                queue.RemoveStale(dropped);
                DropUnaffordable(queue, balance, dropped);
                for (var i = droppedBefore; i < dropped.Count; i++)
                {
                    _byHash.Remove(dropped[i].Hash);
                }

                EndChange(sender, queue, before, promoted);
            }
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
