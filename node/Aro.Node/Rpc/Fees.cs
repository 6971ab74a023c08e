using Aro.Core;
using Aro.Core.Blocks;
using Aro.Core.Transactions;
using Aro.Execution.Execution;

namespace Aro.Node.Rpc;

/// <summary>Fee arithmetic the RPC answers share (the same rules the block executor charges by).</summary>
internal static class Fees
{
    /// <summary>baseFee + min(tip, maxFee − baseFee): what a transaction pays per gas in a block with this base fee.</summary>
    public static UInt256 EffectiveGasPrice(Transaction tx, in UInt256 baseFee) => baseFee + EffectiveTip(tx, baseFee);

    public static UInt256 EffectiveTip(Transaction tx, in UInt256 baseFee)
    {
        if (tx.MaxFeePerGas < baseFee)
        {
            return UInt256.Zero;
        }

        var cap = tx.MaxFeePerGas - baseFee;
        return tx.MaxPriorityFeePerGas < cap ? tx.MaxPriorityFeePerGas : cap;
    }

    /// <summary>The base fee of the block after <paramref name="header"/>.</summary>
    public static UInt256 NextBaseFee(BlockHeader header, ExecutionParameters parameters) =>
        BaseFee.Next(header.GasUsed, header.GasLimit, header.BaseFeePerGas, parameters.MinBaseFee);
}
