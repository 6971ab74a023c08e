using Aro.Core.Transactions;

namespace Aro.Execution.TxPool;

/// <summary>
/// Each <see cref="TxPoolError"/>'s message (go-ethereum's text, which wallets and libraries match on)
/// and the JSON-RPC error code eth_sendRawTransaction answers with.
/// </summary>
public static class TxPoolErrors
{
    /// <summary>JSON-RPC 2.0 "invalid params": the argument is not a transaction at all.</summary>
    public const int InvalidParamsCode = -32602;

    /// <summary>go-ethereum's code for every refusal of a well-formed transaction (EIP-1474 "invalid input").</summary>
    public const int ServerErrorCode = -32000;

    /// <summary>The message without details; a refusal's message is this, optionally followed by ": details".</summary>
    public static string Message(TxPoolError error) => error switch
    {
        TxPoolError.None => "",
        TxPoolError.MalformedTransaction => "invalid transaction encoding",
        TxPoolError.TxTypeNotSupported => "transaction type not supported",
        TxPoolError.OversizedData => "oversized data",
        TxPoolError.InvalidChainId => "invalid chain id for signer",
        TxPoolError.UnprotectedTx => "only replay-protected (EIP-155) transactions allowed over RPC",
        TxPoolError.InvalidSignature => "invalid transaction v, r, s values",
        TxPoolError.InvalidSender => "invalid sender",
        TxPoolError.NonceMax => "nonce has max value",
        TxPoolError.TipAboveFeeCap => "max priority fee per gas higher than max fee per gas",
        TxPoolError.MaxInitCodeSizeExceeded => "max initcode size exceeded",
        TxPoolError.IntrinsicGasTooLow => "intrinsic gas too low",
        TxPoolError.ExceedsBlockGasLimit => "exceeds block gas limit",
        TxPoolError.Underpriced => "transaction underpriced",
        TxPoolError.FeeCapBelowBaseFee => "max fee per gas less than block base fee",
        TxPoolError.AlreadyKnown => "already known",
        TxPoolError.NonceTooLow => "nonce too low",
        TxPoolError.InsufficientFunds => "insufficient funds for gas * price + value",
        TxPoolError.ReplacementUnderpriced => "replacement transaction underpriced",
        TxPoolError.AccountLimitExceeded => "account limit exceeded",
        TxPoolError.TxPoolFull => "txpool is full",
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, null),
    };

    /// <summary>0 for <see cref="TxPoolError.None"/>; -32602 for undecodable bytes; -32000 otherwise, as geth.</summary>
    public static int JsonRpcCode(TxPoolError error) => error switch
    {
        TxPoolError.None => 0,
        TxPoolError.MalformedTransaction => InvalidParamsCode,
        _ => ServerErrorCode,
    };

    /// <summary>The pool's reason for a decode, static-validation or sender-recovery failure.</summary>
    internal static TxPoolError FromTxError(TxError error) => error switch
    {
        TxError.UnknownType => TxPoolError.TxTypeNotSupported,
        TxError.InvalidChainId => TxPoolError.InvalidChainId,
        TxError.NonceTooLarge => TxPoolError.NonceMax,
        TxError.PriorityFeeAboveMaxFee => TxPoolError.TipAboveFeeCap,

        // No balance covers a cost beyond 2^256 − 1; geth answers the same.
        TxError.GasLimitFeeProductOverflow => TxPoolError.InsufficientFunds,
        TxError.IntrinsicGasTooLow => TxPoolError.IntrinsicGasTooLow,
        TxError.InitCodeTooLarge => TxPoolError.MaxInitCodeSizeExceeded,
        TxError.InvalidV or TxError.HighS => TxPoolError.InvalidSignature,
        TxError.InvalidSignature or TxError.Unsigned => TxPoolError.InvalidSender,
        _ => TxPoolError.MalformedTransaction,
    };
}
