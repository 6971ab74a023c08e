namespace Aro.Consensus.Core;

/// <summary>
/// How long each step waits before giving up on the round: base + round × delta, so later rounds
/// wait longer and a network slower than the base eventually fits inside a round (partial synchrony).
/// </summary>
public sealed record TimeoutConfig
{
    public TimeSpan ProposeBase { get; init; } = TimeSpan.FromMilliseconds(3000);
    public TimeSpan ProposeDelta { get; init; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan PrevoteBase { get; init; } = TimeSpan.FromMilliseconds(1000);
    public TimeSpan PrevoteDelta { get; init; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan PrecommitBase { get; init; } = TimeSpan.FromMilliseconds(1000);
    public TimeSpan PrecommitDelta { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan For(RoundStep step, uint round) => step switch
    {
        RoundStep.Propose => ProposeBase + (ProposeDelta * round),
        RoundStep.Prevote => PrevoteBase + (PrevoteDelta * round),
        RoundStep.Precommit => PrecommitBase + (PrecommitDelta * round),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Only propose, prevote and precommit time out."),
    };
}
