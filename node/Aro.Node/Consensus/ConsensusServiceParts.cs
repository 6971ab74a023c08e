using Aro.Consensus.Core;
using Aro.Consensus.Signing;
using Aro.Consensus.Wal;
using Aro.Network.Peers;
using Aro.Network.Sync;
using Aro.Node.Chain;
using Aro.Node.Production;
using Microsoft.Extensions.Logging;

namespace Aro.Node.Consensus;

/// <summary>What a <see cref="ConsensusService"/> is made of (the host opens the files and the network).</summary>
internal sealed record ConsensusServiceParts
{
    public required ChainNode Chain { get; init; }

    public required IValidatorSetSource Validators { get; init; }

    public required GuardedSigner Signer { get; init; }

    public required ConsensusWal Wal { get; init; }

    public required P2PHost Host { get; init; }

    public required BlockSyncService SyncService { get; init; }

    public required BlockSyncClient SyncClient { get; init; }

    public required ProductionOptions Options { get; init; }

    public required ILogger Logger { get; init; }

    public TimeoutConfig? Timeouts { get; init; }

    public TimeProvider? Time { get; init; }
}
