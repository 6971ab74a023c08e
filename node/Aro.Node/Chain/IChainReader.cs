using Aro.Core;
using Aro.Core.Blocks;
using Aro.Execution.Chain;
using Aro.Execution.Execution;
using Aro.Execution.Modules;
using Aro.State.World;

namespace Aro.Node.Chain;

/// <summary>
/// What the running chain offers to readers (JSON-RPC, CLI queries, tools). Every member is safe to call
/// from any thread while blocks are being produced: committed data is immutable, and <see cref="Head"/>
/// moves only after a block and its state are durably committed.
/// </summary>
public interface IChainReader
{
    ulong ChainId { get; }

    /// <summary>The genesis block's hash; a database made from another genesis is refused at open.</summary>
    Hash256 GenesisHash { get; }

    /// <summary>The header of the last committed block.</summary>
    BlockHeader Head { get; }

    /// <summary>Headers, blocks, receipts, the tx index and commits of every committed block.</summary>
    ChainStore Store { get; }

    /// <summary>
    /// A fresh, private view of the state under <paramref name="stateRoot"/> (a committed header's state root).
    /// The caller may mutate it to simulate (eth_call, eth_estimateGas); it is never committed.
    /// </summary>
    WorldState OpenState(in Hash256 stateRoot);

    ExecutionParameters Execution { get; }

    ModuleHost Modules { get; }

    /// <summary>The mempool: eth_sendRawTransaction adds to it; pending nonces are read from it.</summary>
    Aro.Execution.TxPool.TxPool TxPool { get; }

    /// <summary>Raised after a block is committed and <see cref="Head"/> has moved to it (newHeads, logs subscriptions).</summary>
    event EventHandler<BlockCommittedEventArgs>? BlockCommitted;
}
