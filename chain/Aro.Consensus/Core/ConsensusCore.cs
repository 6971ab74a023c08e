using Aro.Consensus.Validators;
using Aro.Core;
using Aro.Core.Blocks;

namespace Aro.Consensus.Core;

/// <summary>
/// The Tendermint consensus algorithm (Buchman, Kwon, Milosevic 2018, arXiv 1807.04938, Algorithm 1)
/// as a synchronous state machine. Each input (<see cref="StartHeight"/>, <see cref="Handle"/>)
/// changes the state and returns the effects the node must perform; the core does no I/O, reads no
/// clock and has no randomness, so the same inputs give the same effects. Signing goes through the
/// injected <see cref="IConsensusSigner"/>, validity of proposed blocks through
/// <see cref="IProposalValidator"/>. Not thread-safe: one caller feeds it in order.
/// </summary>
public sealed partial class ConsensusCore
{
    private readonly ConsensusConfig _config;
    private readonly IConsensusSigner? _signer;
    private readonly IProposalValidator _validator;
    private readonly SortedDictionary<uint, RoundState> _rounds = [];
    // Keyed by the value object, not its hash: bytes that lie about their hash must not poison an honest value's verdict.
    private readonly Dictionary<BlockValue, bool> _validity = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<uint, int> _proposerByRound = [];
    private readonly List<ConsensusInput> _future = [];
    private List<ConsensusEffect> _effects = [];

    private ValidatorSet? _validators;
    private int _myIndex = -1;
    private BlockValue? _lockedValue;
    private int _lockedRound = -1;
    private BlockValue? _validValue;
    private int _validRound = -1;

    // "For the first time" guards of the paper's rules, per round (reset by StartRound).
    private bool _prevoteWaitScheduled;
    private bool _precommitWaitScheduled;
    private bool _polkaSeen;
    private bool _awaitingBlock;

