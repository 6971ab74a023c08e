using Aro.Core;
using Aro.Core.Blocks;

namespace Aro.Consensus.Validators;

public sealed partial class ValidatorSet
{
    /// <summary>
    /// Checks that <paramref name="commit"/> finalises <paramref name="blockHash"/> at
    /// <paramref name="height"/> on <paramref name="chainId"/> with this set: every signature is a
    /// precommit for that block by the validator at its index, and the signers hold 2/3+ of the power.
    /// </summary>
    /// <exception cref="CommitVerificationException">Why the commit does not prove finality.</exception>
    public void VerifyCommit(ulong chainId, in Hash256 blockHash, ulong height, Commit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        if (commit.Height != height)
        {
            throw new CommitVerificationException(CommitVerificationError.WrongHeight, $"The commit is for height {commit.Height}, not {height}.");
        }

        if (commit.BlockHash != blockHash)
        {
            throw new CommitVerificationException(CommitVerificationError.WrongBlock, $"The commit is for block {commit.BlockHash}, not {blockHash}.");
        }

        var signingHash = commit.SigningHash(chainId);
        long power = 0;
        foreach (var signature in commit.Signatures)
        {
            if (signature.ValidatorIndex >= (uint)Count)
            {
                throw new CommitVerificationException(
                    CommitVerificationError.UnknownValidator, $"Signature names validator index {signature.ValidatorIndex}; the set has {Count}.");
            }

            var validator = _validators[(int)signature.ValidatorIndex];
            if (!signature.TryRecoverSigner(signingHash, out var signer) || signer != validator.Address)
            {
                throw new CommitVerificationException(
                    CommitVerificationError.BadSignature, $"The signature at index {signature.ValidatorIndex} is not {validator.Address}'s precommit for this block.");
            }

            power += (long)validator.Power;
        }

        if (!IsQuorum(power))
        {
            throw new CommitVerificationException(
                CommitVerificationError.InsufficientPower, $"The commit's signers hold {power} of {TotalPower} voting power; more than two thirds is needed.");
        }
    }
}
