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
    private readonly Func<DuplicateVoteEvidence, bool> _isCommitted;
    private readonly SortedDictionary<Infraction, DuplicateVoteEvidence> _pending = [];
    private readonly SortedDictionary<Infraction, ulong> _committed = [];

    /// <param name="validatorsAt">The validator set of a height, or null when this node does not know it.</param>
    /// <param name="isCommitted">
    /// Whether a block already committed evidence of the same infraction (the chain's durable index, which
    /// outlives this pool's memory across restarts); the pool's own record of <see cref="MarkCommitted"/> is checked first.
    /// </param>
    public EvidencePool(ulong chainId, ulong maxAgeHeights, Func<ulong, ValidatorSet?> validatorsAt, Func<DuplicateVoteEvidence, bool>? isCommitted = null)
    {
        ArgumentNullException.ThrowIfNull(validatorsAt);
        _chainId = chainId;
        MaxAgeHeights = maxAgeHeights;
        _validatorsAt = validatorsAt;
        _isCommitted = isCommitted ?? (static _ => false);
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
        if (_committed.ContainsKey(key) || _isCommitted(evidence))
        {
            return EvidenceAddResult.AlreadyCommitted;
        }

        if (_pending.ContainsKey(key))
        {
            return EvidenceAddResult.Duplicate;
        }

        if (EvidenceRules.Verify(evidence, _chainId, currentHeight, MaxAgeHeights, _validatorsAt) is { } refused)
        {
            return refused;
        }

        _pending.Add(key, evidence);
        return EvidenceAddResult.Added;
    }

    /// <summary>Up to <paramref name="max"/> pending pieces, oldest infraction first; they stay pending until <see cref="MarkCommitted"/>.</summary>
    public IReadOnlyList<DuplicateVoteEvidence> TakeForBlock(int max) => TakeForBlock(max, ulong.MaxValue);

    /// <summary>
    /// Up to <paramref name="max"/> pending pieces a block at <paramref name="blockHeight"/> may carry (infraction
    /// below that height, not past the age limit there), oldest infraction first; they stay pending until <see cref="MarkCommitted"/>.
    /// </summary>
    public IReadOnlyList<DuplicateVoteEvidence> TakeForBlock(int max, ulong blockHeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var taken = new List<DuplicateVoteEvidence>(Math.Min(max, _pending.Count));
        foreach (var (key, evidence) in _pending)
        {
            if (taken.Count == max || key.Height >= blockHeight)
            {
                break; // sorted by height: everything after is at or above it too
            }

            if (blockHeight == ulong.MaxValue || !IsExpired(key.Height, blockHeight))
            {
                taken.Add(evidence);
            }
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

    /// <summary>Moves pending pieces the chain already committed (e.g. in blocks this node synced rather than decided) out of the pending set.</summary>
    public void DropCommitted()
    {
        List<Infraction>? committed = null;
        foreach (var (key, evidence) in _pending)
        {
            if (_isCommitted(evidence))
            {
                (committed ??= []).Add(key);
            }
        }

        if (committed is null)
        {
            return;
        }

        foreach (var key in committed)
        {
            _pending.Remove(key);
            _committed[key] = key.Height;
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

    private bool IsExpired(ulong evidenceHeight, ulong currentHeight) => EvidenceRules.IsExpired(evidenceHeight, currentHeight, MaxAgeHeights);

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
