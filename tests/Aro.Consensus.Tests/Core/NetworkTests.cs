using Aro.Consensus.Core;
using Aro.Consensus.Tests.Support;
using Aro.Core.Blocks;

namespace Aro.Consensus.Tests.Core;

/// <summary>Whole-network behaviour of <see cref="ConsensusCore"/> under scripted delivery orders.</summary>
public sealed class NetworkTests
{
    [Fact]
    public void Single_validator_commits_every_height_in_round_zero()
    {
        var network = new SimulatedNetwork(TestValidators.Equal(1)) { TargetHeight = 3 };

        Assert.True(network.Run());

        network.AssertAgreementAndValidity();
        Assert.All(network.Nodes[0].Commits.Values, c => Assert.Equal(0u, c.Commit.Round));
    }

    [Fact]
    public void Four_validators_commit_in_round_zero_when_messages_arrive_in_order()
    {
        var network = new SimulatedNetwork(TestValidators.Equal(4)) { TargetHeight = 3 };

        Assert.True(network.Run());

        network.AssertAgreementAndValidity();
        Assert.All(network.Nodes, n => Assert.All(n.Commits.Values, c => Assert.Equal(0u, c.Commit.Round)));
    }

    [Fact]
    public void Four_validators_agree_when_messages_arrive_newest_first()
    {
        var network = new SimulatedNetwork(TestValidators.Equal(4)) { TargetHeight = 3, NewestFirst = true };

        Assert.True(network.Run());

        network.AssertAgreementAndValidity();
    }

    [Fact]
    public void Duplicated_messages_are_counted_once()
    {
        var network = new SimulatedNetwork(TestValidators.Equal(4), seed: 11) { TargetHeight = 2, DuplicateProbability = 0.5 };

        Assert.True(network.Run());

        network.AssertAgreementAndValidity();
        Assert.All(network.Honest, n => Assert.Empty(n.Evidence));
    }

    [Fact]
    public void Silent_proposer_is_replaced_by_the_next_round_after_timeouts()
    {
        var validators = TestValidators.Equal(4);
        var network = new SimulatedNetwork(validators);
        network.Offline.Add(validators.Set.ProposerIndex);

        Assert.True(network.Run());

        network.AssertAgreementAndValidity();
        var commit = network.Honest.First().Commits[1];
        Assert.True(commit.Commit.Round >= 1, "the round-0 proposer was offline, so round 0 cannot decide");
        Assert.True(network.Now > 0, "the round change needed the propose timeout");
    }

    [Fact]
    public void Chain_halts_without_two_thirds_of_the_power_online()
    {
        var network = new SimulatedNetwork(TestValidators.Equal(4));
        network.Offline.UnionWith([0, 1]);

        Assert.False(network.Run(maxSteps: 5_000));

        Assert.All(network.Honest, n => Assert.Empty(n.Commits));
    }

    [Fact]
    public void Byzantine_proposer_sending_conflicting_proposals_cannot_break_agreement()
    {
        var validators = TestValidators.Equal(4);
        foreach (var seed in Enumerable.Range(1, 10))
        {
            var network = new SimulatedNetwork(validators, seed) { TargetHeight = 2, EarlyTimeoutProbability = 0.02 };
            var liar = validators.Set.ProposerIndex;
            network.Faulty.Add(liar);
            network.Byzantine = (from, effect) => effect switch
            {
                BroadcastProposal p => Enumerable.Range(0, 4).Where(to => to != from).Select(to => (to, (ConsensusInput)new ProposalReceived(
                    to % 2 == 0 ? p.Proposal : validators.Proposal(from, p.Proposal.Height, p.Proposal.Round, TestBlocks.Value($"other h{p.Proposal.Height} r{p.Proposal.Round}"))))),
                BroadcastVote v => Enumerable.Range(0, 4).Where(to => to != from).Select(to => (to, (ConsensusInput)new VoteReceived(v.Vote))),
                _ => [],
            };

            Assert.True(network.Run(), $"seed {seed}: honest validators did not decide: {network.Describe()}");
            network.AssertAgreementAndValidity();
        }
    }

    [Fact]
    public void One_equivocating_validator_of_four_cannot_break_agreement_and_is_caught()
    {
        var validators = TestValidators.Equal(4);
        var caught = 0;
        foreach (var seed in Enumerable.Range(1, 10))
        {
            var network = new SimulatedNetwork(validators, seed) { TargetHeight = 2, EarlyTimeoutProbability = 0.05 };
            network.Faulty.Add(3);
            network.Byzantine = Equivocate(validators);

            Assert.True(network.Run(), $"seed {seed}: honest validators did not decide: {network.Describe()}");
            network.AssertAgreementAndValidity();
            var evidence = network.Honest.SelectMany(n => n.Evidence).ToList();
            Assert.All(evidence, e => Assert.Equal(validators.Set[3].Address, e.Validator));
            Assert.All(evidence, e => Assert.True(e.Verify(TestValidators.ChainId)));
            caught += evidence.Count > 0 ? 1 : 0;
        }

        Assert.True(caught > 0, "no honest node ever saw both of the equivocator's votes");
    }

    [Fact]
    public void Random_schedules_never_break_agreement_or_validity()
    {
        // Bounded CI variant of the soak test below.
        RunRandomSchedules(seeds: 40, heights: 3);
    }

    [Fact]
    [Trait("Category", "Soak")]
    public void Random_schedules_never_break_agreement_or_validity_soak()
    {
        RunRandomSchedules(seeds: 1_000, heights: 5);
    }

    private static void RunRandomSchedules(int seeds, ulong heights)
    {
        var fourEqual = TestValidators.Equal(4);
        var weighted = TestValidators.WithPowers(50, 20, 20, 10, 5);
        for (var seed = 0; seed < seeds; seed++)
        {
            var validators = seed % 2 == 0 ? fourEqual : weighted;
            var network = new SimulatedNetwork(validators, seed)
            {
                TargetHeight = heights,
                DuplicateProbability = 0.1,
                EarlyTimeoutProbability = 0.03,
            };
            if (seed % 3 == 0)
            {
                // f = 1 byzantine of 4 (power 10 of 40), or the 10-power validator of 105.
                var faulty = validators == fourEqual ? seed % 4 : 3;
                network.Faulty.Add(faulty);
                network.Byzantine = Equivocate(validators);
            }

            Assert.True(network.Run(), $"seed {seed}: honest validators did not reach height {heights}: {network.Describe()}");
            network.AssertAgreementAndValidity();
        }
    }

    /// <summary>The faulty node sends its real prevotes and precommits to even recipients and a signed vote for another block to odd ones.</summary>
    private static Func<int, ConsensusEffect, IEnumerable<(int To, ConsensusInput Input)>> Equivocate(TestValidators validators) =>
        (from, effect) =>
        {
            var recipients = Enumerable.Range(0, validators.Count).Where(to => to != from).ToList();
            return effect switch
            {
                BroadcastVote v => recipients.Select(to => (to, (ConsensusInput)new VoteReceived(to % 2 == 0
                    ? v.Vote
                    : validators.Vote(from, v.Vote.Type, v.Vote.Height, v.Vote.Round, TestBlocks.Value($"evil h{v.Vote.Height} r{v.Vote.Round}").Hash)))),
                BroadcastProposal p => recipients.Select(to => (to, (ConsensusInput)new ProposalReceived(p.Proposal))),
                _ => [],
            };
        };
}
