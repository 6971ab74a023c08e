using Aro.Consensus.Validators;
using Aro.Core;
using Aro.Core.Blocks;

namespace Aro.Consensus.Evidence;

/// <summary>
/// Double-sign evidence waiting to go into a block. Evidence is verified on entry (both signatures,
/// the voter is the validator at its index in the set of the evidence's height), kept once per
/// infraction (validator, height, round, vote type) whichever vote pair proves it, refused when older
/// than <see cref="MaxAgeHeights"/>, and remembered after it is committed so it is never included twice.
/// Pending evidence is handed out in a deterministic order (height, round, type, validator).
/// Not thread-safe.
/// </summary>
public sealed class EvidencePool
{
    private readonly ulong _chainId;
    private readonly Func<ulong, ValidatorSet?> _validatorsAt;
    private readonly SortedDictionary<Infraction, DuplicateVoteEvidence> _pending = [];
    private readonly SortedDictionary<Infraction, ulong> _committed = [];

    /// <param name="validatorsAt">The validator set of a height, or null when this node does not know it.</param>
    public EvidencePool(ulong chainId, ulong maxAgeHeights, Func<ulong, ValidatorSet?> validatorsAt)
    {
        ArgumentNullException.ThrowIfNull(validatorsAt);
        _chainId = chainId;
        MaxAgeHeights = maxAgeHeights;
        _validatorsAt = validatorsAt;
    }

    /// <summary>Evidence for a height more than this many heights below the current one is stale.</summary>
    public ulong MaxAgeHeights { get; }

    public int PendingCount => _pending.Count;

    /// <summary>Two votes seen to conflict: build the evidence and <see cref="Add"/> it.</summary>
    /// <exception cref="ArgumentException">The votes do not conflict.</exception>
    public EvidenceAddResult AddConflict(Vote first, Vote second, ulong currentHeight) =>
        Add(new DuplicateVoteEvidence(first, second), currentHeight);

    public EvidenceAddResult Add(DuplicateVoteEvidence evidence, ulong currentHeight)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.Height > currentHeight)
        {
            return EvidenceAddResult.FromFuture;
        }

        if (IsExpired(evidence.Height, currentHeight))
        {
            return EvidenceAddResult.Expired;
        }

        var key = Infraction.Of(evidence);
        if (_committed.ContainsKey(key))
        {
            return EvidenceAddResult.AlreadyCommitted;
        }

        if (_pending.ContainsKey(key))
        {
            return EvidenceAddResult.Duplicate;
        }

        var validators = _validatorsAt(evidence.Height);
        if (validators is null || evidence.ValidatorIndex >= (uint)validators.Count || validators[(int)evidence.ValidatorIndex].Address != evidence.Validator)
        {
            return EvidenceAddResult.UnknownValidator;
        }

        if (!evidence.Verify(_chainId))
        {
            return EvidenceAddResult.InvalidSignature;
        }

        _pending.Add(key, evidence);
        return EvidenceAddResult.Added;
    }

    /// <summary>Up to <paramref name="max"/> pending pieces, oldest infraction first; they stay pending until <see cref="MarkCommitted"/>.</summary>
    public IReadOnlyList<DuplicateVoteEvidence> TakeForBlock(int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var taken = new List<DuplicateVoteEvidence>(Math.Min(max, _pending.Count));
        foreach (var evidence in _pending.Values)
        {
            if (taken.Count == max)
            {
                break;
            }

            taken.Add(evidence);
        }

        return taken;
    }

    /// <summary>The block at <paramref name="height"/> carried <paramref name="evidence"/>: no longer pending, never again accepted.</summary>
    public void MarkCommitted(IEnumerable<DuplicateVoteEvidence> evidence, ulong height)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        foreach (var piece in evidence)
        {
            var key = Infraction.Of(piece);
            _pending.Remove(key);
            _committed[key] = height;
        }
    }

    /// <summary>Drops pending and committed entries whose infraction is past the age limit at <paramref name="currentHeight"/>.</summary>
    public void Prune(ulong currentHeight)
    {
        foreach (var key in _pending.Keys.Where(k => IsExpired(k.Height, currentHeight)).ToArray())
        {
            _pending.Remove(key);
        }

        // Past the age limit Add refuses it as expired anyway, so the committed marker can go.
        foreach (var key in _committed.Keys.Where(k => IsExpired(k.Height, currentHeight)).ToArray())
        {
            _committed.Remove(key);
        }
    }

    private bool IsExpired(ulong evidenceHeight, ulong currentHeight) => currentHeight - evidenceHeight > MaxAgeHeights;

    /// <summary>One double-sign: a validator's two votes for one step.</summary>
    private readonly record struct Infraction(ulong Height, uint Round, VoteType Type, Address Validator) : IComparable<Infraction>
    {
        public static Infraction Of(DuplicateVoteEvidence evidence) => new(evidence.Height, evidence.Round, evidence.Type, evidence.Validator);

        public int CompareTo(Infraction other)
        {
            var order = Height.CompareTo(other.Height);
            if (order == 0)
            {
                order = Round.CompareTo(other.Round);
            }

            if (order == 0)
            {
                order = Type.CompareTo(other.Type);
            }

            return order != 0 ? order : Validator.CompareTo(other.Validator);
        }
    }
}
