using Aro.Core.Crypto;

namespace Aro.Core.Blocks;

/// <summary>
/// Proof that one validator signed two different votes for the same step: same type, height, round,
/// validator (address and index), different block ids (a nil vote counts as an id). The pair is kept
/// in one canonical order (nil first, then by block hash ascending) so the evidence has one encoding
/// and one <see cref="Hash"/>, whichever order it was observed in. Construction checks the shape;
/// <see cref="Verify"/> checks both signatures. Whether the validator was in the set of that height,
/// and whether the evidence is too old, are for the consumer (consensus' evidence pool, GPoS slashing).
/// </summary>
public sealed class DuplicateVoteEvidence : IEquatable<DuplicateVoteEvidence>
{
    private Hash256? _hash;

    /// <summary>Orders <paramref name="first"/> and <paramref name="second"/> canonically.</summary>
    /// <exception cref="ArgumentException">The votes do not conflict.</exception>
    public DuplicateVoteEvidence(Vote first, Vote second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (CheckConflict(first, second) is { } problem)
        {
            throw new ArgumentException(problem, nameof(second));
        }

        (VoteA, VoteB) = IsCanonicalOrder(first, second) ? (first, second) : (second, first);
    }

    public Vote VoteA { get; }

    public Vote VoteB { get; }

    public ulong Height => VoteA.Height;

    public uint Round => VoteA.Round;

    public VoteType Type => VoteA.Type;

    public Address Validator => VoteA.Validator;

    public uint ValidatorIndex => VoteA.ValidatorIndex;

    /// <summary>keccak256 of the canonical encoding: the identity used to de-duplicate evidence.</summary>
    public Hash256 Hash => _hash ??= Keccak256.Hash(DuplicateVoteEvidenceCodec.Encode(this));

    /// <summary>Both signatures recover to <see cref="Validator"/> on <paramref name="chainId"/>.</summary>
    public bool Verify(ulong chainId) => VoteA.Verify(chainId) && VoteB.Verify(chainId);

    /// <summary>Null when the two votes equivocate, else why not.</summary>
    internal static string? CheckConflict(Vote a, Vote b)
    {
        if (a.Type != b.Type || a.Height != b.Height || a.Round != b.Round)
        {
            return $"Evidence votes are for different steps ({a.Type} {a.Height}/{a.Round} vs {b.Type} {b.Height}/{b.Round}).";
        }

        if (a.Validator != b.Validator || a.ValidatorIndex != b.ValidatorIndex)
        {
            return $"Evidence votes are from different validators ({a.Validator} #{a.ValidatorIndex} vs {b.Validator} #{b.ValidatorIndex}).";
        }

        return a.BlockHash == b.BlockHash ? "Evidence votes are for the same block id; they do not conflict." : null;
    }

    /// <summary>Nil before any hash, then hashes ascending.</summary>
    internal static bool IsCanonicalOrder(Vote a, Vote b) =>
        a.BlockHash is not { } hashA || (b.BlockHash is { } hashB && hashA.CompareTo(hashB) < 0);

    public bool Equals(DuplicateVoteEvidence? other) => other is not null && VoteA.Equals(other.VoteA) && VoteB.Equals(other.VoteB);

    public override bool Equals(object? obj) => Equals(obj as DuplicateVoteEvidence);

    public override int GetHashCode() => HashCode.Combine(VoteA, VoteB);
}
