using System.Collections.Immutable;
using Aro.Core;
using Aro.Core.Blocks;

namespace Aro.Execution.Execution;

/// <summary>
/// The block a transaction runs in, passed explicitly to everything that needs it (no ambient context).
/// <paramref name="LastCommit"/> is the parent's commit this block carries (null after genesis): begin-block
/// hooks read from it who signed the previous block (rewards by blocks signed, downtime tracking).
/// <paramref name="Evidence"/> is the double-sign evidence the block carries, handed to the executor's
/// <see cref="IEvidenceHandler"/> after the begin-block hooks (default: none).
/// </summary>
public sealed record BlockContext(
    ulong Number,
    ulong Timestamp,
    Address Proposer,
    UInt256 BaseFee,
    ulong GasLimit,
    ulong ChainId,
    ulong Epoch,
    Commit? LastCommit = null,
    ImmutableArray<DuplicateVoteEvidence> Evidence = default);
