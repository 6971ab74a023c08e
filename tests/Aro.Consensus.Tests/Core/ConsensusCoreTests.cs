using Aro.Consensus.Core;
using Aro.Consensus.Tests.Support;
using Aro.Core.Blocks;

namespace Aro.Consensus.Tests.Core;

/// <summary>One validator's core fed scripted messages from the other three of four equal validators.</summary>
public sealed class ConsensusCoreTests
{
    private readonly TestValidators _validators = TestValidators.Equal(4);
    private readonly ConsensusCore _core;
    private readonly int _me;
    private readonly int _proposer0;
    private readonly int _proposer1;
    private readonly List<int> _others;

    public ConsensusCoreTests()
    {
        _proposer0 = _validators.Set.ProposerIndex;
        _proposer1 = _validators.Set.AdvanceProposer(1).ProposerIndex;
        var proposer2 = _validators.Set.AdvanceProposer(2).ProposerIndex;
        _me = Enumerable.Range(0, 4).First(i => i != _proposer0 && i != _proposer1 && i != proposer2);
        _others = [.. Enumerable.Range(0, 4).Where(i => i != _me)];
        _core = new ConsensusCore(new ConsensusConfig { ChainId = TestValidators.ChainId }, _validators.Signer(_me), new HashCheckingValidator());
        _core.StartHeight(1, _validators.Set);
    }

    [Fact]
    public void Start_of_height_schedules_the_propose_timeout_and_waits()
    {
        var core = new ConsensusCore(new ConsensusConfig { ChainId = TestValidators.ChainId }, _validators.Signer(_me), new HashCheckingValidator());

        var effects = core.StartHeight(1, _validators.Set);

        var schedule = Assert.IsType<ScheduleTimeout>(Assert.Single(effects));
        Assert.Equal(new TimeoutInfo(1, 0, RoundStep.Propose), schedule.Timeout);
        Assert.Equal(RoundStep.Propose, core.Step);
    }

    [Fact]
    public void Proposer_asks_for_a_block_then_proposes_and_prevotes_it()
    {
        var core = new ConsensusCore(new ConsensusConfig { ChainId = TestValidators.ChainId }, _validators.Signer(_proposer0), new HashCheckingValidator());
        Assert.Contains(new RequestBlock(1, 0), core.StartHeight(1, _validators.Set));
        var block = TestBlocks.Value("a");

        var effects = core.Handle(new BlockReady(1, 0, block));

        Assert.Equal(block.Hash, Assert.Single(effects.OfType<BroadcastProposal>()).Proposal.Value.Hash);
        Assert.Equal(block.Hash, Assert.Single(Votes(effects)).BlockHash);
    }

    [Fact]
    public void Valid_proposal_gets_a_prevote_for_its_block()
    {
        var block = TestBlocks.Value("a");

        var vote = Assert.Single(Votes(_core.Handle(new ProposalReceived(_validators.Proposal(_proposer0, 1, 0, block)))));

        Assert.Equal((VoteType.Prevote, block.Hash), (vote.Type, vote.BlockHash));
        Assert.Equal(RoundStep.Prevote, _core.Step);
    }

    [Fact]
    public void Invalid_proposal_gets_a_nil_prevote()
    {
        var vote = Assert.Single(Votes(_core.Handle(new ProposalReceived(_validators.Proposal(_proposer0, 1, 0, TestBlocks.Value("invalid block"))))));

        Assert.True(vote.IsNil);
    }

    [Fact]
    public void Proposal_from_a_validator_that_is_not_the_proposer_is_ignored()
    {
        var notProposer = _others.First(i => i != _proposer0);

        Assert.Empty(_core.Handle(new ProposalReceived(_validators.Proposal(notProposer, 1, 0, TestBlocks.Value("a")))));
        Assert.Equal(RoundStep.Propose, _core.Step);
    }

