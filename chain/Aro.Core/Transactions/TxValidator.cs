namespace Aro.Core.Transactions;

/// <summary>
/// Rules a decoded transaction must meet whatever the chain state (the checks a node runs before a
/// transaction enters the pool): chain id, EIP-2681 nonce bound, EIP-1559 fee order, gas × fee cap
/// within 256 bits, EIP-3860 init-code size, intrinsic gas, and EIP-2 signature values.
/// <para>
/// The split: <see cref="TxDecoder"/> rejects bytes that are not one canonical transaction;
/// this class rejects well-formed transactions no block may include; <see cref="TxSender"/> recovers
/// the sender. A transaction is admissible when all three succeed. Balance, nonce order, base fee
/// and block gas limit need state and belong to execution.
/// </para>
/// </summary>
public static class TxValidator
{
    /// <summary>EIP-3860: twice the EIP-170 code size limit.</summary>
    public const int MaxInitCodeSize = 2 * 24_576;

    /// <exception cref="TransactionFormatException">The first rule the transaction breaks.</exception>
    public static void ValidateStatic(Transaction transaction, ulong chainId)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (Check(transaction, chainId) is { } failure)
        {
            throw new TransactionFormatException(failure.Error, failure.Message);
        }
    }

    private static (TxError Error, string Message)? Check(Transaction tx, ulong chainId)
    {
        if (tx.Signature is not { } signature)
        {
            return (TxError.Unsigned, "The transaction is unsigned.");
        }

        // A legacy transaction without a chain id (pre-EIP-155) is valid on every chain; whether to
        // accept replayable transactions is node policy, not a validity rule.
        if (tx.ChainId is { } txChainId && txChainId != chainId)
        {
            return (TxError.InvalidChainId, $"Chain id {txChainId} is not this chain's ({chainId}).");
        }

        if (tx.Nonce == ulong.MaxValue)
        {
            return (TxError.NonceTooLarge, "Nonce 2^64 − 1 is not allowed (EIP-2681).");
        }

        if (tx.MaxPriorityFeePerGas > tx.MaxFeePerGas)
        {
            return (TxError.PriorityFeeAboveMaxFee, $"Max priority fee {tx.MaxPriorityFeePerGas} is above max fee {tx.MaxFeePerGas}.");
        }

        if (!UInt256.TryMultiply(tx.GasLimit, tx.MaxFeePerGas, out _))
        {
            return (TxError.GasLimitFeeProductOverflow, "Gas limit × max fee per gas exceeds 2^256 − 1.");
        }

        if (tx.IsContractCreation && tx.Data.Length > MaxInitCodeSize)
        {
            return (TxError.InitCodeTooLarge, $"Init code is {tx.Data.Length} bytes; at most {MaxInitCodeSize} (EIP-3860).");
        }

        var intrinsic = IntrinsicGas.Calculate(tx);
        if (tx.GasLimit < intrinsic)
        {
            return (TxError.IntrinsicGasTooLow, $"Gas limit {tx.GasLimit} is below the intrinsic gas {intrinsic}.");
        }

        return signature.CheckValues() switch
        {
            TxError.HighS => (TxError.HighS, "Signature s is above n/2 (EIP-2)."),
            TxError error => (error, "Signature r or s is zero or not below the group order."),
            null => null,
        };
    }
}
