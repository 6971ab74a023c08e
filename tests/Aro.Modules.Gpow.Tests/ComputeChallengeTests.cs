using Aro.Core;
using Aro.Core.Crypto;
using static Aro.Modules.Gpow.Abi.WorkProofAbi;

namespace Aro.Modules.Gpow.Tests;

public class ComputeChallengeTests
{
    [Fact]
    public void Compute_challenged_edge_that_answers_the_iterated_keccak_keeps_its_score()
    {
        using var chain = Reported(out var edge);
        var challenge = chain.Reader.ComputeChallenge(edge.Address, 0);
        Assert.True(challenge.Challenged);

        chain.Ok(edge, Calls.AnswerCompute(0, ExpectedResult(chain, edge)));
        chain.Finish(0);

        Assert.True(chain.Reader.ComputeChallenge(edge.Address, 0).Answered);
        Assert.False(chain.Result(edge, 0).ChallengeFailed);
        Assert.Equal((UInt256)50_000_000, chain.Score(edge, 0));
        Assert.Empty(chain.Registry.Slashes);
        Assert.Equal(challenge.Nonce.ToArray(), Assert.Single(chain.Events(ComputeChallengeAnswered))[2].AsBytes());
    }

    [Fact]
    public void Answer_pays_gas_for_every_round_the_chain_recomputes()
    {
        using var chain = Reported(out var edge);

        var call = chain.Ok(edge, Calls.AnswerCompute(0, ExpectedResult(chain, edge)));

        Assert.True(call.Receipt.CumulativeGasUsed >= 30_000 + (ComputeChallenge.GasPerRound * chain.Params.ComputeChallengeRounds));
    }

    [Fact]
    public void Wrong_result_reverts_WrongComputeResult_and_records_nothing()
    {
        using var chain = Reported(out var edge);
        var wrong = Keccak256.Hash(ExpectedResult(chain, edge).ToArray());

        var arguments = chain.Fails(edge, Calls.AnswerCompute(0, wrong), WrongComputeResult);

        Assert.Equal(wrong.ToArray(), arguments[0].AsBytes());
        Assert.False(chain.Reader.ComputeChallenge(edge.Address, 0).Answered);
    }

    [Fact]
    public void Result_with_one_round_too_few_reverts_WrongComputeResult()
    {
        using var chain = Reported(out var edge);
        var c = chain.Reader.ComputeChallenge(edge.Address, 0);
        var short1 = ComputeChallenge.Result(GpowChain.ChainId, edge.Address, c.Nonce, c.Rounds - 1);

        chain.Fails(edge, Calls.AnswerCompute(0, short1), WrongComputeResult);
    }

    [Fact]
    public void Answer_after_the_deadline_reverts_ChallengeClosed()
    {
        using var chain = Reported(out var edge);
        chain.AdvanceTo(chain.Reader.ComputeChallenge(edge.Address, 0).DeadlineBlock + 1);

        chain.Fails(edge, Calls.AnswerCompute(0, ExpectedResult(chain, edge)), ChallengeClosed);
    }

    [Fact]
    public void Second_answer_reverts_ChallengeAlreadyAnswered()
    {
        using var chain = Reported(out var edge);
        chain.Ok(edge, Calls.AnswerCompute(0, ExpectedResult(chain, edge)));

        chain.Fails(edge, Calls.AnswerCompute(0, ExpectedResult(chain, edge)), ChallengeAlreadyAnswered);
    }

    [Fact]
    public void Answer_before_the_challenge_seed_is_fixed_reverts_NoChallenge()
    {
        using var chain = new GpowChain(ComputeParams);
        var edge = chain.Edges[0];
        chain.RegisterAll(edge);
        chain.ReportAll(0, edge);

        chain.Fails(edge, Calls.AnswerCompute(0, Hash256.Zero), NoChallenge);
    }

    [Fact]
    public void Answer_from_another_edge_reverts_NoChallenge()
    {
        using var chain = Reported(out var edge);
        var stranger = chain.Edges[1];
        chain.RegisterAll(stranger);

        chain.Fails(stranger, Calls.AnswerCompute(0, ExpectedResult(chain, edge)), NoChallenge);
    }

