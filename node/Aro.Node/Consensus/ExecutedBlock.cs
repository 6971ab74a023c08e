using Aro.Core;
using Aro.Core.Blocks;
using Aro.Execution.Execution;
using Aro.State.World;

namespace Aro.Node.Consensus;

/// <summary>A block this node built or validated by executing it on the head: what committing it needs, without executing it again.</summary>
internal sealed record ExecutedBlock(Block Block, BlockExecutionResult Result, Address[] Senders, WorldState State);
