using Aro.Core.Blocks;

namespace Aro.Consensus.Core;

/// <summary>What the core asks the node to do. The core performs no I/O itself.</summary>
public abstract record ConsensusEffect;

/// <summary>Send this node's signed proposal to all peers (the core has already processed it).</summary>
public sealed record BroadcastProposal(Proposal Proposal) : ConsensusEffect;

/// <summary>Send this node's signed vote to all peers (the core has already counted it).</summary>
public sealed record BroadcastVote(Vote Vote) : ConsensusEffect;

/// <summary>Feed <see cref="TimeoutElapsed"/> with <paramref name="Timeout"/> after <paramref name="After"/>.</summary>
public sealed record ScheduleTimeout(TimeoutInfo Timeout, TimeSpan After) : ConsensusEffect;

/// <summary>This node proposes at (height, round) and has no valid value: build a block and feed <see cref="BlockReady"/>.</summary>
public sealed record RequestBlock(ulong Height, uint Round) : ConsensusEffect;

/// <summary>The height is decided: store and apply the block with its commit, then call <see cref="ConsensusCore.StartHeight"/>.</summary>
public sealed record CommitBlock(BlockValue Block, Commit Commit) : ConsensusEffect;

/// <summary>A validator signed two different votes for one step; hand the evidence to the evidence pool.</summary>
public sealed record EvidenceFound(DuplicateVoteEvidence Evidence) : ConsensusEffect;