    /// <param name="signer">Null for a node that follows consensus without voting.</param>
    public ConsensusCore(ConsensusConfig config, IConsensusSigner? signer, IProposalValidator validator)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(validator);
        config.Timeouts.Validate();
        _config = config;
        _signer = signer;
        _validator = validator;
    }

    public ulong Height { get; private set; }

    public uint Round { get; private set; }

    public RoundStep Step { get; private set; }

    public int LockedRound => _lockedRound;

    public Hash256? LockedBlock => _lockedValue?.Hash;

    public int ValidRound => _validRound;

    public Hash256? ValidBlock => _validValue?.Hash;

    public ValidatorSet? Validators => _validators;

    /// <summary>
    /// Starts <paramref name="height"/> at round 0 with its validator set (priorities as of round 0).
    /// Called once for the first height and after each <see cref="CommitBlock"/> for the next.
    /// Buffered messages for this height are processed now.
    /// </summary>
    public IReadOnlyList<ConsensusEffect> StartHeight(ulong height, ValidatorSet validators)
    {
        ArgumentNullException.ThrowIfNull(validators);
        if (Step != RoundStep.NotStarted && height <= Height)
        {
            throw new InvalidOperationException($"Height {height} does not follow the current height {Height}.");
        }

        BeginEffects();
        Height = height;
        _validators = validators;
        _myIndex = _signer is not null && validators.TryGetIndex(_signer.Address, out var index) ? index : -1;
        _rounds.Clear();
        _validity.Clear();
        _proposerByRound.Clear();
        _lockedValue = null;
        _lockedRound = -1;
        _validValue = null;
        _validRound = -1;
        StartRound(0);

        var buffered = _future.ToArray();
        _future.Clear();
        foreach (var input in buffered)
        {
            Dispatch(input);
        }

        return EndEffects();
    }

    /// <summary>Processes one input. Malformed or irrelevant inputs (wrong height, bad signature, unknown validator) are ignored.</summary>
    public IReadOnlyList<ConsensusEffect> Handle(ConsensusInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        BeginEffects();
        Dispatch(input);
        return EndEffects();
    }

    /// <summary>The proposer of <paramref name="round"/> at the current height.</summary>
    public int ProposerIndex(uint round)
    {
        var validators = RequireValidators();
        if (!_proposerByRound.TryGetValue(round, out var index))
        {
            index = validators.AdvanceProposer(round).ProposerIndex;
            _proposerByRound[round] = index;
        }

        return index;
    }

    private void Dispatch(ConsensusInput input)
    {
        switch (input)
        {
            case ProposalReceived p:
                OnProposal(p.Proposal);
                break;
            case VoteReceived v:
                if (RecordVote(v.Vote, verify: true))
                {
                    Evaluate();
                }

                break;
            case TimeoutElapsed t:
                OnTimeout(t.Timeout);
                break;
            case BlockReady b:
                OnBlockReady(b);
                break;
            case DecisionReceived d:
                OnDecision(d);
                break;
            default:
                throw new ArgumentException($"Unknown consensus input {input.GetType().Name}.", nameof(input));
        }
    }

    private void OnProposal(Proposal proposal)
    {
        if (!IsForThisHeight(proposal.Height, new ProposalReceived(proposal)) || !IsRoundInWindow(proposal.Round))
        {
            return;
        }

        var proposer = ProposerIndex(proposal.Round);
        if (proposal.ProposerIndex != (uint)proposer || !proposal.IsSignedBy(_config.ChainId, _validators![proposer].Address))
        {
            return;
        }

        var round = RoundAt(proposal.Round);
        if (round.Proposal is not null)
        {
            return; // the first proposal of a round stands; a second one from the proposer is ignored
        }

        round.Proposal = proposal;
        Evaluate();
    }

    /// <summary>Counts a vote; true when it is new. Rules are evaluated by the caller.</summary>
    private bool RecordVote(Vote vote, bool verify)
    {
        if (!IsForThisHeight(vote.Height, new VoteReceived(vote)) || !IsRoundInWindow(vote.Round))
        {
            return false;
        }

        var validators = _validators!;
        if (vote.ValidatorIndex >= (uint)validators.Count || validators[(int)vote.ValidatorIndex].Address != vote.Validator)
        {
            return false;
        }

        if (verify && !vote.Verify(_config.ChainId))
        {
            return false;
        }

        var index = (int)vote.ValidatorIndex;
        var power = (long)validators[index].Power;
        var round = RoundAt(vote.Round);
        var conflicting = round.Votes(vote.Type).Add(index, vote, power, out var counted);
        if (conflicting is not null)
        {
            Emit(new EvidenceFound(new DuplicateVoteEvidence(conflicting, vote)));
        }

        if (counted)
        {
            round.MarkParticipant(index, power);
        }

        return counted;
    }

    private void OnTimeout(TimeoutInfo timeout)
    {
        if (timeout.Height != Height || timeout.Round != Round || Step == RoundStep.Committed)
        {
            return;
        }

        switch (timeout.Step)
        {
            case RoundStep.Propose when Step == RoundStep.Propose:
                SignVote(VoteType.Prevote, null);
                Step = RoundStep.Prevote;
                break;
            case RoundStep.Prevote when Step == RoundStep.Prevote:
                SignVote(VoteType.Precommit, null);
                Step = RoundStep.Precommit;
                break;
            case RoundStep.Precommit:
                StartRound(Round + 1);
                break;
            default:
                return;
        }

        Evaluate();
    }

    /// <summary>
    /// Catch-up: peers decided this height and sent the block with its commit (2/3+ precommits).
    /// A commit that verifies against this height's set is the decision, whatever round this node is in.
    /// </summary>
    private void OnDecision(DecisionReceived decision)
    {
        var commit = decision.Commit;
        if (!IsForThisHeight(commit.Height, decision) || decision.Block.Hash != commit.BlockHash || !IsValid(decision.Block))
        {
            return;
        }

        try
        {
            _validators!.VerifyCommit(_config.ChainId, commit.BlockHash, commit.Height, commit);
        }
        catch (Validators.CommitVerificationException)
        {
            return;
        }

        Step = RoundStep.Committed;
        Emit(new CommitBlock(decision.Block, commit));
    }

    private void OnBlockReady(BlockReady ready)
    {
        if (ready.Height != Height || ready.Round != Round || Step != RoundStep.Propose || !_awaitingBlock)
        {
            return;
        }

        _awaitingBlock = false;
        SignProposal(ready.Block, -1);
        Evaluate();
    }

    /// <summary>True for the height being decided; holds messages for the next one (or any, before the first start).</summary>
    private bool IsForThisHeight(ulong height, ConsensusInput input)
    {
        if (Step == RoundStep.NotStarted || height == Height + 1)
        {
            if (_future.Count < _config.MaxBufferedFutureMessages)
            {
                _future.Add(input);
            }

            return false;
        }

        return height == Height && Step != RoundStep.Committed;
    }

    private bool IsRoundInWindow(uint round) => round <= (ulong)Round + _config.MaxRoundsAhead;

    private RoundState RoundAt(uint round)
    {
        if (!_rounds.TryGetValue(round, out var state))
        {
            state = new RoundState(_validators!.Count);
            _rounds[round] = state;
        }

        return state;
    }

    private ValidatorSet RequireValidators() =>
        _validators ?? throw new InvalidOperationException("Consensus has not started a height.");

    private bool IsValid(BlockValue value)
    {
        if (!_validity.TryGetValue(value, out var valid))
        {
            valid = _validator.IsValid(Height, value);
            _validity[value] = valid;
        }

        return valid;
    }

    private void BeginEffects() => _effects = [];

    private List<ConsensusEffect> EndEffects()
    {
        var effects = _effects;
        _effects = [];
        return effects;
    }

    private void Emit(ConsensusEffect effect) => _effects.Add(effect);
}
