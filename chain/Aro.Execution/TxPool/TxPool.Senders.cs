using Aro.Core;
using Aro.Core.Transactions;

namespace Aro.Execution.TxPool;

public sealed partial class TxPool
{
    /// <summary>
    /// The senders the pool recovered at admission for those of <paramref name="transactions"/> it holds,
    /// matched by hash: the hash covers the whole signed encoding, so a match is the very transaction whose
    /// signature the pool checked. Slots of transactions the pool does not hold are left alone and their
    /// flag is false: the caller recovers those itself. One lock for the whole list.
    /// </summary>
    /// <returns>How many were found.</returns>
    public int FindSenders(IReadOnlyList<Transaction> transactions, Span<Address> senders, Span<bool> found)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        if (senders.Length < transactions.Count || found.Length < transactions.Count)
        {
            throw new ArgumentException("the output spans are shorter than the transaction list");
        }

        // Hashes first, outside the lock (each is a Keccak of the encoding, cached on the transaction).
        for (var i = 0; i < transactions.Count; i++)
        {
            _ = transactions[i].Hash;
        }

        var count = 0;
        lock (_lock)
        {
            for (var i = 0; i < transactions.Count; i++)
            {
                if (_byHash.TryGetValue(transactions[i].Hash, out var pooled))
                {
                    senders[i] = pooled.Sender;
                    found[i] = true;
                    count++;
                }
                else
                {
                    found[i] = false;
                }
            }
        }

        return count;
    }
}
