using System.Collections.Immutable;
using Aro.Consensus.Core;
using Aro.Consensus.Evidence;
using Aro.Core;
using Aro.Core.Blocks;
using Aro.Execution.Chain;
using Aro.Execution.Execution;
using Aro.Node.Chain;
using Aro.State;

namespace Aro.Node.Consensus;

/// <summary>
/// Builds this node's proposals from the pool (the <c>BlockProducer</c> path, without committing)
/// and decides valid(v) for others' by executing them on the head state in validate mode. Each
/// executed block is kept until the height is committed, so the decided block is committed with the
/// state, receipts and hook logs of that one execution. Used only from the consensus loop.
/// </summary>
internal sealed class BlockCandidates : IProposalValidator
{
    private readonly ChainNode _chain;
    private readonly IValidatorSetSource _validators;
    private readonly BlockExecutor _executor;
    private readonly int _maxTransactions;
    private readonly Dictionary<Hash256, ExecutedBlock> _executed = [];
    private readonly EvidencePool? _evidence;

    /// <param name="evidence">Pending double-sign evidence this node's proposals carry (oldest first, bounded per block); null for none.</param>
    public BlockCandidates(ChainNode chain, IValidatorSetSource validators, int maxTransactionsPerBlock = 10_000, EvidencePool? evidence = null)
    {
        _chain = chain;
        _validators = validators;
        _maxTransactions = maxTransactionsPerBlock;
        _evidence = evidence;
        _executor = new BlockExecutor(chain.Execution, chain.Modules, chain.EvidenceHandler);
    }

    /// <summary>Why the last refused proposal was refused (for the log).</summary>
    public string? LastRefusal { get; private set; }

    /// <summary>The next block on the head with the pool's best transactions, proposed by <paramref name="proposer"/> at <paramref name="timestamp"/> (raised above the parent's).</summary>
    public BlockValue Build(Address proposer, ulong timestamp)
    {
        var parent = _chain.Head;
        var number = parent.Number + 1;
        var time = Math.Max(timestamp, parent.Timestamp + 1);
        var baseFee = _chain.NextBaseFee(parent);
        var pooled = _chain.TxPool.GetPendingForBlock(parent.GasLimit, baseFee, _maxTransactions);
        var candidates = new SenderTx[pooled.Count];
        for (var i = 0; i < candidates.Length; i++)
        {
            candidates[i] = new SenderTx(pooled[i].Transaction, pooled[i].Sender);
        }

        var lastCommit = number == 1 ? null : _chain.Store.GetCommit(parent.Number);
        ImmutableArray<DuplicateVoteEvidence> evidence = _evidence is null ? [] : [.. _evidence.TakeForBlock(EvidenceList.MaxPerBlock, number)];
        var epoch = _validators.EpochOf(number);
        var context = new BlockContext(number, time, proposer, baseFee, parent.GasLimit, _chain.ChainId, epoch, lastCommit, evidence);
        var state = _chain.OpenState(parent.StateRoot);
        var result = _executor.BuildBlock(state, context, candidates);
        var transactions = ImmutableArray.CreateBuilder<Aro.Core.Transactions.Transaction>(result.Transactions.Length);
        var senders = new Address[result.Transactions.Length];
        for (var i = 0; i < senders.Length; i++)
        {
            transactions.Add(result.Transactions[i].Transaction);
            senders[i] = result.Transactions[i].Sender;
        }

        var body = new BlockBody(transactions.MoveToImmutable(), lastCommit, evidence);
        var header = new BlockHeader
        {
            ParentHash = parent.Hash,
            Number = number,
            Timestamp = time,
            Proposer = proposer,
            StateRoot = state.ComputeRoot(),
            TransactionsRoot = DerivedRoots.Transactions(body),
            ReceiptsRoot = DerivedRoots.Receipts(result.Receipts),
            LogsBloom = result.LogsBloom,
            GasLimit = parent.GasLimit,
            GasUsed = result.GasUsed,
            BaseFeePerGas = baseFee,
            Epoch = epoch,
            ValidatorSetHash = _validators.SetAt(number).Hash,
            LastCommitHash = lastCommit?.Hash ?? Hash256.Zero,
            EvidenceHash = body.EvidenceHash,
        };
        var block = new Block(header, body);
        _executed[block.Hash] = new ExecutedBlock(block, result, senders, state);
        return new BlockValue(block.Hash, BlockCodec.Encode(block));
    }

    public bool IsValid(ulong height, BlockValue value)
    {
        LastRefusal = Check(height, value);
        return LastRefusal is null;
    }

    /// <summary>The executed block with this hash (built here or validated), or null.</summary>
    public ExecutedBlock? Get(in Hash256 hash) => _executed.GetValueOrDefault(hash);

