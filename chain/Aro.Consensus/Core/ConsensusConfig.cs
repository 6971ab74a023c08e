namespace Aro.Consensus.Core;

/// <summary>Parameters of the consensus core.</summary>
public sealed record ConsensusConfig
{
    public required ulong ChainId { get; init; }

    public TimeoutConfig Timeouts { get; init; } = new();

    /// <summary>Votes and proposals for rounds further than this ahead of the current round are dropped (bounds memory a byzantine validator can make us hold).</summary>
    public uint MaxRoundsAhead { get; init; } = 64;

    /// <summary>Messages for the next height held until it starts (peers may decide before us).</summary>
    public int MaxBufferedFutureMessages { get; init; } = 4096;
}
