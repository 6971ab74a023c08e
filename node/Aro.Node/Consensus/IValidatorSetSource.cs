using Aro.Consensus.Validators;

namespace Aro.Node.Consensus;

/// <summary>
/// The validator set that decides a height, with its proposer priorities as of round 0 of that
/// height, and the epoch that height belongs to. With a GPoS genesis section the sets are GPoS's
/// epoch sets (<see cref="GposValidatorSetSource"/>); without one, the genesis validators at every
/// height in epoch 0 (<see cref="GenesisValidatorSetSource"/>). <see cref="ValidatorSetSources.For"/> picks.
/// </summary>
public interface IValidatorSetSource
{
    /// <summary>The set that proposes, votes on and signs the commit of <paramref name="height"/>.</summary>
    /// <exception cref="ValidatorSetUnknownException">The set of that height is not final in committed state yet.</exception>
    ValidatorSet SetAt(ulong height);

    /// <summary>The epoch <paramref name="height"/> belongs to (the header's <c>epoch</c> field).</summary>
    ulong EpochOf(ulong height);
}
