namespace Aro.Core.Blocks;

/// <summary>The Tendermint vote steps. Values are part of the signed bytes: never renumber.</summary>
public enum VoteType : byte
{
    Prevote = 1,

    /// <summary>A commit is made of precommits for one block.</summary>
    Precommit = 2,
}
