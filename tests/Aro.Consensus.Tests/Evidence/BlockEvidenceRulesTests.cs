using Aro.Consensus.Evidence;
using Aro.Consensus.Tests.Support;
using Aro.Core.Blocks;

namespace Aro.Consensus.Tests.Evidence;

/// <summary>What a proposal's evidence list must satisfy for validators to accept the block.</summary>
public sealed class BlockEvidenceRulesTests
{
    private const ulong MaxAge = 100;
    private const ulong BlockHeight = 20;

    private readonly TestValidators _validators = TestValidators.Equal(4);

    [Fact]
    public void Verified_evidence_from_earlier_heights_is_accepted()
    {
        Assert.Null(Check([DoubleSign(1, 10), DoubleSign(2, 19)]));
    }

    [Fact]
    public void Evidence_with_a_forged_signature_is_refused_InvalidSignature()
    {
        var real = Prevote(1, 10, "b");
        var forged = new Vote(real.Type, real.Height, real.Round, TestBlocks.Value("c").Hash, real.ValidatorIndex, real.Validator, real.Signature);

        var problem = Check([new DuplicateVoteEvidence(Prevote(1, 10, "a"), forged)]);

        Assert.Equal((0, EvidenceAddResult.InvalidSignature), (problem!.Index, problem.Reason));
    }

    [Fact]
    public void Evidence_from_a_validator_outside_the_set_of_its_height_is_refused_UnknownValidator()
    {
        var outsider = TestValidators.Equal(6);
        var a = Vote.Sign(TestValidators.ChainId, VoteType.Prevote, 10, 0, TestBlocks.Value("a").Hash, 5, outsider.Keys[5]);
        var b = Vote.Sign(TestValidators.ChainId, VoteType.Prevote, 10, 0, TestBlocks.Value("b").Hash, 5, outsider.Keys[5]);

        Assert.Equal(EvidenceAddResult.UnknownValidator, Check([new DuplicateVoteEvidence(a, b)])!.Reason);
    }

    [Fact]
    public void Evidence_older_than_the_age_limit_is_refused_Expired()
    {
        var problem = EvidenceRules.CheckBlock([DoubleSign(1, 10)], 10 + MaxAge + 1, TestValidators.ChainId, MaxAge, _ => _validators.Set, _ => false);

        Assert.Equal(EvidenceAddResult.Expired, problem!.Reason);
    }

    [Fact]
    public void Evidence_for_the_blocks_own_height_is_refused_FromFuture()
    {
        Assert.Equal(EvidenceAddResult.FromFuture, Check([DoubleSign(1, BlockHeight)])!.Reason);
    }

    [Fact]
    public void The_same_double_sign_twice_in_one_block_is_refused_Duplicate()
    {
        var other = new DuplicateVoteEvidence(Prevote(1, 10, "a"), Prevote(1, 10, "c"));

        var problem = Check([DoubleSign(1, 10), other]);

        Assert.Equal((1, EvidenceAddResult.Duplicate), (problem!.Index, problem.Reason));
    }

    [Fact]
    public void Evidence_already_committed_is_refused_AlreadyCommitted()
    {
        var problem = EvidenceRules.CheckBlock([DoubleSign(1, 10)], BlockHeight, TestValidators.ChainId, MaxAge, _ => _validators.Set, e => e.Height == 10);

        Assert.Equal(EvidenceAddResult.AlreadyCommitted, problem!.Reason);
    }

    private BlockEvidenceProblem? Check(IReadOnlyList<DuplicateVoteEvidence> evidence) =>
        EvidenceRules.CheckBlock(evidence, BlockHeight, TestValidators.ChainId, MaxAge, _ => _validators.Set, _ => false);

    private DuplicateVoteEvidence DoubleSign(int index, ulong height) => new(Prevote(index, height, "a"), Prevote(index, height, "b"));

    private Vote Prevote(int index, ulong height, string block) => _validators.Prevote(index, height, 0, TestBlocks.Value(block));
}
