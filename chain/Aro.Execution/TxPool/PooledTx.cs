using Aro.Core;
using Aro.Core.Transactions;

namespace Aro.Execution.TxPool;

/// <summary>A transaction admitted to the pool with its recovered sender and arrival order.</summary>
public sealed class PooledTx
{
    internal PooledTx(Transaction transaction, Address sender, long sequence, int size, UInt256 cost)
    {
        Transaction = transaction;
        Sender = sender;
        Hash = transaction.Hash;
        Sequence = sequence;
        Size = size;
        Cost = cost;
    }

    public Transaction Transaction { get; }

    public Address Sender { get; }

    public Hash256 Hash { get; }

    public ulong Nonce => Transaction.Nonce;

    /// <summary>Arrival order in this pool (first is 0): the tie-break after price, never the wall clock.</summary>
    public long Sequence { get; }

    /// <summary>Bytes of the network encoding.</summary>
    public int Size { get; }

    /// <summary>The most the transaction can take from the sender: value + gas limit × max fee.</summary>
    public UInt256 Cost { get; }

    /// <summary>Whether the pool last counted it pending; written under the pool's lock only.</summary>
    internal bool IsPending { get; set; }

    public override string ToString() => $"{Hash} from {Sender} nonce {Nonce}";
}
