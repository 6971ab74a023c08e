using Aro.Consensus.Core;
using Aro.Consensus.Validators;
using Aro.Core;

namespace Aro.Consensus.Tests.Support;

/// <summary>
/// Runs one <see cref="ConsensusCore"/> per validator with no sockets and no clock: broadcasts go into
/// one queue, timeouts into a list ordered by virtual time. Each step delivers a queued message (the
/// first, or a seeded random one) or, when none is left (or by a seeded coin), fires the earliest
/// timeout. Everything is deterministic for a given seed.
/// </summary>
internal sealed class SimulatedNetwork
{
    private readonly TestValidators _validators;
    private readonly List<ValidatorSet> _sets = [];
    private readonly List<(int To, ConsensusInput Input)> _queue = [];
    private readonly List<(int Node, TimeoutInfo Timeout, long Due, long Sequence)> _timers = [];
    private readonly Random? _random;
    private readonly HashSet<(int Node, object Message)> _relayed = [];
    private long _sequence;

    public SimulatedNetwork(TestValidators validators, int? seed = null, ConsensusConfig? config = null)
    {
        _validators = validators;
        _random = seed is { } s ? new Random(s) : null;
        _sets.Add(validators.Set);
        Config = config ?? new ConsensusConfig { ChainId = TestValidators.ChainId };
        Nodes = [.. Enumerable.Range(0, validators.Count).Select(i => new Node(i, new ConsensusCore(Config, validators.Signer(i), new HashCheckingValidator())))];
    }

    public ConsensusConfig Config { get; }

    public Node[] Nodes { get; }

    public long Now { get; private set; }

    public ulong TargetHeight { get; set; } = 1;

    /// <summary>Nodes that neither send nor receive (crashed from the start).</summary>
    public HashSet<int> Offline { get; } = [];

    /// <summary>Nodes whose outgoing messages are rewritten by <see cref="Byzantine"/>; excluded from agreement checks.</summary>
    public HashSet<int> Faulty { get; } = [];

    /// <summary>Given a faulty node and one of its broadcasts, the (recipient, input) pairs actually sent.</summary>
    public Func<int, ConsensusEffect, IEnumerable<(int To, ConsensusInput Input)>>? Byzantine { get; set; }

    /// <summary>Chance that a delivered message is delivered again later.</summary>
    public double DuplicateProbability { get; set; }

    /// <summary>Chance of firing the earliest timeout while messages are still in flight (asynchrony).</summary>
    public double EarlyTimeoutProbability { get; set; }

    /// <summary>Deliver newest first instead of oldest first (when no seed picks at random).</summary>
    public bool NewestFirst { get; set; }

    public int Delivered { get; private set; }

    /// <summary>
    /// Honest nodes pass on each proposal and vote they receive, once (the gossip the paper's
    /// liveness relies on: what one correct process receives, all eventually receive).
    /// </summary>
    public bool Gossip { get; set; } = true;

    public ValidatorSet SetAt(ulong height)
    {
        while ((ulong)_sets.Count < height)
        {
            _sets.Add(_sets[^1].AdvanceProposer(1));
        }

        return _sets[(int)height - 1];
    }

    public IEnumerable<Node> Honest => Nodes.Where(n => !Offline.Contains(n.Index) && !Faulty.Contains(n.Index));