    [Fact]
    public void Unanswered_compute_challenge_zeroes_the_score_slashes_the_bond_and_the_keepers_who_vouched()
    {
        using var chain = Reported(out var edge);

        chain.Finish(0);

        Assert.True(chain.Result(edge, 0).ChallengeFailed);
        Assert.Equal(UInt256.Zero, chain.Score(edge, 0));
        Assert.Equal((UInt256)900, chain.Reader.Edge(edge.Address)!.Bond);
        Assert.Equal((UInt256)100, chain.Reader.Totals.Carry);
        Assert.Equal(chain.Keepers.Select(k => (k.Address, 0UL)).Order(), chain.Registry.Slashes.Select(s => (s.Keeper, s.Epoch)).Order());
        Assert.Single(chain.Events(ChallengeFailed));
    }

    [Fact]
    public void Edge_that_declared_no_compute_is_never_compute_challenged()
    {
        using var chain = new GpowChain(ComputeParams);
        var edge = chain.Edges[0];
        chain.Block(chain.Tx(edge, Calls.RegisterDev(edge, declared: new DeclaredResources(100, 1, 0)), 1_000));
        chain.AdvanceTo(chain.At(1, 0));
        chain.Ok(edge, Calls.Report(0, computeUnits: 0));
        chain.JudgeAll(0, [edge], (_, x) => Calls.On(x));
        chain.AdvanceTo(chain.At(1, 4));

        Assert.False(chain.Reader.ComputeChallenge(edge.Address, 0).Challenged);
        chain.Fails(edge, Calls.AnswerCompute(0, Hash256.Zero), NoChallenge);
        chain.Finish(0);
        Assert.False(chain.Result(edge, 0).ChallengeFailed);
        Assert.Equal((UInt256)50_000_000, chain.Score(edge, 0));
    }

    [Fact]
    public void Nonce_is_keccak_of_seed_edge_and_domain_byte_and_the_same_for_every_reader()
    {
        using var chain = Reported(out var edge);
        var seed = chain.Reader.Epoch(0).ChallengeSeed;

        var nonce = chain.Reader.ComputeChallenge(edge.Address, 0).Nonce;

        Assert.Equal(Keccak256.Hash([.. seed.ToArray(), .. edge.Address.Bytes, 0x04]), nonce);
        Assert.Equal(nonce, Assignment.ComputeNonce(seed, edge.Address));
        Assert.NotEqual(nonce, Assignment.ComputeNonce(seed, chain.Edges[1].Address));
    }

    [Fact]
    public void Result_is_keccak_of_chain_id_edge_and_nonce_iterated_rounds_times()
    {
        var edge = Address.Parse("0x00000000000000000000000000000000000000e1");
        var nonce = Keccak256.Hash([7]);
        var h = Keccak256.Hash([.. new byte[] { 0, 0, 0, 0, 0, 0, 0x10, 0x92 }, .. edge.Bytes, .. nonce.ToArray()]);
        for (var i = 1; i < 3; i++)
        {
            h = Keccak256.Hash(h.ToArray());
        }

        Assert.Equal(h, ComputeChallenge.Result(4242, edge, nonce, 3));
        Assert.NotEqual(h, ComputeChallenge.Result(4243, edge, nonce, 3));
    }

    [Fact]
    public void Compute_sampling_uses_its_own_rate()
    {
        using var chain = new GpowChain(ComputeParams with { ComputeChallengeRatePpm = 0, ChallengeRatePpm = 1_000_000 });
        var edge = chain.Edges[0];
        chain.RegisterAll(edge);
        chain.ReportAll(0, edge);
        chain.AdvanceTo(chain.At(1, 4));

        Assert.False(chain.Reader.ComputeChallenge(edge.Address, 0).Challenged);
    }

    // Every compute-declaring reporter is compute challenged (rate 100 %), no storage challenges; all keepers vouch; the seed is fixed.
    private static GpowParams ComputeParams { get; } = GpowChain.TestParams with { ComputeChallengeRatePpm = 1_000_000 };

    private static GpowChain Reported(out Account edge)
    {
        var chain = new GpowChain(ComputeParams);
        var e = chain.Edges[0];
        edge = e;
        chain.RegisterAll(e);
        chain.ReportAll(0, e);
        chain.JudgeAll(0, [e], (_, x) => Calls.On(x));
        chain.AdvanceTo(chain.At(1, 4));
        return chain;
    }

    // What aro-edge computes: the rounds over the nonce the view names.
    private static Hash256 ExpectedResult(GpowChain chain, Account edge)
    {
        var c = chain.Reader.ComputeChallenge(edge.Address, 0);
        return ComputeChallenge.Result(GpowChain.ChainId, edge.Address, c.Nonce, c.Rounds);
    }
}
