using Aro.Core.Blocks;

namespace Aro.Consensus.Core;

/// <summary>Something that happened to consensus: what the node feeds the core and records in the WAL first.</summary>
public abstract record ConsensusInput;

public sealed record ProposalReceived(Proposal Proposal) : ConsensusInput;

public sealed record VoteReceived(Vote Vote) : ConsensusInput;

public sealed record TimeoutElapsed(TimeoutInfo Timeout) : ConsensusInput;

/// <summary>The block this node asked for with <see cref="RequestBlock"/> is built.</summary>
public sealed record BlockReady(ulong Height, uint Round, BlockValue Block) : ConsensusInput;

/// <summary>A decided block and its commit from a peer that is ahead (catch-up); accepted when the commit verifies.</summary>
public sealed record DecisionReceived(BlockValue Block, Commit Commit) : ConsensusInput;
