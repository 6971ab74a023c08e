using Microsoft.Extensions.Logging;

namespace Aro.Node.Production;

/// <summary>
/// Runs <see cref="BlockProducer"/> every <see cref="ProductionOptions.BlockInterval"/>: a block when the
/// pool has executable transactions, or an empty one when <see cref="ProductionOptions.EmptyBlockInterval"/>
/// has passed since the last block (within half a tick). The wall clock feeds only the header timestamp (unix seconds, as a
/// Tendermint proposer's time); the producer keeps it strictly above the parent's.
/// A failure is logged and ends the loop (the task faults): the store wrote nothing for the failed
/// block, and the host shuts the node down rather than continue from an unknown state.
/// </summary>
public sealed class ProductionLoop
{
    private readonly BlockProducer _producer;
    private readonly ProductionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _lastBlock;

    public ProductionLoop(BlockProducer producer, ProductionOptions options, ILogger logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(producer);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        _producer = producer;
        _options = options;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _lastBlock = _time.GetTimestamp();
    }

    /// <summary>Produces until <paramref name="stopping"/> is cancelled; a block being made then is finished first.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(_options.BlockInterval, _time);
        _lastBlock = _time.GetTimestamp();
        try
        {
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
            {
                Tick();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutdown: the last tick's block, if any, was committed before the wait was cancelled.
        }
    }

    /// <summary>One step of the loop: a block if transactions wait or the empty-block interval has passed since the last one.</summary>
    internal ProducedBlock? Tick()
    {
        // Ticks are measured from the previous block's tick, so timer jitter can make a full interval read
        // a hair short; half a tick of slack keeps "every 1s" from becoming "every 2s".
        var allowEmpty = _options.EmptyBlockInterval is { } empty && _time.GetElapsedTime(_lastBlock) + (_options.BlockInterval / 2) >= empty;
        ProducedBlock? produced;
        try
        {
            produced = _producer.TryProduce((ulong)_time.GetUtcNow().ToUnixTimeSeconds(), allowEmpty);
        }
        catch (Exception e)
        {
            _logger.LogCritical(e, "Block production failed; stopping the node (a block is written whole or not at all, so the database ends at the last committed block)");
            throw;
        }

        if (produced is not null)
        {
            _lastBlock = _time.GetTimestamp();
            Log(produced);
        }

        return produced;
    }

    private void Log(ProducedBlock produced)
    {
        if (!_logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var header = produced.Block.Header;
        _logger.LogInformation(
            "Committed block {Number} {Hash} txs={Transactions} gas={GasUsed} baseFee={BaseFee}",
            header.Number,
            header.Hash,
            produced.Block.Body.Transactions.Length,
            header.GasUsed,
            header.BaseFeePerGas);
        if (produced.SkippedTransactions > 0)
        {
            _logger.LogWarning("Block {Number} left out {Skipped} pooled transactions that no longer run on the head state", header.Number, produced.SkippedTransactions);
        }
    }
}
