using Aro.Consensus.Validators;
using Aro.Core.Blocks;
using Aro.Node.Consensus;

namespace Aro.Node.Network;

/// <summary>
/// Checks that a synced block's commit carries more than 2/3 of the voting power of the set of the
/// block's own height (<see cref="IValidatorSetSource"/>: GPoS's epoch set, or the genesis validators),
/// each signature recovering to the validator at its index. The syncing node has executed every
/// earlier block, so the set of the next height is in its committed state.
/// </summary>
internal sealed class CommitVerifier(ulong chainId, IValidatorSetSource validators)
{
    /// <summary>Null when the commit is valid for <paramref name="block"/>, else why not.</summary>
    public string? Check(Block block, Commit commit)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(commit);
        try
        {
            validators.SetAt(block.Number).VerifyCommit(chainId, block.Hash, block.Number, commit);
            return null;
        }
        catch (CommitVerificationException e)
        {
            return e.Message;
        }
        catch (ValidatorSetUnknownException e)
        {
            return e.Message;
        }
    }
}
