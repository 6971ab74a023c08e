namespace Aro.Core.Blocks;

/// <summary>Why bytes are not a well-formed header, block, body, commit, receipt or log.</summary>
public enum BlockError
{
    /// <summary>Not canonical RLP (truncated, trailing bytes, non-canonical header …); see the inner <c>RlpException</c>.</summary>
    MalformedRlp = 1,

    /// <summary>A structure has too few or too many items.</summary>
    WrongFieldCount,

    /// <summary>An integer field with a leading zero byte (a second encoding of the same value).</summary>
    NonCanonicalInteger,

    /// <summary>An integer wider than its field (64 bits for numbers and gas, 256 bits for the base fee).</summary>
    FieldTooLarge,

    /// <summary>A fixed-size field (hash 32, address 20, bloom 256, signature 65 bytes) of the wrong length.</summary>
    InvalidLength,

    /// <summary>A transaction inside a body is malformed; see the inner <c>TransactionFormatException</c>.</summary>
    InvalidTransaction,

    /// <summary>A typed receipt whose type byte is not a known transaction type.</summary>
    UnknownReceiptType,

    /// <summary>A receipt status other than 0 or 1 (nor a 32-byte pre-Byzantium state root).</summary>
    InvalidStatus,

    /// <summary>A log with more than four topics (LOG0 … LOG4).</summary>
    TooManyTopics,

    /// <summary>A commit signature with a recovery id other than 0/1, r or s out of range, or a high s.</summary>
    InvalidSignature,

    /// <summary>A commit with no signatures, or validator indices not strictly increasing.</summary>
    InvalidCommit,

    /// <summary>A block whose last commit does not match its header (hash, height or parent).</summary>
    LastCommitMismatch,

    /// <summary>A vote whose type is neither prevote nor precommit.</summary>
    InvalidVote,

    /// <summary>Duplicate-vote evidence whose votes do not conflict (different step or validator, same block) or are out of canonical order.</summary>
    InvalidEvidence,

    /// <summary>A body with more than <see cref="EvidenceList.MaxPerBlock"/> pieces of evidence.</summary>
    TooMuchEvidence,

    /// <summary>A block whose evidence does not hash to its header's evidence hash.</summary>
    EvidenceHashMismatch,
}
