using System.Collections.Immutable;
using Aro.Core.Crypto;

namespace Aro.Core.Blocks;

/// <summary>
/// The proof that a block is final: precommit signatures for (height, round, block hash) from
/// validators holding 2/3+ of the voting power. Devnet has one validator, so one signature; the
/// shape is the same for many. Whether the signers reach the quorum is the consensus layer's check
/// (it knows the powers); this type only guarantees a canonical form: at least one signature,
/// validator indices strictly increasing (no duplicates, one encoding), canonical signatures.
/// </summary>
public sealed class Commit : IEquatable<Commit>
{
    private HashBox? _hash;

    /// <exception cref="ArgumentException">No signatures, a non-canonical signature, or indices not strictly increasing.</exception>
    public Commit(ulong height, uint round, in Hash256 blockHash, ImmutableArray<CommitSignature> signatures)
    {
        if (CheckSignatures(signatures) is { } problem)
        {
            throw new ArgumentException(problem, nameof(signatures));
        }

        Height = height;
        Round = round;
        BlockHash = blockHash;
        Signatures = signatures;
    }

    public ulong Height { get; }

    public uint Round { get; }

    public Hash256 BlockHash { get; }

    /// <summary>Ordered by validator index.</summary>
    public ImmutableArray<CommitSignature> Signatures { get; }

    /// <summary>keccak256(rlp(commit)): what the next block's header carries as its last-commit hash.</summary>
    public Hash256 Hash
    {
        get
        {
            var box = Volatile.Read(ref _hash);
            if (box is null)
            {
                box = new HashBox(Keccak256.Hash(CommitCodec.Encode(this)));
                Volatile.Write(ref _hash, box);
            }

            return box.Value;
        }
    }

    /// <summary>The digest every signature in this commit signs: the precommit for <see cref="BlockHash"/>.</summary>
    public Hash256 SigningHash(ulong chainId) => VoteSignBytes.SigningHash(chainId, Height, Round, VoteType.Precommit, BlockHash);

    internal void SetDecodedHash(in Hash256 hash) => _hash = new HashBox(hash);

    internal static string? CheckSignatures(ImmutableArray<CommitSignature> signatures)
    {
        if (signatures.IsDefaultOrEmpty)
        {
            return "A commit needs at least one signature.";
        }

        for (var i = 0; i < signatures.Length; i++)
        {
            // Catches default(CommitSignature), which never passed the constructor's checks.
            if (CommitSignature.Check(signatures[i].Signature) is { } problem)
            {
                return $"Commit signature {i}: {problem}";
            }

            if (i > 0 && signatures[i].ValidatorIndex <= signatures[i - 1].ValidatorIndex)
            {
                return $"Commit signature {i}: validator index {signatures[i].ValidatorIndex} does not follow {signatures[i - 1].ValidatorIndex}; indices must strictly increase.";
            }
        }

        return null;
    }

    public bool Equals(Commit? other) =>
        other is not null
        && Height == other.Height
        && Round == other.Round
        && BlockHash == other.BlockHash
        && Signatures.AsSpan().SequenceEqual(other.Signatures.AsSpan());

    public override bool Equals(object? obj) => Equals(obj as Commit);

    public override int GetHashCode() => HashCode.Combine(Height, Round, BlockHash);

    private sealed class HashBox(Hash256 value)
    {
        public Hash256 Value { get; } = value;
    }
}
