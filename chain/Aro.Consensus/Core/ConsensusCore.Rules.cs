using Aro.Core.Blocks;

namespace Aro.Consensus.Core;

/// <summary>The paper's upon-rules; line numbers refer to Algorithm 1 of arXiv 1807.04938.</summary>
public sealed partial class ConsensusCore
{
    /// <summary>
    /// Enter: any round of the current height. Starts round <paramref name="round"/> in the propose step
    /// (lines 11–21). The proposer re-proposes its valid value, or asks the node for a block. Every
    /// validator, the proposer too, schedules the propose timeout (as CometBFT does: a proposer whose
    /// block never arrives must not stall the round).
    /// </summary>
    private void StartRound(uint round)
    {
        Round = round;
        Step = RoundStep.Propose;
        _prevoteWaitScheduled = false;
        _precommitWaitScheduled = false;
        _polkaSeen = false;
        _awaitingBlock = false;
        Emit(new ScheduleTimeout(new TimeoutInfo(Height, round, RoundStep.Propose), _config.Timeouts.For(RoundStep.Propose, round)));

        if (_myIndex >= 0 && ProposerIndex(round) == _myIndex)
        {
            if (_validValue is not null)
            {
                SignProposal(_validValue, _validRound);
            }
            else
            {
                _awaitingBlock = true;
                Emit(new RequestBlock(Height, round));
            }
        }

        Evaluate();
    }

    /// <summary>Applies every rule whose condition holds until none does.</summary>
    private void Evaluate()
    {
        while (Step is not (RoundStep.Committed or RoundStep.NotStarted))
        {
            if (TryDecide() || TrySkipRound() || TryPrevoteOnProposal() || TryPrecommitOnPolka() || TryPrecommitNil())
            {
                continue;
            }

            ScheduleWaits();
            return;
        }
    }

    /// <summary>
    /// Lines 49–54: a proposal of any round r′ whose block has 2/3+ precommits in r′ and is valid is
    /// decided. The commit is those precommits.
    /// </summary>
    private bool TryDecide()
    {
        foreach (var (number, round) in _rounds)
        {
            if (round.Proposal is not { } proposal)
            {
                continue;
            }

            var hash = proposal.Value.Hash;
            if (_validators!.IsQuorum(round.Precommits.PowerFor(hash)) && IsValid(proposal.Value))
            {
                Step = RoundStep.Committed;
                Emit(new CommitBlock(proposal.Value, round.Precommits.ToCommit(Height, number, hash)));
                return true;
            }
        }

        return false;
    }

    /// <summary>Lines 55–56: votes of more than a third of the power in a later round: move to it (the highest such).</summary>
    private bool TrySkipRound()
    {
        foreach (var (number, round) in _rounds.Reverse())
        {
            if (number <= Round)
            {
                return false;
            }

            if (_validators!.IsOneThirdPlus(round.ParticipatingPower))
            {
                StartRound(number);
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Lines 22–27 (fresh proposal) and 28–33 (proposal with a proof-of-lock round vr &lt; r backed
    /// by 2/3+ prevotes in vr): prevote the block if it is valid and the lock allows it, else nil.
    /// </summary>
    private bool TryPrevoteOnProposal()
    {
        if (Step != RoundStep.Propose || !_rounds.TryGetValue(Round, out var round) || round.Proposal is not { } proposal)
        {
            return false;
        }

        var value = proposal.Value;
        bool acceptable;
        if (proposal.PolRound < 0)
        {
            acceptable = _lockedRound == -1 || _lockedValue!.Hash == value.Hash;
        }
        else if (_rounds.TryGetValue((uint)proposal.PolRound, out var polRound) && _validators!.IsQuorum(polRound.Prevotes.PowerFor(value.Hash)))
        {
            acceptable = _lockedRound <= proposal.PolRound || _lockedValue!.Hash == value.Hash;
        }
        else
        {
            return false; // wait for the prevotes that back the proof-of-lock round (or the propose timeout)
        }

        SignVote(VoteType.Prevote, acceptable && IsValid(value) ? value.Hash : null);
        Step = RoundStep.Prevote;
        return true;
    }

    /// <summary>
    /// Lines 36–43, once per round, in prevote or later: the round's valid proposal has 2/3+ prevotes
    /// (a polka). In prevote: lock on it and precommit it. In any case it becomes the valid value.
    /// </summary>
    private bool TryPrecommitOnPolka()
    {
        if (_polkaSeen || Step < RoundStep.Prevote || !_rounds.TryGetValue(Round, out var round) || round.Proposal is not { } proposal)
        {
            return false;
        }

        var value = proposal.Value;
        if (!_validators!.IsQuorum(round.Prevotes.PowerFor(value.Hash)) || !IsValid(value))
        {
            return false;
        }

        _polkaSeen = true;
        if (Step == RoundStep.Prevote)
        {
            _lockedValue = value;
            _lockedRound = (int)Round;
            SignVote(VoteType.Precommit, value.Hash);
            Step = RoundStep.Precommit;
        }

        _validValue = value;
        _validRound = (int)Round;
        return true;
    }

    /// <summary>Lines 44–46: 2/3+ prevotes for nil while in prevote: precommit nil.</summary>
    private bool TryPrecommitNil()
    {
        if (Step != RoundStep.Prevote || !_rounds.TryGetValue(Round, out var round) || !_validators!.IsQuorum(round.Prevotes.PowerFor(null)))
        {
            return false;
        }

        SignVote(VoteType.Precommit, null);
        Step = RoundStep.Precommit;
        return true;
    }

    /// <summary>
    /// Lines 34–35 (2/3+ prevotes for anything while in prevote: start the prevote timeout) and 47–48
    /// (2/3+ precommits for anything: start the precommit timeout), each once per round.
    /// </summary>
    private void ScheduleWaits()
    {
        if (!_rounds.TryGetValue(Round, out var round))
        {
            return;
        }

        if (!_prevoteWaitScheduled && Step == RoundStep.Prevote && _validators!.IsQuorum(round.Prevotes.TotalPower))
        {
            _prevoteWaitScheduled = true;
            Emit(new ScheduleTimeout(new TimeoutInfo(Height, Round, RoundStep.Prevote), _config.Timeouts.For(RoundStep.Prevote, Round)));
        }

        if (!_precommitWaitScheduled && _validators!.IsQuorum(round.Precommits.TotalPower))
        {
            _precommitWaitScheduled = true;
            Emit(new ScheduleTimeout(new TimeoutInfo(Height, Round, RoundStep.Precommit), _config.Timeouts.For(RoundStep.Precommit, Round)));
        }
    }
}
