namespace Aro.Execution.TxPool;

/// <summary>Why <see cref="TxPool.Add(Core.Transactions.Transaction)"/> refused a transaction (README.md maps each to its message and JSON-RPC code).</summary>
public enum TxPoolError
{
    /// <summary>Accepted.</summary>
    None = 0,

    /// <summary>The raw bytes are not one canonical transaction (bad RLP, field count, integer form, address, access list).</summary>
    MalformedTransaction,

    /// <summary>A type other than legacy, 2930 or 1559.</summary>
    TxTypeNotSupported,

    /// <summary>The encoding is larger than <see cref="TxPoolOptions.MaxTxSize"/>.</summary>
    OversizedData,

    /// <summary>The chain id is not this chain's.</summary>
    InvalidChainId,

    /// <summary>A legacy transaction without EIP-155 replay protection while the policy refuses them.</summary>
    UnprotectedTx,

    /// <summary>v, r or s out of range, or s above n/2 (EIP-2).</summary>
    InvalidSignature,

    /// <summary>No sender recovers from the signature, or the transaction is unsigned.</summary>
    InvalidSender,

    /// <summary>EIP-2681: nonce 2^64 − 1.</summary>
    NonceMax,

    /// <summary>Max priority fee above max fee.</summary>
    TipAboveFeeCap,

    /// <summary>EIP-3860: init code above 49,152 bytes.</summary>
    MaxInitCodeSizeExceeded,

    /// <summary>The gas limit does not cover the intrinsic gas.</summary>
    IntrinsicGasTooLow,

    /// <summary>The gas limit is above the block gas limit.</summary>
    ExceedsBlockGasLimit,

    /// <summary>Max fee below the minimum gas price or tip below the minimum priority fee.</summary>
    Underpriced,

    /// <summary>Max fee below the base fee of the next block.</summary>
    FeeCapBelowBaseFee,

    /// <summary>The same transaction (hash) is already in the pool.</summary>
    AlreadyKnown,

    /// <summary>The nonce is below the sender's account nonce.</summary>
    NonceTooLow,

    /// <summary>The balance does not cover value + gas limit × max fee of this and the sender's other pooled transactions.</summary>
    InsufficientFunds,

    /// <summary>Same sender and nonce as a pooled transaction without the required fee bump.</summary>
    ReplacementUnderpriced,

    /// <summary>The sender already holds <see cref="TxPoolOptions.MaxPerSender"/> transactions.</summary>
    AccountLimitExceeded,

    /// <summary>The pool is full and the transaction pays no more than the cheapest evictable one.</summary>
    TxPoolFull,
}
