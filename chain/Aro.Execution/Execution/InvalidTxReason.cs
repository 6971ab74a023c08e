namespace Aro.Execution.Execution;

/// <summary>Why a transaction cannot be included in a block at all (as opposed to a failed, status-0 transaction).</summary>
public enum InvalidTxReason
{
    /// <summary>A stateless rule failed (wrong chain id, gas limit below intrinsic gas, bad signature values, ...).</summary>
    StaticRule,
    ContractCreationNotSupported,
    BlockGasLimitExceeded,
    NonceTooLow,
    NonceTooHigh,
    FeeCapBelowBaseFee,
    InsufficientFunds,
    InvalidSender,
}
