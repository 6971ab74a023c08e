namespace Aro.Consensus.Core;

/// <summary>Why a <see cref="TimeoutConfig"/> was refused.</summary>
public enum TimeoutConfigError
{
    /// <summary>A base or delta of zero or less.</summary>
    NotPositive,

    /// <summary>A base over <see cref="TimeoutConfig.MaxBase"/>.</summary>
    BaseTooLong,

    /// <summary>A delta larger than its step's base.</summary>
    DeltaTooLarge,
}
