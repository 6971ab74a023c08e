using System.Threading.Channels;
using Aro.Consensus.Core;
using Aro.Consensus.Evidence;
using Aro.Consensus.Signing;
using Aro.Consensus.Wal;
using Aro.Consensus.Wire;
using Aro.Core.Blocks;
using Aro.Network.Keys;
using Aro.Network.Sync;
using Aro.Node.Chain;
using Aro.Node.Production;
using Microsoft.Extensions.Logging;

namespace Aro.Node.Consensus;

/// <summary>
/// A validator's consensus: drives <see cref="ConsensusCore"/> from one loop. Peers' proposals and
/// votes, elapsed timers and built blocks are queued and handled in order; each input is written to
/// the WAL before the core sees it, this node's own proposals and votes are synced to the WAL before
/// they are sent, and every signature goes through the <see cref="GuardedSigner"/>. The timers here
/// are the only clock consensus sees. A decided block is committed with its commit and the next
/// height starts once <see cref="ProductionOptions.BlockInterval"/> has passed and transactions wait
/// or <see cref="ProductionOptions.EmptyBlockInterval"/> has passed (or a peer is already on it).
/// A node left behind (restarted, partitioned) catches up by block sync and rejoins at the new head.
/// </summary>
internal sealed class ConsensusService
{
    private static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan SyncCheckInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RebroadcastInterval = TimeSpan.FromSeconds(2);

    private readonly ChainNode _chain;
    private readonly IValidatorSetSource _sets;
    private readonly ConsensusCore _core;
    private readonly ConsensusWal _wal;
    private readonly GuardedSigner _signer;
    private readonly BlockCandidates _candidates;
    private readonly EvidencePool _evidence;
    private readonly ConsensusChannel _channel;
    private readonly BlockSyncService _syncService;
    private readonly BlockSyncClient _syncClient;
    private readonly ProductionOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Channel<object> _work = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<byte[]> _own = [];

    private CancellationToken _stopping;
    private bool _heightStarted;
    private bool _replaying;
    private bool _nextHeightSeen;
    private long _lastCommitAt;
    private long _lastRebroadcast;
    private long _lastSyncCheck;
    private ulong _behindAtHead = ulong.MaxValue;
    private Aro.Core.Hash256 _lastSetHash;

    public ConsensusService(ConsensusServiceParts parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        _chain = parts.Chain;
        _sets = parts.Validators;
        _signer = parts.Signer;
        _wal = parts.Wal;
        _syncService = parts.SyncService;
        _syncClient = parts.SyncClient;
        _options = parts.Options;
        _logger = parts.Logger;
        _time = parts.Time ?? TimeProvider.System;
        _evidence = new EvidencePool(
            _chain.ChainId, EvidenceMaxAgeHeights, h => h >= 1 && h <= _chain.Head.Number + 1 ? _sets.SetAt(h) : null, e => _chain.Store.GetEvidenceBlock(e) is not null);
        _candidates = new BlockCandidates(_chain, _sets, evidence: _evidence);
        _core = new ConsensusCore(new ConsensusConfig { ChainId = _chain.ChainId, Timeouts = parts.Timeouts ?? new TimeoutConfig() }, _signer, _candidates);
        _channel = new ConsensusChannel(parts.Host, m => _work.Writer.TryWrite(m), peer => _work.Writer.TryWrite(peer));
    }

    /// <summary>How far back evidence is accepted (heights).</summary>
    public const ulong EvidenceMaxAgeHeights = 100_000;

    /// <summary>Evidence of double signing this node holds, not yet committed in a block.</summary>
    public int PendingEvidence => _evidence.PendingCount;

    /// <summary>Runs consensus until <paramref name="stopping"/> is cancelled. A failure to commit a decided block faults the task (the node stops).</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        _stopping = stopping;
        _lastCommitAt = _time.GetTimestamp();
        _ = TickAsync(stopping);
        StartNextHeight(replay: true);
        try
        {
            await foreach (var item in _work.Reader.ReadAllAsync(stopping).ConfigureAwait(false))
            {
                switch (item)
                {
                    case Tick:
                        await OnTickAsync().ConfigureAwait(false);
                        break;
                    case NodeId peer:
                        foreach (var message in _own)
                        {
                            _channel.Send(peer, message);
                        }

                        break;
                    case DuplicateVoteEvidence evidence:
                        AddEvidence(evidence);
                        break;
                    case ConsensusInput input:
                        Feed(input);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped between inputs: every decided block was committed before its input returned.
        }
    }

    private async Task TickAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(TickInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
            {
                _work.Writer.TryWrite(Tick.Instance);
            }
        }
        catch (OperationCanceledException)
        {
            // Shutdown.
        }
    }

