using System.Collections.Immutable;
using Aro.Core;
using Aro.Core.Abi;
using Aro.Core.Blocks;
using Aro.Core.Transactions;
using Aro.Execution.Modules;
using Aro.State.World;

namespace Aro.Execution.Execution;

/// <summary>
/// Runs a block on a <see cref="WorldState"/>: begin-block hooks, the block's evidence (to the
/// <see cref="IEvidenceHandler"/>, if any), the transactions in order, end-block hooks. <see cref="BuildBlock"/> leaves invalid transactions out; <see cref="ValidateBlock"/> rejects
/// the whole block for one, restoring the state it was given.
/// </summary>
public sealed class BlockExecutor
{
    /// <summary>Fewest recoveries worth handing to another core (~0.5 ms of work).</summary>
    private const int RecoveriesPerRange = 16;

    private readonly ExecutionParameters _parameters;
    private readonly ModuleHost _modules;
    private readonly IEvidenceHandler? _evidence;

    /// <param name="evidence">Applies the evidence blocks carry; without one, evidence stays in the block only (nothing in state).</param>
    public BlockExecutor(ExecutionParameters parameters, ModuleHost modules, IEvidenceHandler? evidence = null)
    {
        _parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
        _modules = modules ?? throw new ArgumentNullException(nameof(modules));
        _evidence = evidence;
    }

    /// <summary>
    /// Recovers every sender in parallel (pure CPU work, touches no state). A transaction whose
    /// sender cannot be recovered gets <see cref="Address.Zero"/> and <paramref name="valid"/> false at its index.
    /// </summary>
    /// <remarks>
    /// Work is handed out in contiguous ranges, claimed one at a time by at most one worker per core:
    /// one recovery (~35 µs) is too small to schedule alone, and ranges claimed on demand keep every
    /// core busy when the machine is shared and one worker is descheduled. A block too small to
    /// cover the hand-off is recovered on the calling thread.
    /// </remarks>
    public static SenderTx[] RecoverSenders(IReadOnlyList<Transaction> transactions, out bool[] valid)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        var count = transactions.Count;
        var result = new SenderTx[count];
        var ok = new bool[count];
        var workers = Math.Min(Environment.ProcessorCount, count / RecoveriesPerRange);
        if (workers <= 1)
        {
            RecoverRange(transactions, 0, count, result, ok);
        }
        else
        {
            // About four ranges per worker: coarse enough to amortise the claim, fine enough to balance.
            var rangeSize = Math.Max(RecoveriesPerRange, count / (workers * 4));
            Parallel.ForEach(
                System.Collections.Concurrent.Partitioner.Create(0, count, rangeSize),
                new ParallelOptions { MaxDegreeOfParallelism = workers },
                range => RecoverRange(transactions, range.Item1, range.Item2, result, ok));
        }

