using Aro.Core;
using Aro.Core.Transactions;

namespace Aro.Execution.TxPool;

/// <summary>
/// The mempool: admits signed transactions that could execute on top of the current head, keeps each
/// sender's in nonce order (pending without a gap from the account nonce, queued behind one), replaces
/// by fee bump, evicts the cheapest when full, and hands block building the best executable set.
/// <para>
/// Thread-safe. Decoding, static validation, sender recovery (the expensive part) and state reads run
/// outside the lock; only the admission decision and the mutation hold it. README.md states the rules.
/// </para>
/// </summary>
public sealed partial class TxPool
{
    private readonly TxPoolOptions _options;
    private readonly Lock _lock = new();
    private readonly Dictionary<Hash256, PooledTx> _byHash = [];
    private readonly Dictionary<Address, SenderQueue> _senders = [];

    // Every sender's highest-nonce transaction, cheapest at the current base fee first: the eviction
    // candidates. Null after a head changed the base fee, until an eviction needs it (see Tails).
    private SortedSet<PooledTx>? _tails;
    private ITxPoolStateReader _state;
    private UInt256 _baseFee;

    // Bumped by each new head, so an Add that read state outside the lock knows to read again.
    private long _headVersion;
    private long _nextSequence;
    private int _pendingCount;
    private int _queuedCount;
    private int _lastHeadPassReads;

