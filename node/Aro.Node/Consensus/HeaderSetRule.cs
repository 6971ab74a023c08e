using Aro.Core.Blocks;

namespace Aro.Node.Consensus;

/// <summary>
/// A header names its height's epoch and the hash of the set that signs its commit (at an epoch's first
/// block, the new set's). One rule for proposals (<see cref="BlockCandidates"/>) and synced blocks.
/// </summary>
internal static class HeaderSetRule
{
    /// <summary>Null when <paramref name="header"/> follows the rule, else the named reason ("wrong epoch: …" / "wrong validator-set hash: …").</summary>
    public static string? Problem(IValidatorSetSource validators, BlockHeader header)
    {
        var epoch = validators.EpochOf(header.Number);
        if (header.Epoch != epoch)
        {
            return $"wrong epoch: block {header.Number} says epoch {header.Epoch}, it is in epoch {epoch}";
        }

        var set = validators.SetAt(header.Number);
        return header.ValidatorSetHash == set.Hash
            ? null
            : $"wrong validator-set hash: block {header.Number} names {header.ValidatorSetHash}, the set of epoch {epoch} that signs its commit is {set.Hash}";
    }
}
