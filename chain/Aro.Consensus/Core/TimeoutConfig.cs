namespace Aro.Consensus.Core;

/// <summary>
/// How long each step waits before giving up on the round: base + round × delta, so later rounds
/// wait longer and a network slower than the base eventually fits inside a round (partial synchrony).
/// </summary>
public sealed record TimeoutConfig
{
    /// <summary>Longest base: beyond it one silent proposer stalls the chain for minutes.</summary>
    public static readonly TimeSpan MaxBase = TimeSpan.FromMinutes(1);

    /// <summary>Longest single timeout <see cref="For"/> returns, however high the round.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(1);

    public TimeSpan ProposeBase { get; init; } = TimeSpan.FromMilliseconds(3000);
    public TimeSpan ProposeDelta { get; init; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan PrevoteBase { get; init; } = TimeSpan.FromMilliseconds(1000);
    public TimeSpan PrevoteDelta { get; init; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan PrecommitBase { get; init; } = TimeSpan.FromMilliseconds(1000);
    public TimeSpan PrecommitDelta { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>base + round × delta in whole ticks (no floating point), at most <see cref="MaxTimeout"/>.</summary>
    public TimeSpan For(RoundStep step, uint round) => step switch
    {
        RoundStep.Propose => Grow(ProposeBase, ProposeDelta, round),
        RoundStep.Prevote => Grow(PrevoteBase, PrevoteDelta, round),
        RoundStep.Precommit => Grow(PrecommitBase, PrecommitDelta, round),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Only propose, prevote and precommit time out."),
    };

    /// <summary>
    /// Every base and delta positive (a zero delta would never let a round outgrow a slow network),
    /// a base and a delta each at most <see cref="MaxBase"/> (one round never adds more than a minute). A delta may
    /// exceed its base: a short base for a fast local network with the default growth is a sound setting.
    /// </summary>
    /// <exception cref="TimeoutConfigException">The first setting that breaks a rule, named.</exception>
    public void Validate()
    {
        Check(nameof(ProposeBase), ProposeBase, nameof(ProposeDelta), ProposeDelta);
        Check(nameof(PrevoteBase), PrevoteBase, nameof(PrevoteDelta), PrevoteDelta);
        Check(nameof(PrecommitBase), PrecommitBase, nameof(PrecommitDelta), PrecommitDelta);
    }

    private static void Check(string baseName, TimeSpan baseValue, string deltaName, TimeSpan delta)
    {
        if (baseValue <= TimeSpan.Zero)
        {
            throw new TimeoutConfigException(TimeoutConfigError.NotPositive, baseName, $"{baseName} must be positive, not {baseValue}");
        }

        if (baseValue > MaxBase)
        {
            throw new TimeoutConfigException(TimeoutConfigError.BaseTooLong, baseName, $"{baseName} must be at most {MaxBase}, not {baseValue}");
        }

        if (delta <= TimeSpan.Zero)
        {
            throw new TimeoutConfigException(TimeoutConfigError.NotPositive, deltaName, $"{deltaName} must be positive, not {delta}");
        }

        if (delta > MaxBase)
        {
            throw new TimeoutConfigException(TimeoutConfigError.DeltaTooLarge, deltaName, $"{deltaName} must be at most {MaxBase}, not {delta}");
        }
    }

    private static TimeSpan Grow(TimeSpan baseValue, TimeSpan delta, uint round)
    {
        var max = MaxTimeout.Ticks;
        if (baseValue.Ticks >= max || (round > 0 && delta.Ticks > (max - baseValue.Ticks) / round))
        {
            return MaxTimeout;
        }

        return TimeSpan.FromTicks(baseValue.Ticks + (delta.Ticks * round));
    }
}
