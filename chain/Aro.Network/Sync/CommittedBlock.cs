using Aro.Core.Blocks;

namespace Aro.Network.Sync;

/// <summary>A block with the commit that finalised it (the seen commit, or the next block's last commit).</summary>
public sealed record CommittedBlock(Block Block, Commit Commit);
