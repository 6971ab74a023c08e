using Aro.Consensus.Core;
using Aro.Core;

namespace Aro.Consensus.Signing;

/// <summary>The last thing a validator key signed: its step and the digest signed.</summary>
public readonly record struct LastSigned(ulong Height, uint Round, SignStep Step, Hash256 SigningHash)
{
    /// <summary>Orders (height, round, step) lexicographically.</summary>
    public int CompareStep(ulong height, uint round, SignStep step)
    {
        var byHeight = Height.CompareTo(height);
        if (byHeight != 0)
        {
            return byHeight;
        }

        var byRound = Round.CompareTo(round);
        return byRound != 0 ? byRound : ((byte)Step).CompareTo((byte)step);
    }
}