    [Fact]
    public void Proposal_signed_for_another_chain_is_ignored()
    {
        var value = TestBlocks.Value("a");
        var otherChain = Aro.Consensus.Core.Proposal.SignBytes.SigningHash(TestValidators.ChainId + 1, 1, 0, -1, value.Hash);
        var signature = CommitSignature.Sign((uint)_proposer0, otherChain, _validators.Keys[_proposer0]);

        Assert.Empty(_core.Handle(new ProposalReceived(new Proposal(1, 0, -1, value, (uint)_proposer0, signature.Signature))));
        Assert.Equal(RoundStep.Propose, _core.Step);
    }

    [Fact]
    public void Propose_timeout_gives_a_nil_prevote()
    {
        var vote = Assert.Single(Votes(_core.Handle(new TimeoutElapsed(new TimeoutInfo(1, 0, RoundStep.Propose)))));

        Assert.True(vote.IsNil);
        Assert.Equal(RoundStep.Prevote, _core.Step);
    }

    [Fact]
    public void Stale_timeouts_are_ignored()
    {
        Assert.Empty(_core.Handle(new TimeoutElapsed(new TimeoutInfo(1, 3, RoundStep.Propose))));
        Assert.Empty(_core.Handle(new TimeoutElapsed(new TimeoutInfo(2, 0, RoundStep.Propose))));
        Assert.Equal(RoundStep.Propose, _core.Step);
    }

    [Fact]
    public void Two_thirds_prevotes_for_the_proposal_lock_it_and_precommit_it()
    {
        var block = TestBlocks.Value("a");
        _core.Handle(new ProposalReceived(_validators.Proposal(_proposer0, 1, 0, block)));

        var effects = Feed(_others.Take(2).Select(i => _validators.Prevote(i, 1, 0, block)));

        var precommit = Assert.Single(Votes(effects), v => v.Type == VoteType.Precommit);
        Assert.Equal(block.Hash, precommit.BlockHash);
        Assert.Equal((0, block.Hash), (_core.LockedRound, _core.LockedBlock));
        Assert.Equal((0, block.Hash), (_core.ValidRound, _core.ValidBlock));
    }

    [Fact]
    public void Two_thirds_nil_prevotes_give_a_nil_precommit()
    {
        _core.Handle(new TimeoutElapsed(new TimeoutInfo(1, 0, RoundStep.Propose)));

        var effects = Feed(_others.Take(2).Select(i => _validators.Prevote(i, 1, 0, null)));

        Assert.True(Assert.Single(Votes(effects)).IsNil);
        Assert.Equal(RoundStep.Precommit, _core.Step);
    }

    [Fact]
    public void Two_thirds_precommits_for_the_proposal_commit_it_with_those_signatures()
    {
        var block = TestBlocks.Value("a");
        _core.Handle(new ProposalReceived(_validators.Proposal(_proposer0, 1, 0, block)));

        var effects = Feed(_others.Take(3).Select(i => _validators.Precommit(i, 1, 0, block)));

        var commit = Assert.Single(effects.OfType<CommitBlock>());
        Assert.Equal(block.Hash, commit.Block.Hash);
        _validators.Set.VerifyCommit(TestValidators.ChainId, block.Hash, 1, commit.Commit);
        Assert.Equal(RoundStep.Committed, _core.Step);
    }

    [Fact]
    public void Precommits_without_the_proposal_do_not_commit_until_it_arrives()
    {
        var block = TestBlocks.Value("a");
        Assert.Empty(Feed(_others.Take(3).Select(i => _validators.Precommit(i, 1, 0, block))).OfType<CommitBlock>());

        var effects = _core.Handle(new ProposalReceived(_validators.Proposal(_proposer0, 1, 0, block)));

        Assert.Single(effects.OfType<CommitBlock>());
    }

