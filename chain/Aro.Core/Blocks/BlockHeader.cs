namespace Aro.Core.Blocks;

/// <summary>
/// An Aro block header (DESIGN §4). Immutable: every field is set once in the object initializer,
/// and the hash — keccak(rlp(header)), see <see cref="HeaderCodec"/> for the field order — is
/// computed on first use and cached (thread-safe; racing first reads compute the same value).
/// A class without <c>with</c>-copying, so a cached hash can never describe different fields.
/// </summary>
public sealed class BlockHeader : IEquatable<BlockHeader>
{
    private HashBox? _hash;

    public required Hash256 ParentHash { get; init; }

    /// <summary>Height; genesis is 0.</summary>
    public required ulong Number { get; init; }

    /// <summary>Unix time in seconds, chosen by the proposer (consensus checks it against the parent's).</summary>
    public required ulong Timestamp { get; init; }

    /// <summary>The validator that proposed the block (fee recipient when fees go to the proposer).</summary>
    public required Address Proposer { get; init; }

    /// <summary>Root of the world state after this block's transactions and end-block hooks.</summary>
    public required Hash256 StateRoot { get; init; }

    public required Hash256 TransactionsRoot { get; init; }

    public required Hash256 ReceiptsRoot { get; init; }

    /// <summary>Union of the receipts' blooms.</summary>
    public required Bloom LogsBloom { get; init; }

    public required ulong GasLimit { get; init; }

    public required ulong GasUsed { get; init; }

    /// <summary>EIP-1559 base fee per gas of this block.</summary>
    public required UInt256 BaseFeePerGas { get; init; }

    /// <summary>GPoS epoch the block belongs to.</summary>
    public required ulong Epoch { get; init; }

    /// <summary>Hash of the validator set that must sign this block's commit.</summary>
    public required Hash256 ValidatorSetHash { get; init; }

    /// <summary>
    /// keccak(rlp(commit)) of the parent block's commit, which this block's body carries; zero when
    /// the parent is genesis (genesis has no commit).
    /// </summary>
    public required Hash256 LastCommitHash { get; init; }

    /// <summary>
    /// keccak(rlp(evidence list)) of the double-sign evidence this block's body carries;
    /// <see cref="EvidenceList.EmptyHash"/> (the default) when it carries none.
    /// </summary>
    public Hash256 EvidenceHash { get; init; } = EvidenceList.EmptyHash;

    /// <summary>keccak256(rlp(header)): the block hash.</summary>
    public Hash256 Hash
    {
        get
        {
            var box = Volatile.Read(ref _hash);
            if (box is null)
            {
                box = new HashBox(HeaderCodec.ComputeHash(this));
                Volatile.Write(ref _hash, box);
            }

            return box.Value;
        }
    }

    /// <summary>The decoder already hashed the canonical bytes it read; saves an encode.</summary>
    internal void SetDecodedHash(in Hash256 hash) => _hash = new HashBox(hash);

    /// <summary>Field-by-field equality (equal headers have equal hashes).</summary>
    public bool Equals(BlockHeader? other) =>
        other is not null
        && ParentHash == other.ParentHash
        && Number == other.Number
        && Timestamp == other.Timestamp
        && Proposer == other.Proposer
        && StateRoot == other.StateRoot
        && TransactionsRoot == other.TransactionsRoot
        && ReceiptsRoot == other.ReceiptsRoot
        && LogsBloom == other.LogsBloom
        && GasLimit == other.GasLimit
        && GasUsed == other.GasUsed
        && BaseFeePerGas == other.BaseFeePerGas
        && Epoch == other.Epoch
        && ValidatorSetHash == other.ValidatorSetHash
        && LastCommitHash == other.LastCommitHash
        && EvidenceHash == other.EvidenceHash;

    public override bool Equals(object? obj) => Equals(obj as BlockHeader);

    public override int GetHashCode() => HashCode.Combine(Number, ParentHash, StateRoot);

    public override string ToString() => $"#{Number} {Hash}";

    private sealed class HashBox(Hash256 value)
    {
        public Hash256 Value { get; } = value;
    }
}
