using Aro.Modules.Gpos;
using Aro.Node.Chain;

namespace Aro.Node.Consensus;

/// <summary>Picks the one source of validator sets a chain has: GPoS's epoch sets when its genesis state holds GPoS, else the genesis validators.</summary>
public static class ValidatorSetSources
{
    public static IValidatorSetSource For(ChainNode chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        // GPoS params are written at genesis and never change, so the head state answers for every height.
        var headState = chain.OpenState(chain.Head.StateRoot);
        return GposModule.ParamsOf(headState) is { } gpos
            ? new GposValidatorSetSource(chain, gpos.EpochBlocks)
            : new GenesisValidatorSetSource(chain.Genesis);
    }
}
