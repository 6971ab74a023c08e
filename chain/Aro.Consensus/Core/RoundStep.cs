namespace Aro.Consensus.Core;

/// <summary>Where a height's current round is. Ordered: a later step has a larger value.</summary>
public enum RoundStep : byte
{
    /// <summary>Waiting for <see cref="ConsensusCore.StartHeight"/>.</summary>
    NotStarted = 0,
    Propose = 1,
    Prevote = 2,
    Precommit = 3,

    /// <summary>The height is decided; waiting for the next <see cref="ConsensusCore.StartHeight"/>.</summary>
    Committed = 4,
}