    private async Task OnTickAsync()
    {
        if (!_heightStarted && ShouldStartNextHeight())
        {
            StartNextHeight(replay: false);
        }

        if (_heightStarted && _own.Count > 0 && _time.GetElapsedTime(_lastRebroadcast) >= RebroadcastInterval && _time.GetElapsedTime(_lastCommitAt) >= RebroadcastInterval)
        {
            // A round that makes no progress: peers that lost our messages (restarted, reconnected) get them again.
            _lastRebroadcast = _time.GetTimestamp();
            foreach (var message in _own)
            {
                _channel.Broadcast(message);
            }
        }

        if (_time.GetElapsedTime(_lastSyncCheck) >= SyncCheckInterval)
        {
            _lastSyncCheck = _time.GetTimestamp();
            await CatchUpAsync().ConfigureAwait(false);
        }
    }

    private bool ShouldStartNextHeight()
    {
        if (_nextHeightSeen)
        {
            return true;
        }

        var sinceCommit = _time.GetElapsedTime(_lastCommitAt);
        if (sinceCommit < _options.BlockInterval)
        {
            return false;
        }

        return _chain.TxPool.PendingCount > 0 || (_options.EmptyBlockInterval is { } empty && sinceCommit + (_options.BlockInterval / 2) >= empty);
    }

