namespace Aro.Consensus.Core;

/// <summary>Identifies a scheduled timeout: the step of (height, round) that waits.</summary>
public readonly record struct TimeoutInfo(ulong Height, uint Round, RoundStep Step);