    [Fact]
    public void Locked_validator_prevotes_nil_for_a_different_block_in_a_later_round()
    {
        var a = TestBlocks.Value("a");
        LockOn(a);

        var effects = _core.Handle(new ProposalReceived(_validators.Proposal(_proposer1, 1, 1, TestBlocks.Value("b"))));

        var prevote = Assert.Single(Votes(effects));
        Assert.Equal((VoteType.Prevote, 1u), (prevote.Type, prevote.Round));
        Assert.True(prevote.IsNil);
        Assert.Equal(a.Hash, _core.LockedBlock);
    }

    [Fact]
    public void Locked_validator_prevotes_its_locked_block_when_proposed_again()
    {
        var a = TestBlocks.Value("a");
        LockOn(a);

        var effects = _core.Handle(new ProposalReceived(_validators.Proposal(_proposer1, 1, 1, a, polRound: 0)));

        Assert.Equal(a.Hash, Assert.Single(Votes(effects)).BlockHash);
    }

    [Fact]
    public void Locked_validator_unlocks_for_a_block_with_a_newer_proof_of_lock()
    {
        var a = TestBlocks.Value("a");
        var b = TestBlocks.Value("b");
        LockOn(a);
        // Round 1: the others saw 2/3+ prevotes for b; this validator missed them and moves to round 2.
        Feed(_others.Select(i => _validators.Prevote(i, 1, 1, b)));
        Feed(_others.Select(i => _validators.Precommit(i, 1, 1, null)));
        _core.Handle(new TimeoutElapsed(new TimeoutInfo(1, 1, RoundStep.Precommit)));
        Assert.Equal(2u, _core.Round);
        var proposer2 = _validators.Set.AdvanceProposer(2).ProposerIndex;

        var effects = _core.Handle(new ProposalReceived(_validators.Proposal(proposer2, 1, 2, b, polRound: 1)));

        Assert.Equal(b.Hash, Assert.Single(Votes(effects)).BlockHash);
    }

    [Fact]
    public void Votes_from_more_than_a_third_in_a_later_round_move_to_that_round()
    {
        var effects = Feed(_others.Take(2).Select(i => _validators.Prevote(i, 1, 5, null)));

        Assert.Equal(5u, _core.Round);
        Assert.Contains(effects, e => e is ScheduleTimeout { Timeout: { Round: 5, Step: RoundStep.Propose } });
    }

    [Fact]
    public void Votes_from_a_third_or_less_in_a_later_round_do_not_move()
    {
        Feed([_validators.Prevote(_others[0], 1, 5, null)]);

        Assert.Equal(0u, _core.Round);
    }

    [Fact]
    public void Vote_with_a_forged_signature_is_ignored()
    {
        var real = _validators.Prevote(_others[0], 1, 0, null);
        var forged = new Vote(real.Type, real.Height, real.Round, TestBlocks.Value("x").Hash, real.ValidatorIndex, real.Validator, real.Signature);
        var block = TestBlocks.Value("x");
        _core.Handle(new ProposalReceived(_validators.Proposal(_proposer0, 1, 0, block)));

        var effects = Feed([forged, _validators.Prevote(_others[1], 1, 0, block)]);

        Assert.DoesNotContain(Votes(effects), v => v.Type == VoteType.Precommit);
    }

    [Fact]
    public void Conflicting_votes_from_one_validator_become_evidence()
    {
        var first = _validators.Prevote(_others[0], 1, 0, TestBlocks.Value("a"));
        var second = _validators.Prevote(_others[0], 1, 0, TestBlocks.Value("b"));

        var effects = Feed([first, second]);

        var evidence = Assert.Single(effects.OfType<EvidenceFound>()).Evidence;
        Assert.Equal(new DuplicateVoteEvidence(first, second), evidence);
    }