    /// <summary>Block sync when a peer has been ahead of this node's head for a whole check interval (a peer one block ahead is usually just faster to commit).</summary>
    private async Task CatchUpAsync()
    {
        var head = _chain.Head.Number;
        var ahead = false;
        foreach (var (_, status) in _syncService.PeerStatuses)
        {
            ahead |= status.Height > head;
        }

        if (!ahead)
        {
            _behindAtHead = ulong.MaxValue;
            return;
        }

        if (_behindAtHead != head)
        {
            _behindAtHead = head;
            return;
        }

        try
        {
            var after = await _syncClient.SyncAsync(head, _stopping).ConfigureAwait(false);
            if (after > head)
            {
                Log(LogLevel.Information, "Synced blocks {From}–{To} from peers; rejoining consensus at {Next}", head + 1, after, after + 1);
                _wal.EndHeight(after);
                _evidence.DropCommitted();
                _candidates.Clear();
                _own.Clear();
                _lastCommitAt = _time.GetTimestamp();
                StartNextHeight(replay: false);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log(LogLevel.Warning, "Block sync failed at height {Height}: {Error}", head, e.Message);
        }
    }

    private void StartNextHeight(bool replay)
    {
        var height = _chain.Head.Number + 1;
        if (_core.Step != RoundStep.NotStarted && _core.Height >= height)
        {
            _heightStarted = _core.Step != RoundStep.Committed;
            return;
        }

        _heightStarted = true;
        _nextHeightSeen = false;
        _own.Clear();
        _lastRebroadcast = _time.GetTimestamp();
        var set = _sets.SetAt(height);
        NoteSetChange(height, set);
        Perform(_core.StartHeight(height, set));
        if (!replay)
        {
            return;
        }

        var inputs = _wal.ReadHeight(height);
        _replaying = true;
        try
        {
            foreach (var input in inputs)
            {
                Perform(_core.Handle(input));
            }
        }
        finally
        {
            _replaying = false;
        }

        if (inputs.Count > 0)
        {
            Log(LogLevel.Information, "Replayed {Count} consensus WAL records of height {Height}: round {Round}, step {Step}", inputs.Count, height, _core.Round, _core.Step);
        }

        LeaveRoundOfUnsentSignature(height, set, inputs);
    }

    /// <summary>
    /// A kill between the signer saving a signature and the WAL logging the message leaves the signer
    /// ahead of the replay: it refuses to sign that round's earlier steps again, or the same step for a
    /// block rebuilt after the restart, so the round can never complete with this node's votes (a lone
    /// validator halts for good). The message was never sent (the WAL write comes before the
    /// broadcast), so nobody counted it and the lock the replay restored is still the whole truth:
    /// moving on to the next round, as a precommit timeout would, is safe.
    /// </summary>
    private void LeaveRoundOfUnsentSignature(ulong height, Aro.Consensus.Validators.ValidatorSet set, IReadOnlyList<ConsensusInput> replayed)
    {
        if (_signer.LastSigned is not { } signed || signed.Height != height || _core.Round > signed.Round)
        {
            return;
        }

        var myIndex = set.TryGetIndex(_signer.Address, out var index) ? (uint)index : uint.MaxValue;
        foreach (var input in replayed)
        {
            var sent = input switch
            {
                ProposalReceived p when p.Proposal.ProposerIndex == myIndex => (p.Proposal.Round, SignStep.Proposal),
                VoteReceived v when v.Vote.Validator == _signer.Address => (v.Vote.Round, v.Vote.Type == VoteType.Prevote ? SignStep.Prevote : SignStep.Precommit),
                _ => ((uint Round, SignStep Step)?)null,
            };
            if (sent is { } own && signed.CompareStep(height, own.Round, own.Step) == 0)
            {
                return; // the last signature was logged, so it was sent: the replay carries it
            }
        }

        Log(LogLevel.Warning, "The validator key signed {Step} at {Height}/{Round} but the consensus WAL has no such message (stopped in between); it was never sent, moving on to round {Next}", signed.Step, height, signed.Round, signed.Round + 1);
        while (_core.Round <= signed.Round && _core.Step != RoundStep.Committed)
        {
            // Logged like any input, so a later replay takes the same way out of the round.
            var leave = new TimeoutElapsed(new TimeoutInfo(height, _core.Round, RoundStep.Precommit));
            _wal.AppendInput(leave, sync: true);
            Perform(_core.Handle(leave));
        }
    }

    /// <summary>Logs the set a height starts with when it differs from the last one (at start, and at epoch changes).</summary>
    private void NoteSetChange(ulong height, Aro.Consensus.Validators.ValidatorSet set)
    {
        if (set.Hash == _lastSetHash)
        {
            return;
        }

        _lastSetHash = set.Hash;
        var members = new string[set.Count];
        for (var i = 0; i < members.Length; i++)
        {
            members[i] = $"{set[i].Address}:{set[i].Power}";
        }

        Log(
            LogLevel.Information,
            "Validator set from height {Height} (epoch {Epoch}): {Count} members, total power {TotalPower}, hash {Hash}, this node {Role}; members {Members}",
            height, _sets.EpochOf(height), set.Count, set.TotalPower, set.Hash, set.TryGetIndex(_signer.Address, out _) ? "signs" : "follows (not in the set)", string.Join(", ", members));
    }

    private void Feed(ConsensusInput input)
    {
        var height = input switch
        {
            ProposalReceived p => p.Proposal.Height,
            VoteReceived v => v.Vote.Height,
            TimeoutElapsed t => t.Timeout.Height,
            BlockReady b => b.Height,
            _ => 0UL,
        };
        var head = _chain.Head.Number;
        if (height <= head)
        {
            return; // decided already; block sync serves anyone still on it
        }

        if (!_heightStarted && height == head + 1 && input is ProposalReceived or VoteReceived)
        {
            _nextHeightSeen = true;
        }

        _wal.AppendInput(input, sync: false);
        var effects = _core.Handle(input);
        if (input is ProposalReceived received && _candidates.LastRefusal is { } refusal)
        {
            Log(LogLevel.Warning, "Refused the proposal of block {Hash} at {Height}/{Round}: {Reason}", received.Proposal.Value, received.Proposal.Height, received.Proposal.Round, refusal);
        }

        Perform(effects);
    }

    private void Perform(IReadOnlyList<ConsensusEffect> effects)
    {
        foreach (var effect in effects)
        {
            switch (effect)
            {
                case BroadcastProposal p:
                    SendOwn(new ProposalReceived(p.Proposal), ConsensusMessage.Encode(p.Proposal));
                    break;
                case BroadcastVote v:
                    SendOwn(new VoteReceived(v.Vote), ConsensusMessage.Encode(v.Vote));
                    break;
                case ScheduleTimeout t:
                    Schedule(t);
                    break;
                case RequestBlock r:
                    if (r.Height == _chain.Head.Number + 1)
                    {
                        var block = _candidates.Build(_signer.Address, (ulong)_time.GetUtcNow().ToUnixTimeSeconds());
                        _work.Writer.TryWrite(new BlockReady(r.Height, r.Round, block));
                    }

                    break;
                case CommitBlock c:
                    Commit(c.Block, c.Commit);
                    break;
                case EvidenceFound e:
                    AddEvidence(e.Evidence);
                    break;
            }
        }
    }

    private void SendOwn(ConsensusInput asInput, byte[] message)
    {
        if (!_replaying)
        {
            // On disk before anyone can see it: after a crash the replay knows what this node said.
            _wal.AppendInput(asInput, sync: true);
        }

        _own.Add(message);
        _channel.Broadcast(message);
    }

    private void Schedule(ScheduleTimeout timeout)
    {
        var input = new TimeoutElapsed(timeout.Timeout);
        _ = Task.Delay(timeout.After, _time, _stopping)
            .ContinueWith(_ => _work.Writer.TryWrite(input), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    private void Commit(BlockValue value, Commit commit)
    {
        if (_chain.Head.Number >= commit.Height)
        {
            return; // block sync got there first
        }

        var executed = _candidates.Get(value.Hash);
        if (executed is null && _candidates.IsValid(commit.Height, value))
        {
            executed = _candidates.Get(value.Hash);
        }

        if (executed is null)
        {
            throw new InvalidOperationException($"consensus decided block {commit.Height} {value.Hash}, which does not execute on the head: {_candidates.LastRefusal}");
        }

        try
        {
            _chain.CommitBlock(executed.Block, executed.Result.Receipts, executed.Senders, commit, executed.State, executed.Result.BlockEvents);
        }
        catch (Exception e)
        {
            if (_logger.IsEnabled(LogLevel.Critical))
            {
                _logger.LogCritical(e, "Committing decided block {Number} failed; stopping the node (the database ends at the last committed block)", commit.Height);
            }

            throw;
        }

        _wal.EndHeight(commit.Height);
        _candidates.Clear();
        _own.Clear();
        _heightStarted = false;
        _lastCommitAt = _time.GetTimestamp();
        _evidence.MarkCommitted(executed.Block.Body.Evidence, commit.Height);
        _evidence.Prune(commit.Height);
        var header = executed.Block.Header;
        Log(
            LogLevel.Information,
            "Committed block {Number} {Hash} txs={Transactions} evidence={Evidence} round={Round} signatures={Signatures} proposer={Proposer}",
            header.Number, header.Hash, executed.Block.Body.Transactions.Length, executed.Block.Body.Evidence.Length, commit.Round, commit.Signatures.Length, header.Proposer);
        foreach (var evidence in executed.Block.Body.Evidence)
        {
            Log(LogLevel.Warning, "Block {Number} commits double-sign evidence against {Validator} ({Type} at {Height}/{Round})", header.Number, evidence.Validator, evidence.Type, evidence.Height, evidence.Round);
        }
    }

    private void AddEvidence(DuplicateVoteEvidence evidence)
    {
        var result = _evidence.Add(evidence, Math.Max(_core.Height, _chain.Head.Number));
        if (result == EvidenceAddResult.Added)
        {
            Log(LogLevel.Warning, "Double-sign evidence: validator {Validator} signed two {Type}s at {Height}/{Round}", evidence.Validator, evidence.Type, evidence.Height, evidence.Round);
            _channel.Broadcast(ConsensusMessage.Encode(evidence));
        }
    }

    private void Log(LogLevel level, string message, params object?[] args)
    {
        if (_logger.IsEnabled(level))
        {
#pragma warning disable CA2254 // The templates are the constants above.
            _logger.Log(level, message, args);
#pragma warning restore CA2254
        }
    }

    private sealed class Tick
    {
        public static readonly Tick Instance = new();
    }
}
