using Aro.Core;

namespace Aro.Execution.TxPool;

/// <summary>
/// One sender's pooled transactions by nonce. The first <see cref="PendingCount"/> run without a gap from
/// the account nonce (executable now); the rest are queued. Guarded by the pool's lock.
/// </summary>
internal sealed class SenderQueue(ulong nonce)
{
    private readonly SortedList<ulong, PooledTx> _txs = [];

    /// <summary>The account's next nonce as the pool knows it (head state, advanced by included transactions).</summary>
    public ulong Nonce { get; set; } = nonce;

    /// <summary>
    /// The account as the head of <see cref="HeadAccount.Version"/> holds it: admission at that same head
    /// uses it instead of reading state again (the reader of one head always answers the same).
    /// </summary>
    public HeadAccount Head { get; set; }

    public int Count => _txs.Count;

    public int PendingCount { get; private set; }

    /// <summary>Sum of the pooled transactions' costs; never above the balance they were admitted against.</summary>
    public UInt256 TotalCost { get; private set; }

    /// <summary>The highest-nonce transaction: the only one the pool evicts, so eviction never opens a gap.</summary>
    public PooledTx? Tail => _txs.Count == 0 ? null : _txs.GetValueAtIndex(_txs.Count - 1);

    /// <summary>By position in nonce order.</summary>
    public PooledTx this[int index] => _txs.GetValueAtIndex(index);

    public PooledTx? Get(ulong nonce) => _txs.GetValueOrDefault(nonce);

    /// <summary>Adds the transaction, replacing one with the same nonce.</summary>
    public void Put(PooledTx tx)
    {
        if (_txs.Remove(tx.Nonce, out var old))
        {
            TotalCost -= old.Cost;
        }

        _txs.Add(tx.Nonce, tx);
        TotalCost += tx.Cost;
    }

    public void Remove(PooledTx tx)
    {
        if (_txs.Remove(tx.Nonce))
        {
            TotalCost -= tx.Cost;
        }
    }

    /// <summary>Removes from position <paramref name="index"/> to the end, appending them to <paramref name="removed"/>.</summary>
    public void RemoveFrom(int index, List<PooledTx> removed)
    {
        while (_txs.Count > index)
        {
            var tx = _txs.GetValueAtIndex(_txs.Count - 1);
            _txs.RemoveAt(_txs.Count - 1);
            TotalCost -= tx.Cost;
            removed.Add(tx);
        }
    }

    /// <summary>Removes the transactions below <see cref="Nonce"/> (included in a block or made obsolete by one).</summary>
    public void RemoveStale(List<PooledTx> removed)
    {
        while (_txs.Count > 0 && _txs.GetKeyAtIndex(0) < Nonce)
        {
            var tx = _txs.GetValueAtIndex(0);
            _txs.RemoveAt(0);
            TotalCost -= tx.Cost;
            removed.Add(tx);
        }
    }

    /// <summary>
    /// Re-derives which transactions are pending; the ones that were not before are appended to
    /// <paramref name="promoted"/> (in nonce order).
    /// </summary>
    public void RecountPending(List<PooledTx> promoted)
    {
        var expected = Nonce;
        var pending = 0;
        while (pending < _txs.Count && _txs.GetKeyAtIndex(pending) == expected)
        {
            var tx = _txs.GetValueAtIndex(pending);
            if (!tx.IsPending)
            {
                tx.IsPending = true;
                promoted.Add(tx);
            }

            pending++;
            expected++;
        }

        for (var i = pending; i < _txs.Count; i++)
        {
            _txs.GetValueAtIndex(i).IsPending = false;
        }

        PendingCount = pending;
    }
}
