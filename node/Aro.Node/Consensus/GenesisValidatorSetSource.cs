using Aro.Consensus.Validators;
using Aro.Execution.Chain;

namespace Aro.Node.Consensus;

/// <summary>
/// The genesis validators at every height, the proposer priorities advanced once per height from
/// height 1 (as CometBFT does between heights). Advanced sets are remembered from the highest asked
/// for, so following the chain costs one rotation per height.
/// </summary>
public sealed class GenesisValidatorSetSource : IValidatorSetSource
{
    private readonly ValidatorSet _first;
    private readonly Lock _lock = new();
    private ulong _cachedHeight = 1;
    private ValidatorSet _cached;

    public GenesisValidatorSetSource(GenesisSpec genesis)
    {
        ArgumentNullException.ThrowIfNull(genesis);
        var validators = new List<Aro.Consensus.Validators.Validator>(genesis.Validators.Length);
        foreach (var validator in genesis.Validators)
        {
            validators.Add(new Aro.Consensus.Validators.Validator(validator.PublicKey, validator.Power));
        }

        _first = ValidatorSet.Create(validators);
        _cached = _first;
    }

    /// <summary>Without GPoS there are no epochs: every height is in epoch 0.</summary>
    public ulong EpochOf(ulong height) => 0;

    public ValidatorSet SetAt(ulong height)
    {
        ArgumentOutOfRangeException.ThrowIfZero(height);
        lock (_lock)
        {
            if (height < _cachedHeight)
            {
                _cachedHeight = 1;
                _cached = _first;
            }

            while (_cachedHeight < height)
            {
                _cached = _cached.AdvanceProposer(1);
                _cachedHeight++;
            }

            return _cached;
        }
    }
}