    /// <summary>Runs until every honest online node committed <see cref="TargetHeight"/>; false when it stalls or runs out of steps.</summary>
    public bool Run(int maxSteps = 100_000)
    {
        foreach (var node in Nodes.Where(n => !Offline.Contains(n.Index)))
        {
            Process(node, node.Core.StartHeight(1, SetAt(1)));
        }

        for (var step = 0; step < maxSteps; step++)
        {
            if (Honest.All(n => n.Commits.ContainsKey(TargetHeight)))
            {
                return true;
            }

            var fireTimer = _timers.Count > 0 && (_queue.Count == 0 || (_random is not null && _random.NextDouble() < EarlyTimeoutProbability));
            if (fireTimer)
            {
                FireEarliestTimer();
            }
            else if (_queue.Count > 0)
            {
                DeliverOne();
            }
            else
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Where each node is, for failure messages.</summary>
    public string Describe() =>
        $"t={Now} queue={_queue.Count} timers={_timers.Count} delivered={Delivered}; "
        + string.Join("; ", Nodes.Select(n => $"#{n.Index}{(Faulty.Contains(n.Index) ? "(faulty)" : "")} h={n.Core.Height} r={n.Core.Round} {n.Core.Step} locked={n.Core.LockedRound} commits={n.Commits.Count}"))
        + "; timers: " + string.Join(",", _timers.Select(t => $"#{t.Node}:{t.Timeout.Height}/{t.Timeout.Round}/{t.Timeout.Step}@{t.Due}"));

    /// <summary>Every height committed by two honest nodes was committed with the same block, and each commit proves it.</summary>
    public void AssertAgreementAndValidity()
    {
        var decided = new Dictionary<ulong, Hash256>();
        foreach (var node in Honest)
        {
            foreach (var (height, commit) in node.Commits)
            {
                if (decided.TryGetValue(height, out var other))
                {
                    Assert.True(other == commit.Block.Hash, $"height {height}: node {node.Index} decided {commit.Block} but another honest node decided {other}");
                }
                else
                {
                    decided[height] = commit.Block.Hash;
                }

                Assert.True(new HashCheckingValidator().IsValid(height, commit.Block), $"height {height}: node {node.Index} decided an invalid block");
                SetAt(height).VerifyCommit(TestValidators.ChainId, commit.Block.Hash, height, commit.Commit);
            }
        }
    }

    private void DeliverOne()
    {
        int index = _random is not null ? _random.Next(_queue.Count) : NewestFirst ? _queue.Count - 1 : 0;
        var (to, input) = _queue[index];
        if (HeightOf(input) > Nodes[to].Core.Height + 1)
        {
            // Gossip keeps re-sending what a lagging peer has not seen; model that by holding the
            // message until the peer is one height behind it (the core buffers only the next height).
            var held = _queue[index];
            _queue.RemoveAt(index);
            if (NewestFirst)
            {
                _queue.Insert(0, held);
            }
            else
            {
                _queue.Add(held);
            }

            if (_queue.All(m => HeightOf(m.Input) > Nodes[m.To].Core.Height + 1))
            {
                FireEarliestTimer();
            }

            return;
        }

        _queue.RemoveAt(index);
        if (_random is not null && _random.NextDouble() < DuplicateProbability)
        {
            _queue.Add((to, input));
        }

        Delivered++;
        Process(Nodes[to], Nodes[to].Core.Handle(input));
        if (Gossip && !Faulty.Contains(to))
        {
            object? message = input switch
            {
                VoteReceived v => v.Vote,
                ProposalReceived p => (p.Proposal.Height, p.Proposal.Round, p.Proposal.Value.Hash),
                _ => null,
            };
            if (message is not null && _relayed.Add((to, message)))
            {
                foreach (var peer in Nodes.Where(n => n.Index != to))
                {
                    Enqueue(peer.Index, input);
                }
            }
        }
    }

    private static ulong HeightOf(ConsensusInput input) => input switch
    {
        ProposalReceived p => p.Proposal.Height,
        VoteReceived v => v.Vote.Height,
        DecisionReceived d => d.Commit.Height,
        _ => 0,
    };

    private void FireEarliestTimer()
    {
        if (_timers.Count == 0)
        {
            return;
        }

        var earliest = 0;
        for (var i = 1; i < _timers.Count; i++)
        {
            if (_timers[i].Due < _timers[earliest].Due || (_timers[i].Due == _timers[earliest].Due && _timers[i].Sequence < _timers[earliest].Sequence))
            {
                earliest = i;
            }
        }

        var timer = _timers[earliest];
        _timers.RemoveAt(earliest);
        Now = Math.Max(Now, timer.Due);
        var node = Nodes[timer.Node];
        Process(node, node.Core.Handle(new TimeoutElapsed(timer.Timeout)));
    }

    private void Process(Node node, IReadOnlyList<ConsensusEffect> effects)
    {
        foreach (var effect in effects)
        {
            node.Effects.Add(effect);
            switch (effect)
            {
                case BroadcastProposal or BroadcastVote:
                    Broadcast(node.Index, effect);
                    break;
                case ScheduleTimeout schedule:
                    _timers.Add((node.Index, schedule.Timeout, Now + (long)schedule.After.TotalMilliseconds, _sequence++));
                    break;
                case RequestBlock request:
                    var value = TestBlocks.Value($"block h{request.Height} r{request.Round} by {node.Index}");
                    Process(node, node.Core.Handle(new BlockReady(request.Height, request.Round, value)));
                    break;
                case CommitBlock commit:
                    var height = commit.Commit.Height;
                    Assert.False(node.Commits.ContainsKey(height), $"node {node.Index} committed height {height} twice");
                    node.Commits[height] = commit;
                    if (!Offline.Contains(node.Index))
                    {
                        // Peers that are behind get the decided block with its commit (block sync / commit gossip).
                        foreach (var peer in Nodes.Where(p => p.Index != node.Index))
                        {
                            Enqueue(peer.Index, new DecisionReceived(commit.Block, commit.Commit));
                        }
                    }

                    if (height < TargetHeight)
                    {
                        Process(node, node.Core.StartHeight(height + 1, SetAt(height + 1)));
                    }

                    break;
                case EvidenceFound found:
                    node.Evidence.Add(found.Evidence);
                    break;
            }
        }
    }

    private void Broadcast(int from, ConsensusEffect effect)
    {
        if (Offline.Contains(from))
        {
            return;
        }

        if (Faulty.Contains(from) && Byzantine is not null)
        {
            foreach (var message in Byzantine(from, effect))
            {
                Enqueue(message.To, message.Input);
            }

            return;
        }

        ConsensusInput input = effect switch
        {
            BroadcastProposal p => new ProposalReceived(p.Proposal),
            BroadcastVote v => new VoteReceived(v.Vote),
            _ => throw new ArgumentException("not a broadcast", nameof(effect)),
        };
        for (var to = 0; to < Nodes.Length; to++)
        {
            if (to != from)
            {
                Enqueue(to, input);
            }
        }
    }

    private void Enqueue(int to, ConsensusInput input)
    {
        if (!Offline.Contains(to))
        {
            _queue.Add((to, input));
        }
    }

    internal sealed class Node(int index, ConsensusCore core)
    {
        public int Index { get; } = index;

        public ConsensusCore Core { get; } = core;

        public SortedDictionary<ulong, CommitBlock> Commits { get; } = [];

        public List<Aro.Core.Blocks.DuplicateVoteEvidence> Evidence { get; } = [];

        public List<ConsensusEffect> Effects { get; } = [];
    }
}