    public TxPool(TxPoolOptions options, ITxPoolStateReader state)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(state);
        options.Validate();
        _options = options;
        _state = state;
        _baseFee = options.BaseFee;
        _tails = new SortedSet<PooledTx>(new EvictionOrder(options.BaseFee));
    }

    /// <summary>Raised, outside the pool's lock, with transactions that just became pending (RPC subscriptions, gossip).</summary>
    public event EventHandler<NewPendingTxsEventArgs>? NewPending;

    public TxPoolOptions Options => _options;

    /// <summary>How many accounts the last <see cref="OnNewHead"/> read from state (the rest it knew from the block's changes).</summary>
    public int LastHeadPassReads => Volatile.Read(ref _lastHeadPassReads);

    public int PendingCount => Volatile.Read(ref _pendingCount);

    public int QueuedCount => Volatile.Read(ref _queuedCount);

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _byHash.Count;
            }
        }
    }

    /// <summary>The base fee of the next block, as the last head set it.</summary>
    public UInt256 BaseFee
    {
        get
        {
            lock (_lock)
            {
                return _baseFee;
            }
        }
    }

    /// <summary>Admits a transaction in network form (eth_sendRawTransaction's argument).</summary>
    public TxPoolAddResult Add(ReadOnlySpan<byte> raw)
    {
        if (raw.Length > _options.MaxTxSize)
        {
            return TxPoolAddResult.Refused(TxPoolError.OversizedData, default, $"transaction size {raw.Length}, limit {_options.MaxTxSize}");
        }

        Transaction tx;
        try
        {
            tx = TxDecoder.Decode(raw);
        }
        catch (TransactionFormatException e)
        {
            return TxPoolAddResult.Refused(e, default);
        }

        return AddDecoded(tx, raw.Length);
    }

    /// <summary>Admits a signed transaction (from gossip or a local signer).</summary>
    public TxPoolAddResult Add(Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (transaction.Signature is null)
        {
            return TxPoolAddResult.Refused(TxPoolError.InvalidSender, default, "the transaction is unsigned");
        }

        var size = TxEncoder.EncodedLength(transaction);
        if (size > _options.MaxTxSize)
        {
            return TxPoolAddResult.Refused(TxPoolError.OversizedData, transaction.Hash, $"transaction size {size}, limit {_options.MaxTxSize}");
        }

        return AddDecoded(transaction, size);
    }

    public bool TryGet(Hash256 hash, out PooledTx? pooled)
    {
        lock (_lock)
        {
            return _byHash.TryGetValue(hash, out pooled);
        }
    }

    /// <summary>All pooled transactions, senders in address order, each sender's in nonce order.</summary>
    public TxPoolContent GetContent()
    {
        lock (_lock)
        {
            var senders = new SenderTxs[_senders.Count];
            var i = 0;
            foreach (var (sender, queue) in _senders)
            {
                var pending = new PooledTx[queue.PendingCount];
                var queued = new PooledTx[queue.Count - queue.PendingCount];
                for (var j = 0; j < queue.Count; j++)
                {
                    if (j < pending.Length)
                    {
                        pending[j] = queue[j];
                    }
                    else
                    {
                        queued[j - pending.Length] = queue[j];
                    }
                }

                senders[i++] = new SenderTxs(sender, pending, queued);
            }

            Array.Sort(senders, static (a, b) => a.Sender.CompareTo(b.Sender));
            return new TxPoolContent(senders);
        }
    }

    private TxPoolAddResult AddDecoded(Transaction tx, int size)
    {
        var hash = tx.Hash;
        try
        {
            TxValidator.ValidateStatic(tx, _options.ChainId);
        }
        catch (TransactionFormatException e)
        {
            return TxPoolAddResult.Refused(e, hash);
        }

        if (PolicyCheck(tx) is { } refused)
        {
            return refused;
        }

        lock (_lock)
        {
            // Cheap before the recovery: gossip delivers most transactions more than once.
            if (_byHash.ContainsKey(hash))
            {
                return TxPoolAddResult.Refused(TxPoolError.AlreadyKnown, hash);
            }
        }

        if (!TxSender.TryRecover(tx, out var sender))
        {
            return TxPoolAddResult.Refused(TxPoolError.InvalidSender, hash, "no public key recovers from the signature");
        }

        if (!TxPricing.TryGetCost(tx, out var cost))
        {
            return TxPoolAddResult.Refused(TxPoolError.InsufficientFunds, hash, "value + gas limit × max fee exceeds 2^256 − 1");
        }

        var promoted = new List<PooledTx>();
        TxPoolAddResult result = default;
        ITxPoolStateReader? state = null;
        long version = 0;
        lock (_lock)
        {
            // A sender already pooled was read at this head, and the same reader would answer the same.
            if (_senders.TryGetValue(sender, out var known) && known.Head.Version == _headVersion)
            {
                result = Insert(tx, sender, size, cost, known.Head, promoted);
            }
            else
            {
                state = _state;
                version = _headVersion;
            }
        }

        if (state is not null)
        {
            // A new sender, or one not yet re-read since the last head: read outside the lock as before.
            var (nonce, balance) = state.GetNonceAndBalance(sender);
            lock (_lock)
            {
                if (version != _headVersion)
                {
                    version = _headVersion;
                    (nonce, balance) = _state.GetNonceAndBalance(sender);
                }

                result = Insert(tx, sender, size, cost, new HeadAccount(nonce, balance, version), promoted);
            }
        }

        RaiseNewPending(promoted);
        return result;
    }

    /// <summary>Node policy that needs no state: replay protection, block gas limit, minimum prices.</summary>
    private TxPoolAddResult? PolicyCheck(Transaction tx)
    {
        if (tx.ChainId is null && !_options.AllowUnprotectedTxs)
        {
            return TxPoolAddResult.Refused(TxPoolError.UnprotectedTx, tx.Hash);
        }

        if (tx.GasLimit > _options.BlockGasLimit)
        {
            return TxPoolAddResult.Refused(TxPoolError.ExceedsBlockGasLimit, tx.Hash, $"gas limit {tx.GasLimit}, block gas limit {_options.BlockGasLimit}");
        }

        if (tx.MaxPriorityFeePerGas < _options.MinPriorityFee)
        {
            return TxPoolAddResult.Refused(TxPoolError.Underpriced, tx.Hash, $"gas tip cap {tx.MaxPriorityFeePerGas}, minimum needed {_options.MinPriorityFee}");
        }

        if (tx.MaxFeePerGas < _options.MinGasPrice)
        {
            return TxPoolAddResult.Refused(TxPoolError.Underpriced, tx.Hash, $"gas fee cap {tx.MaxFeePerGas}, minimum needed {_options.MinGasPrice}");
        }

        return null;
    }

    // Under the lock; head is the sender's account at the current head (read now or remembered by its queue).
    private TxPoolAddResult Insert(Transaction tx, Address sender, int size, UInt256 cost, HeadAccount head, List<PooledTx> promoted)
    {
        var hash = tx.Hash;
        if (_byHash.ContainsKey(hash))
        {
            return TxPoolAddResult.Refused(TxPoolError.AlreadyKnown, hash);
        }

        var baseFee = _baseFee;
        if (tx.MaxFeePerGas < baseFee)
        {
            return TxPoolAddResult.Refused(TxPoolError.FeeCapBelowBaseFee, hash, $"address {sender}, maxFeePerGas: {tx.MaxFeePerGas}, baseFee: {baseFee}");
        }

        // A sender already in the pool keeps the nonce the pool tracks (the head's, advanced by inclusions).
        _senders.TryGetValue(sender, out var queue);
        queue?.Head = head;
        var accountNonce = queue?.Nonce ?? head.Nonce;
        var balance = head.Balance;
        if (tx.Nonce < accountNonce)
        {
            return TxPoolAddResult.Refused(TxPoolError.NonceTooLow, hash, $"address {sender}, tx: {tx.Nonce} state: {accountNonce}");
        }

        var old = queue?.Get(tx.Nonce);
        var committed = queue is null ? UInt256.Zero : queue.TotalCost - (old?.Cost ?? UInt256.Zero);
        if (!UInt256.TryAdd(committed, cost, out var need) || need > balance)
        {
            return TxPoolAddResult.Refused(TxPoolError.InsufficientFunds, hash, $"balance {balance}, queued cost {committed}, tx cost {cost}");
        }

        if (old is not null && !TxPricing.IsSufficientReplacement(old.Transaction, tx, _options.PriceBumpPercent))
        {
            return TxPoolAddResult.Refused(
                TxPoolError.ReplacementUnderpriced, hash, $"needs max fee ≥ {TxPricing.BumpThreshold(old.Transaction.MaxFeePerGas, _options.PriceBumpPercent)} and tip ≥ {TxPricing.BumpThreshold(old.Transaction.MaxPriorityFeePerGas, _options.PriceBumpPercent)}");
        }

        if (old is null)
        {
            if (queue is not null && queue.Count >= _options.MaxPerSender)
            {
                return TxPoolAddResult.Refused(TxPoolError.AccountLimitExceeded, hash, $"address {sender} holds {queue.Count}, limit {_options.MaxPerSender}");
            }

            if (_byHash.Count >= _options.MaxPoolSize)
            {
                var victim = Tails().Min;
                if (victim is null || TxPricing.ComparePrice(tx, victim.Transaction, baseFee) <= 0)
                {
                    return TxPoolAddResult.Refused(TxPoolError.TxPoolFull, hash);
                }

                RemoveTail(victim, promoted);
                _senders.TryGetValue(sender, out queue);
            }
        }

        if (queue is null)
        {
            queue = new SenderQueue(accountNonce) { Head = head };
            _senders.Add(sender, queue);
        }

        var pooled = new PooledTx(tx, sender, _nextSequence++, size, cost);
        var before = BeginChange(queue);
        if (old is not null)
        {
            _byHash.Remove(old.Hash);
        }

        queue.Put(pooled);
        _byHash.Add(hash, pooled);
        EndChange(sender, queue, before, promoted);
        return TxPoolAddResult.Accepted(hash, pooled.IsPending, old?.Hash);
    }

    // Under the lock: a sender's tail leaves, so nothing behind it is demoted.
    private void RemoveTail(PooledTx victim, List<PooledTx> promoted)
    {
        var queue = _senders[victim.Sender];
        var before = BeginChange(queue);
        queue.Remove(victim);
        _byHash.Remove(victim.Hash);
        EndChange(victim.Sender, queue, before, promoted);
    }

    private (int Pending, int Count) BeginChange(SenderQueue queue)
    {
        if (queue.Tail is { } tail)
        {
            _tails?.Remove(tail);
        }

        return (queue.PendingCount, queue.Count);
    }

    private void EndChange(Address sender, SenderQueue queue, (int Pending, int Count) before, List<PooledTx> promoted)
    {
        queue.RecountPending(promoted);
        _pendingCount += queue.PendingCount - before.Pending;
        _queuedCount += queue.Count - queue.PendingCount - (before.Count - before.Pending);
        if (queue.Tail is { } tail)
        {
            _tails?.Add(tail);
        }
        else
        {
            _senders.Remove(sender);
        }
    }

    // Under the lock. Rebuilt here, not by every head: a pool that is not full never needs it.
    private SortedSet<PooledTx> Tails()
    {
        if (_tails is null)
        {
            _tails = new SortedSet<PooledTx>(new EvictionOrder(_baseFee));
            foreach (var queue in _senders.Values)
            {
                _tails.Add(queue.Tail!);
            }
        }

        return _tails;
    }

    private void RaiseNewPending(List<PooledTx> promoted)
    {
        if (promoted.Count > 0)
        {
            NewPending?.Invoke(this, new NewPendingTxsEventArgs(promoted));
        }
    }
}
