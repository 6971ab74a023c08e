using Aro.Consensus.Validators;

namespace Aro.Node.Consensus;

/// <summary>
/// The validator set that decides a height, with its proposer priorities as of round 0 of that
/// height. Today the genesis validators (<see cref="GenesisValidatorSetSource"/>); GPoS epoch sets
/// plug in here when the module lands.
/// </summary>
public interface IValidatorSetSource
{
    ValidatorSet SetAt(ulong height);
}
