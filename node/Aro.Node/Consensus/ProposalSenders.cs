using Aro.Core;
using Aro.Core.Transactions;
using Aro.Execution.Execution;

namespace Aro.Node.Consensus;

/// <summary>
/// Senders of a proposed block's transactions: those this node's pool already recovered (and so
/// verified) at admission are taken from it by hash; only the rest are recovered here. Under load
/// nearly every transaction of a proposal reached this node's pool by gossip first, so a validator
/// no longer pays a second ecrecover per transaction. Nothing unverified is trusted: a pool entry
/// exists only after its signature recovered, and the hash names that exact signed encoding.
/// </summary>
internal static class ProposalSenders
{
    public static SenderTx[] Recover(Aro.Execution.TxPool.TxPool pool, IReadOnlyList<Transaction> transactions, out bool[] valid)
    {
        var count = transactions.Count;
        var senders = new Address[count];
        var found = new bool[count];
        var known = pool.FindSenders(transactions, senders, found);
        if (known == 0)
        {
            return BlockExecutor.RecoverSenders(transactions, out valid);
        }

        var result = new SenderTx[count];
        valid = found;
        if (known == count)
        {
            for (var i = 0; i < count; i++)
            {
                result[i] = new SenderTx(transactions[i], senders[i]);
            }

            return result;
        }

        var missing = new List<int>(count - known);
        var unknown = new List<Transaction>(count - known);
        for (var i = 0; i < count; i++)
        {
            if (found[i])
            {
                result[i] = new SenderTx(transactions[i], senders[i]);
            }
            else
            {
                missing.Add(i);
                unknown.Add(transactions[i]);
            }
        }

        var recovered = BlockExecutor.RecoverSenders(unknown, out var recoveredValid);
        for (var j = 0; j < missing.Count; j++)
        {
            result[missing[j]] = recovered[j];
            valid[missing[j]] = recoveredValid[j];
        }

        return result;
    }
}