    [Fact]
    public void Messages_for_the_next_height_are_held_until_it_starts()
    {
        var a = TestBlocks.Value("a");
        var next = TestBlocks.Value("next");
        _core.Handle(new ProposalReceived(_validators.Proposal(_proposer0, 1, 0, a)));
        var set2 = _validators.Set.AdvanceProposer(1);
        var early = _validators.Proposal(set2.ProposerIndex, 2, 0, next);
        Assert.Empty(_core.Handle(new ProposalReceived(early)));
        Feed(_others.Take(3).Select(i => _validators.Precommit(i, 1, 0, a)));

        Assert.NotEqual(_me, set2.ProposerIndex);

        var effects = _core.StartHeight(2, set2);

        var prevote = Assert.Single(Votes(effects));
        Assert.Equal((2UL, next.Hash), (prevote.Height, prevote.BlockHash));
    }

    [Fact]
    public void Decision_from_a_peer_with_a_valid_commit_is_committed_in_any_round()
    {
        var block = TestBlocks.Value("a");
        _core.Handle(new TimeoutElapsed(new TimeoutInfo(1, 0, RoundStep.Propose)));

        var effects = _core.Handle(new DecisionReceived(block, _validators.Commit(1, 3, block.Hash, _others.ToArray())));

        Assert.Equal(block.Hash, Assert.Single(effects.OfType<CommitBlock>()).Block.Hash);
        Assert.Equal(RoundStep.Committed, _core.Step);
    }

    [Fact]
    public void Decision_with_a_commit_short_of_two_thirds_is_ignored()
    {
        var block = TestBlocks.Value("a");

        var effects = _core.Handle(new DecisionReceived(block, _validators.Commit(1, 0, block.Hash, _others.Take(2).ToArray())));

        Assert.Empty(effects);
        Assert.Equal(RoundStep.Propose, _core.Step);
    }

    [Fact]
    public void Equivocating_validator_counts_towards_each_block_it_voted_for()
    {
        var block = TestBlocks.Value("a");
        _core.Handle(new ProposalReceived(_validators.Proposal(_proposer0, 1, 0, block)));
        var equivocator = _others[0];

        // Own prevote for a, one honest prevote for a, and the equivocator's second prevote (for a) after one for b.
        var effects = Feed([
            _validators.Prevote(equivocator, 1, 0, TestBlocks.Value("b")),
            _validators.Prevote(_others[1], 1, 0, block),
            _validators.Prevote(equivocator, 1, 0, block),
        ]);

        Assert.Single(effects.OfType<EvidenceFound>());
        Assert.Equal(block.Hash, Assert.Single(Votes(effects), v => v.Type == VoteType.Precommit).BlockHash);
    }

    [Fact]
    public void Timeouts_grow_with_the_round()
    {
        var timeouts = new TimeoutConfig { ProposeBase = TimeSpan.FromSeconds(3), ProposeDelta = TimeSpan.FromMilliseconds(500) };

        Assert.Equal(TimeSpan.FromSeconds(3), timeouts.For(RoundStep.Propose, 0));
        Assert.Equal(TimeSpan.FromSeconds(4.5), timeouts.For(RoundStep.Propose, 3));
    }

    /// <summary>Round 0: proposal a, polka for a (lock), nil precommits from the others, precommit timeout: now in round 1 locked on a.</summary>
    private void LockOn(BlockValue block)
    {
        _core.Handle(new ProposalReceived(_validators.Proposal(_proposer0, 1, 0, block)));
        Feed(_others.Take(2).Select(i => _validators.Prevote(i, 1, 0, block)));
        Feed(_others.Select(i => _validators.Precommit(i, 1, 0, null)));
        _core.Handle(new TimeoutElapsed(new TimeoutInfo(1, 0, RoundStep.Precommit)));
        Assert.Equal((1u, 0, block.Hash), (_core.Round, _core.LockedRound, _core.LockedBlock));
    }

    private List<ConsensusEffect> Feed(IEnumerable<Vote> votes)
    {
        var effects = new List<ConsensusEffect>();
        foreach (var vote in votes)
        {
            effects.AddRange(_core.Handle(new VoteReceived(vote)));
        }

        return effects;
    }

    private static List<Vote> Votes(IEnumerable<ConsensusEffect> effects) => [.. effects.OfType<BroadcastVote>().Select(b => b.Vote)];
}
