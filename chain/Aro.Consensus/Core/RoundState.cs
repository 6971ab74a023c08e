namespace Aro.Consensus.Core;

/// <summary>What one round of the current height has seen: its proposal, its votes, and who took part.</summary>
internal sealed class RoundState(int validators)
{
    private readonly bool[] _participated = new bool[validators];

    public Proposal? Proposal { get; set; }

    public VoteSet Prevotes { get; } = new(validators);

    public VoteSet Precommits { get; } = new(validators);

    /// <summary>Power of distinct validators with any vote in this round (the paper's f+1 round-skip count).</summary>
    public long ParticipatingPower { get; private set; }

    public void MarkParticipant(int index, long power)
    {
        if (!_participated[index])
        {
            _participated[index] = true;
            ParticipatingPower += power;
        }
    }

    public VoteSet Votes(Aro.Core.Blocks.VoteType type) => type == Aro.Core.Blocks.VoteType.Prevote ? Prevotes : Precommits;
}
