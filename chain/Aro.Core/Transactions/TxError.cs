namespace Aro.Core.Transactions;

/// <summary>
/// Why a transaction was refused. The first group is raised by <see cref="TxDecoder"/> (the bytes are
/// not a well-formed transaction); the second by <see cref="TxValidator"/> and <see cref="TxSender"/>
/// (well-formed, but breaking a rule that holds regardless of chain state).
/// </summary>
public enum TxError
{
    /// <summary>Not canonical RLP (truncated, non-canonical header, trailing bytes, list where a string belongs …); see the inner <c>RlpException</c>.</summary>
    MalformedRlp = 1,

    /// <summary>A type byte other than 0x01 / 0x02, or a first byte in 0x80–0xbf (neither a type nor a legacy list).</summary>
    UnknownType,

    /// <summary>The field list has too few or too many items for its type.</summary>
    WrongFieldCount,

    /// <summary>An integer field with leading zero bytes (a second encoding of the same value).</summary>
    NonCanonicalInteger,

    /// <summary>An integer wider than its field: 64 bits for nonce and gas limit, 256 bits for fees, value, r and s.</summary>
    FieldTooLarge,

    /// <summary>The recipient is neither empty (contract creation) nor 20 bytes.</summary>
    InvalidAddress,

    /// <summary>An access-list entry that is not [20-byte address, [32-byte keys…]].</summary>
    InvalidAccessList,

    /// <summary>Legacy v other than 27, 28 or 35+; typed y-parity other than 0 or 1.</summary>
    InvalidV,

    /// <summary>A chain id above the EIP-2294 bound, or (validation) not the chain's id.</summary>
    InvalidChainId,

    /// <summary>EIP-2681: the nonce must stay below 2^64 − 1.</summary>
    NonceTooLarge,

    /// <summary>EIP-1559: max priority fee per gas above max fee per gas.</summary>
    PriorityFeeAboveMaxFee,

    /// <summary>gas limit × fee cap does not fit in 256 bits.</summary>
    GasLimitFeeProductOverflow,

    /// <summary>The gas limit does not cover the intrinsic gas.</summary>
    IntrinsicGasTooLow,

    /// <summary>EIP-3860: contract-creation data above 49,152 bytes.</summary>
    InitCodeTooLarge,

    /// <summary>r or s is zero or not below the group order, or no public key recovers from the signature.</summary>
    InvalidSignature,

    /// <summary>EIP-2: s above n/2 (the malleable twin of a valid signature).</summary>
    HighS,

    /// <summary>The transaction carries no signature where one is required.</summary>
    Unsigned,
}
