using Aro.Consensus.Validators;
using Aro.Core.Blocks;

namespace Aro.Consensus.Evidence;

/// <summary>
/// The checks evidence passes to enter the pool and to be carried by a block: not from the future,
/// not older than the age limit, the voter is the validator at its index in the set of the
/// infraction height, both signatures recover to it. Pure: the caller supplies the sets.
/// </summary>
public static class EvidenceRules
{
    /// <summary>
    /// Null when <paramref name="evidence"/> verifies at <paramref name="currentHeight"/>, else why not.
    /// Evidence for <paramref name="currentHeight"/> itself is allowed (a pool collects it during the height).
    /// </summary>
    /// <param name="validatorsAt">The validator set of a height, or null when it is not known.</param>
    public static EvidenceAddResult? Verify(
        DuplicateVoteEvidence evidence, ulong chainId, ulong currentHeight, ulong maxAgeHeights, Func<ulong, ValidatorSet?> validatorsAt)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(validatorsAt);
        if (evidence.Height > currentHeight)
        {
            return EvidenceAddResult.FromFuture;
        }

        if (IsExpired(evidence.Height, currentHeight, maxAgeHeights))
        {
            return EvidenceAddResult.Expired;
        }

        var validators = validatorsAt(evidence.Height);
        if (validators is null || evidence.ValidatorIndex >= (uint)validators.Count || validators[(int)evidence.ValidatorIndex].Address != evidence.Validator)
        {
            return EvidenceAddResult.UnknownValidator;
        }

        return evidence.Verify(chainId) ? null : EvidenceAddResult.InvalidSignature;
    }

    /// <summary>
    /// Null when a block at <paramref name="blockHeight"/> may carry <paramref name="evidence"/>, else the first
    /// problem: each piece verifies (<see cref="Verify"/>, and its infraction is below the block's height — the
    /// block's own height is still being voted on), is not <paramref name="isCommitted"/> already, and no two
    /// pieces prove the same infraction (validator, height, round, vote type).
    /// </summary>
    public static BlockEvidenceProblem? CheckBlock(
        IReadOnlyList<DuplicateVoteEvidence> evidence,
        ulong blockHeight,
        ulong chainId,
        ulong maxAgeHeights,
        Func<ulong, ValidatorSet?> validatorsAt,
        Func<DuplicateVoteEvidence, bool> isCommitted)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(isCommitted);
        for (var i = 0; i < evidence.Count; i++)
        {
            var piece = evidence[i];
            if (piece.Height >= blockHeight)
            {
                return new BlockEvidenceProblem(i, EvidenceAddResult.FromFuture, $"evidence {i} is for height {piece.Height}, not below the block's {blockHeight}");
            }

            for (var j = 0; j < i; j++)
            {
                if (SameInfraction(evidence[j], piece))
                {
                    return new BlockEvidenceProblem(i, EvidenceAddResult.Duplicate, $"evidence {i} proves the same double-sign as evidence {j}");
                }
            }

            if (isCommitted(piece))
            {
                return new BlockEvidenceProblem(i, EvidenceAddResult.AlreadyCommitted, $"evidence {i} ({piece.Validator} at {piece.Height}/{piece.Round}) is already committed");
            }

            if (Verify(piece, chainId, blockHeight, maxAgeHeights, validatorsAt) is { } reason)
            {
                return new BlockEvidenceProblem(i, reason, $"evidence {i} ({piece.Validator} at {piece.Height}/{piece.Round}) does not verify: {reason}");
            }
        }

        return null;
    }

    /// <summary>Same validator, height, round and vote type: one double-sign, whichever vote pair proves it.</summary>
    public static bool SameInfraction(DuplicateVoteEvidence a, DuplicateVoteEvidence b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Height == b.Height && a.Round == b.Round && a.Type == b.Type && a.Validator == b.Validator;
    }

    internal static bool IsExpired(ulong evidenceHeight, ulong currentHeight, ulong maxAgeHeights) => currentHeight - evidenceHeight > maxAgeHeights;
}

/// <summary>Why a block's evidence list is refused: the piece at <see cref="Index"/>, the named <see cref="Reason"/>, a sentence for the log.</summary>
public sealed record BlockEvidenceProblem(int Index, EvidenceAddResult Reason, string Message);