        valid = ok;
        return result;
    }

    /// <summary>Builds a block: includes what is valid in order, skips the rest (listed in <see cref="BlockExecutionResult.Skipped"/>).</summary>
    public BlockExecutionResult BuildBlock(WorldState state, BlockContext block, IReadOnlyList<SenderTx> transactions) =>
        Execute(state, block, transactions, validating: false);

    /// <summary>
    /// Re-executes a proposed block. Any invalid transaction throws <see cref="BlockValidationException"/>
    /// after the state is reverted to what it was on entry (a journal snapshot taken before the hooks);
    /// any other exception (a failing hook) reverts the same way and propagates.
    /// </summary>
    public BlockExecutionResult ValidateBlock(WorldState state, BlockContext block, IReadOnlyList<SenderTx> transactions)
    {
        ArgumentNullException.ThrowIfNull(state);
        var snapshot = state.TakeSnapshot();
        try
        {
            return Execute(state, block, transactions, validating: true);
        }
        catch (Exception)
        {
            // A failing hook leaves the state as untouched as an invalid transaction does.
            state.RevertToSnapshot(snapshot);
            throw;
        }
    }

    /// <summary>Each piece where a refusal undoes only its own writes; a refusal is an event, not a block failure.</summary>
    private void ApplyEvidence(WorldState state, BlockContext block, List<Log> blockEvents)
    {
        if (_evidence is null || block.Evidence.IsDefaultOrEmpty)
        {
            return;
        }

        foreach (var evidence in block.Evidence)
        {
            if (ModuleHost.HandleEvidence(state, block, _evidence, evidence, blockEvents) is { } reason)
            {
                var refused = EvidenceEvents.Refused.Encode(AbiValue.Bytes(evidence.Hash.Bytes.ToArray()), AbiValue.Address(evidence.Validator), AbiValue.Bytes(reason));
                blockEvents.Add(new Log(_evidence.Module.SystemAddress, [.. refused.Topics], refused.Data));
            }
        }
    }

    private BlockExecutionResult Execute(WorldState state, BlockContext block, IReadOnlyList<SenderTx> transactions, bool validating)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(transactions);

        var blockEvents = new List<Log>();
        _modules.BeginBlock(state, block, blockEvents);
        ApplyEvidence(state, block, blockEvents);

        var outcomes = ImmutableArray.CreateBuilder<TxOutcome>(transactions.Count);
        var receipts = ImmutableArray.CreateBuilder<Receipt>(transactions.Count);
        var skipped = ImmutableArray.CreateBuilder<InvalidTransaction>();
        var bloom = Bloom.Empty;
        var totals = new Totals();
        var logs = new List<Log>();

        for (var i = 0; i < transactions.Count; i++)
        {
            var (tx, sender) = transactions[i];
            var invalid = Check(state, block, tx, sender, totals.GasUsed);
            if (invalid is not null)
            {
                var entry = new InvalidTransaction(i, tx.Hash, invalid.Value.Reason, invalid.Value.Message);
                if (validating)
                {
                    throw new BlockValidationException(entry);
                }

                skipped.Add(entry);
                continue;
            }

            logs.Clear();
            var outcome = Apply(state, block, tx, sender, logs, ref totals);
            var receipt = Receipt.Create(tx.Type, outcome.Succeeded, totals.GasUsed, [.. logs]);
            bloom |= receipt.Bloom;
            outcomes.Add(outcome);
            receipts.Add(receipt);
        }

        _modules.EndBlock(state, block, blockEvents);

        // The header's bloom covers the hook logs too, so eth_getLogs' bloom probe finds them; the
        // receipts root still covers transaction receipts only (README: block logs).
        bloom |= Bloom.FromLogs(blockEvents);

        return new BlockExecutionResult(
            outcomes.DrainToImmutable(),
            receipts.DrainToImmutable(),
            totals.GasUsed,
            bloom,
            totals.Burnt,
            totals.ToProposer,
            [.. blockEvents],
            skipped.DrainToImmutable());
    }

    /// <summary>The checks that make a transaction unincludable, in order; nothing is written.</summary>
    private static (InvalidTxReason Reason, string Message)? Check(WorldState state, BlockContext block, Transaction tx, in Address sender, ulong blockGasUsed)
    {
        if (tx.IsContractCreation)
        {
            return (InvalidTxReason.ContractCreationNotSupported, "contract creation not supported");
        }

        try
        {
            TxValidator.ValidateStatic(tx, block.ChainId);
        }
        catch (TransactionFormatException e)
        {
            return (InvalidTxReason.StaticRule, e.Message);
        }

        if (sender.IsZero)
        {
            return (InvalidTxReason.InvalidSender, "sender not recovered");
        }

        if (tx.GasLimit > block.GasLimit - blockGasUsed)
        {
            return (InvalidTxReason.BlockGasLimitExceeded, $"gas limit {tx.GasLimit} exceeds the block's remaining {block.GasLimit - blockGasUsed}");
        }

        var nonce = state.GetNonce(sender);
        if (tx.Nonce < nonce)
        {
            return (InvalidTxReason.NonceTooLow, $"nonce {tx.Nonce}, account nonce {nonce}");
        }

        if (tx.Nonce > nonce)
        {
            return (InvalidTxReason.NonceTooHigh, $"nonce {tx.Nonce}, account nonce {nonce}");
        }

        if (tx.MaxFeePerGas < block.BaseFee)
        {
            return (InvalidTxReason.FeeCapBelowBaseFee, $"max fee {tx.MaxFeePerGas} below base fee {block.BaseFee}");
        }

        var balance = state.GetBalance(sender);
        if (!UInt256.TryMultiply(tx.GasLimit, tx.MaxFeePerGas, out var maxGasCost)
            || !UInt256.TryAdd(maxGasCost, tx.Value, out var cost)
            || balance < cost)
        {
            return (InvalidTxReason.InsufficientFunds, $"balance {balance} cannot cover gas limit × max fee + value");
        }

        return null;
    }

    private static void RecoverRange(IReadOnlyList<Transaction> transactions, int start, int end, SenderTx[] result, bool[] ok)
    {
        for (var i = start; i < end; i++)
        {
            var tx = transactions[i];
            ok[i] = TxSender.TryRecover(tx, out var sender);
            result[i] = new SenderTx(tx, sender);
        }
    }

    private TxOutcome Apply(WorldState state, BlockContext block, Transaction tx, in Address sender, List<Log> logs, ref Totals totals)
    {
        var baseFee = block.BaseFee;
        var tipCap = tx.MaxFeePerGas - baseFee;
        var tip = tx.MaxPriorityFeePerGas < tipCap ? tx.MaxPriorityFeePerGas : tipCap;
        var price = baseFee + tip;

        // Buy all the gas up front (Check proved it affordable at the fee cap, so at this price too).
        state.SubtractBalance(sender, tx.GasLimit * price);
        state.IncrementNonce(sender);

        var intrinsic = IntrinsicGas.Calculate(tx);
        var gas = new GasMeter(tx.GasLimit - intrinsic);
        var to = tx.To!.Value;
        bool succeeded;
        byte[] output;
        if (_modules.TryGet(to, out var module))
        {
            var result = _modules.Call(state, block, module, new CallInput(sender, tx.Value, tx.Data), gas, logs);
            succeeded = result.Succeeded;
            output = result.Output;
        }
        else
        {
            succeeded = Transfer(state, sender, to, tx.Value);
            output = [];
        }

        var gasUsed = intrinsic + gas.Used;
        var refund = tx.GasLimit - gasUsed;
        if (refund > 0)
        {
            state.AddBalance(sender, refund * price);
        }

        var burnt = _parameters.BurnBaseFee ? baseFee * gasUsed : UInt256.Zero;
        var toProposer = (_parameters.BurnBaseFee ? tip : price) * gasUsed;
        if (!toProposer.IsZero)
        {
            state.AddBalance(_parameters.FeeRecipient ?? block.Proposer, toProposer);
        }

        totals.GasUsed += gasUsed;
        totals.Burnt += burnt;
        totals.ToProposer += toProposer;
        return new TxOutcome(tx, sender, succeeded, gasUsed, price, output);
    }

    private static bool Transfer(WorldState state, in Address from, in Address to, in UInt256 value)
    {
        if (value.IsZero)
        {
            return true;
        }

        var snapshot = state.TakeSnapshot();
        try
        {
            state.SubtractBalance(from, value);
            state.AddBalance(to, value);
            return true;
        }
        catch (StateException)
        {
            // Only a credit past 2^256 - 1 can fail here (the debit was checked); the transfer fails, the fee stays.
            state.RevertToSnapshot(snapshot);
            return false;
        }
    }

    private struct Totals
    {
        public ulong GasUsed;
        public UInt256 Burnt;
        public UInt256 ToProposer;
    }
}
