using Aro.Execution.Chain;
using Aro.Execution.Execution;
using Aro.Network.Sync;
using Aro.Node.Chain;
using Aro.Node.Consensus;
using Aro.State;

namespace Aro.Node.Network;

/// <summary>
/// Applies a synced block: the commit must carry 2/3+ of the power of its height's set, the header must
/// name its epoch and that set's hash, the block must
/// follow the head, and re-executing its transactions on the head state must give the header's
/// gas used, bloom, receipts root and state root. Only then is it committed with its commit.
/// </summary>
internal sealed class ChainSyncSink(ChainNode chain, IValidatorSetSource validators) : IBlockSyncSink
{
    private readonly CommitVerifier _commits = new(chain.ChainId, validators);
    private readonly BlockExecutor _executor = new(chain.Execution, chain.Modules, chain.EvidenceHandler);

    public string? Apply(CommittedBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var header = block.Block.Header;
        var parent = chain.Head;
        if (header.Number != parent.Number + 1 || header.ParentHash != parent.Hash)
        {
            return $"block {header.Number} (parent {header.ParentHash}) does not follow the head {parent.Number} {parent.Hash}";
        }

        if (_commits.Check(block.Block, block.Commit) is { } problem)
        {
            return problem;
        }

        if (HeaderSetRule.Problem(validators, header) is { } setProblem)
        {
            return setProblem;
        }

        if (DerivedRoots.Transactions(block.Block.Body) != header.TransactionsRoot)
        {
            return "the transactions do not match the header's transactions root";
        }

        var senders = BlockExecutor.RecoverSenders(block.Block.Body.Transactions, out var valid);
        if (Array.IndexOf(valid, false) is var bad and >= 0)
        {
            return $"transaction {bad} has no recoverable sender";
        }

        var state = chain.OpenState(parent.StateRoot);
        var context = new BlockContext(header.Number, header.Timestamp, header.Proposer, header.BaseFeePerGas, header.GasLimit, chain.ChainId, header.Epoch, block.Block.Body.LastCommit, block.Block.Body.Evidence);
        BlockExecutionResult result;
        try
        {
            result = _executor.ValidateBlock(state, context, senders);
        }
        catch (BlockValidationException e)
        {
            return $"re-execution failed: {e.Message}";
        }

        if (result.GasUsed != header.GasUsed || result.LogsBloom != header.LogsBloom || DerivedRoots.Receipts(result.Receipts) != header.ReceiptsRoot)
        {
            return "re-execution gives other gas used, logs bloom or receipts root than the header";
        }

        if (header.BaseFeePerGas != chain.NextBaseFee(parent))
        {
            return $"base fee {header.BaseFeePerGas} is not the {chain.NextBaseFee(parent)} the parent implies";
        }

        try
        {
            chain.CommitBlock(block.Block, result.Receipts, [.. senders.Select(s => s.Sender)], block.Commit, state, result.BlockEvents);
        }
        catch (ChainStoreException e)
        {
            return $"the store refused it: {e.Message}";
        }

        return null;
    }
}
