using Aro.Core;
using Aro.Core.Transactions;

namespace Aro.Execution.TxPool;

/// <summary>The fee arithmetic the pool orders, evicts and replaces by (EIP-1559 pricing for every type).</summary>
internal static class TxPricing
{
    /// <summary>value + gas limit × max fee; false when it does not fit in 256 bits (no balance covers it).</summary>
    public static bool TryGetCost(Transaction tx, out UInt256 cost)
    {
        cost = default;
        return UInt256.TryMultiply(tx.GasLimit, tx.MaxFeePerGas, out var gas) && UInt256.TryAdd(gas, tx.Value, out cost);
    }

    /// <summary>min(max priority fee, max fee − base fee); only meaningful when max fee ≥ base fee.</summary>
    public static UInt256 EffectiveTip(Transaction tx, in UInt256 baseFee)
    {
        if (tx.MaxFeePerGas < baseFee)
        {
            return UInt256.Zero;
        }

        var headroom = tx.MaxFeePerGas - baseFee;
        return tx.MaxPriorityFeePerGas < headroom ? tx.MaxPriorityFeePerGas : headroom;
    }

    /// <summary>
    /// Orders by what a block proposer earns at <paramref name="baseFee"/>: a transaction that cannot pay
    /// the base fee is below every one that can; then effective tip, then max fee (headroom for a rising base fee).
    /// </summary>
    public static int ComparePrice(Transaction a, Transaction b, in UInt256 baseFee)
    {
        var payableA = a.MaxFeePerGas >= baseFee;
        var payableB = b.MaxFeePerGas >= baseFee;
        if (payableA != payableB)
        {
            return payableA ? 1 : -1;
        }

        if (payableA)
        {
            var byTip = EffectiveTip(a, baseFee).CompareTo(EffectiveTip(b, baseFee));
            if (byTip != 0)
            {
                return byTip;
            }
        }

        return a.MaxFeePerGas.CompareTo(b.MaxFeePerGas);
    }

    /// <summary>
    /// geth's rule: a replacement must raise both the max fee and the tip, each to at least
    /// old × (100 + bump) / 100 (integer division).
    /// </summary>
    public static bool IsSufficientReplacement(Transaction old, Transaction replacement, uint bumpPercent)
    {
        if (replacement.MaxFeePerGas <= old.MaxFeePerGas || replacement.MaxPriorityFeePerGas <= old.MaxPriorityFeePerGas)
        {
            return false;
        }

        return replacement.MaxFeePerGas >= BumpThreshold(old.MaxFeePerGas, bumpPercent)
            && replacement.MaxPriorityFeePerGas >= BumpThreshold(old.MaxPriorityFeePerGas, bumpPercent);
    }

    public static UInt256 BumpThreshold(in UInt256 oldPrice, uint bumpPercent) =>
        UInt256.TryMultiply(oldPrice, 100UL + bumpPercent, out var scaled) ? scaled / 100UL : UInt256.MaxValue;
}

/// <summary>Cheapest first: the order the pool evicts in when full. Newer before older at the same price.</summary>
internal sealed class EvictionOrder(UInt256 baseFee) : IComparer<PooledTx>
{
    public int Compare(PooledTx? x, PooledTx? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var byPrice = TxPricing.ComparePrice(x.Transaction, y.Transaction, baseFee);
        return byPrice != 0 ? byPrice : y.Sequence.CompareTo(x.Sequence);
    }
}

/// <summary>A sender's next transaction in block building, with its effective tip computed once.</summary>
internal readonly record struct BlockCandidate(UInt256 EffectiveTip, PooledTx Tx);

/// <summary>Block order among senders' next transactions: highest effective tip, then earliest arrival, then hash.</summary>
internal sealed class BlockOrder : IComparer<BlockCandidate>
{
    public static readonly BlockOrder Instance = new();

    public int Compare(BlockCandidate x, BlockCandidate y)
    {
        var byTip = y.EffectiveTip.CompareTo(x.EffectiveTip);
        if (byTip != 0)
        {
            return byTip;
        }

        var bySequence = x.Tx.Sequence.CompareTo(y.Tx.Sequence);
        return bySequence != 0 ? bySequence : x.Tx.Hash.CompareTo(y.Tx.Hash);
    }
}