    /// <summary>Forgets every executed block (after a commit: they were all built on the old head).</summary>
    public void Clear() => _executed.Clear();

    private string? Check(ulong height, BlockValue value)
    {
        if (_executed.ContainsKey(value.Hash))
        {
            return null;
        }

        Block block;
        try
        {
            block = BlockCodec.Decode(value.Encoded.Span);
        }
        catch (Exception e) when (e is BlockFormatException or Aro.Core.Rlp.RlpException or ArgumentException)
        {
            return $"undecodable block: {e.Message}";
        }

        var header = block.Header;
        var parent = _chain.Head;
        if (block.Hash != value.Hash)
        {
            return "the block's hash is not the proposed hash";
        }

        if (header.Number != height || header.Number != parent.Number + 1 || header.ParentHash != parent.Hash)
        {
            return $"block {header.Number} does not follow the head {parent.Number} {parent.Hash}";
        }

        if (header.Timestamp <= parent.Timestamp || header.GasLimit != parent.GasLimit || header.BaseFeePerGas != _chain.NextBaseFee(parent))
        {
            return "timestamp, gas limit or base fee do not follow the parent";
        }

        if (HeaderSetRule.Problem(_validators, header) is { } setProblem)
        {
            return setProblem;
        }

        if (!_validators.SetAt(height).TryGetIndex(header.Proposer, out _))
        {
            return $"proposer {header.Proposer} is not a validator";
        }

        if (LastCommitProblem(block, parent) is { } commitProblem)
        {
            return commitProblem;
        }

        if (EvidenceProblem(block) is { } evidenceProblem)
        {
            return evidenceProblem;
        }

        if (DerivedRoots.Transactions(block.Body) != header.TransactionsRoot)
        {
            return "the transactions do not match the transactions root";
        }

        var senders = ProposalSenders.Recover(_chain.TxPool, block.Body.Transactions, out var recovered);
        if (Array.IndexOf(recovered, false) is var bad and >= 0)
        {
            return $"transaction {bad} has no recoverable sender";
        }

        var state = _chain.OpenState(parent.StateRoot);
        var context = new BlockContext(header.Number, header.Timestamp, header.Proposer, header.BaseFeePerGas, header.GasLimit, _chain.ChainId, header.Epoch, block.Body.LastCommit, block.Body.Evidence);
        BlockExecutionResult result;
        try
        {
            result = _executor.ValidateBlock(state, context, senders);
        }
        catch (BlockValidationException e)
        {
            return $"execution failed: {e.Message}";
        }

        if (result.GasUsed != header.GasUsed || result.LogsBloom != header.LogsBloom || DerivedRoots.Receipts(result.Receipts) != header.ReceiptsRoot
            || state.ComputeRoot() != header.StateRoot)
        {
            return "execution gives other gas used, logs bloom, receipts root or state root than the header";
        }

        var addresses = new Address[senders.Length];
        for (var i = 0; i < addresses.Length; i++)
        {
            addresses[i] = senders[i].Sender;
        }

        _executed[block.Hash] = new ExecutedBlock(block, result, addresses, state);
        return null;
    }

    /// <summary>Each piece verifies against the set of its height, within the age limit, not committed before, not twice in the block.</summary>
    private string? EvidenceProblem(Block block)
    {
        var evidence = block.Body.Evidence;
        if (evidence.IsEmpty)
        {
            return null;
        }

        var head = _chain.Head.Number;
        var problem = EvidenceRules.CheckBlock(
            evidence,
            block.Number,
            _chain.ChainId,
            ConsensusService.EvidenceMaxAgeHeights,
            h => h >= 1 && h <= head + 1 ? _validators.SetAt(h) : null,
            piece => _chain.Store.GetEvidenceBlock(piece) is not null);
        return problem is null ? null : $"invalid evidence ({problem.Reason}): {problem.Message}";
    }

    private string? LastCommitProblem(Block block, BlockHeader parent)
    {
        var lastCommit = block.Body.LastCommit;
        if (parent.Number == 0)
        {
            return lastCommit is null && block.Header.LastCommitHash == Hash256.Zero ? null : "block 1 carries a last commit";
        }

        if (lastCommit is null || lastCommit.Hash != block.Header.LastCommitHash)
        {
            return "the last commit is missing or does not match the header's last-commit hash";
        }

        try
        {
            _validators.SetAt(parent.Number).VerifyCommit(_chain.ChainId, parent.Hash, parent.Number, lastCommit);
        }
        catch (Aro.Consensus.Validators.CommitVerificationException e)
        {
            return $"the last commit does not verify: {e.Message}";
        }

        return null;
    }
}
