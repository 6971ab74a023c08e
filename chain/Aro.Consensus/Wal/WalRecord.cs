using Aro.Consensus.Core;

namespace Aro.Consensus.Wal;

/// <summary>One entry of the consensus WAL: an input the core processed, or the end of a height.</summary>
public abstract record WalRecord;

/// <summary>An input, written before the core acts on it.</summary>
public sealed record WalInput(ConsensusInput Input) : WalRecord;

/// <summary>Height <paramref name="Height"/> is committed and applied; replay of the next height starts after this marker.</summary>
public sealed record WalEndHeight(ulong Height) : WalRecord;
