using Aro.Consensus.Evidence;
using Aro.Consensus.Tests.Support;
using Aro.Consensus.Validators;
using Aro.Core.Blocks;

namespace Aro.Consensus.Tests.Evidence;

public sealed class EvidencePoolTests
{
    private const ulong MaxAge = 100;

    private readonly TestValidators _validators = TestValidators.Equal(4);
    private readonly EvidencePool _pool;

    public EvidencePoolTests() => _pool = new EvidencePool(TestValidators.ChainId, MaxAge, height => height <= 1_000 ? _validators.Set : null);

    [Fact]
    public void Conflicting_votes_become_pending_evidence()
    {
        Assert.Equal(EvidenceAddResult.Added, _pool.AddConflict(Prevote(1, 10, "a"), Prevote(1, 10, "b"), currentHeight: 12));

        var evidence = Assert.Single(_pool.TakeForBlock(10));
        Assert.Equal((10UL, _validators.Set[1].Address), (evidence.Height, evidence.Validator));
    }

    [Fact]
    public void Same_infraction_is_kept_once_whatever_the_vote_pair()
    {
        _pool.AddConflict(Prevote(1, 10, "a"), Prevote(1, 10, "b"), 12);

        Assert.Equal(EvidenceAddResult.Duplicate, _pool.AddConflict(Prevote(1, 10, "b"), Prevote(1, 10, "a"), 12));
        Assert.Equal(EvidenceAddResult.Duplicate, _pool.AddConflict(Prevote(1, 10, "a"), Prevote(1, 10, "c"), 12));
        Assert.Equal(1, _pool.PendingCount);
    }

    [Fact]
    public void Votes_that_do_not_conflict_are_not_evidence()
    {
        Assert.Throws<ArgumentException>(() => _pool.AddConflict(Prevote(1, 10, "a"), Prevote(2, 10, "b"), 12));
        Assert.Throws<ArgumentException>(() => _pool.AddConflict(Prevote(1, 10, "a"), Prevote(1, 10, "a"), 12));
        Assert.Throws<ArgumentException>(() => _pool.AddConflict(Prevote(1, 10, "a"), Prevote(1, 11, "b"), 12));
    }

    [Fact]
    public void Evidence_older_than_the_age_limit_is_refused()
    {
        Assert.Equal(EvidenceAddResult.Expired, _pool.AddConflict(Prevote(1, 10, "a"), Prevote(1, 10, "b"), 10 + MaxAge + 1));
        Assert.Equal(EvidenceAddResult.Added, _pool.AddConflict(Prevote(1, 10, "a"), Prevote(1, 10, "b"), 10 + MaxAge));
    }

    [Fact]
    public void Evidence_from_a_future_height_is_refused()
    {
        Assert.Equal(EvidenceAddResult.FromFuture, _pool.AddConflict(Prevote(1, 13, "a"), Prevote(1, 13, "b"), 12));
    }

    [Fact]
    public void Evidence_with_a_forged_signature_is_refused()
    {
        var real = Prevote(1, 10, "b");
        var forged = new Vote(real.Type, real.Height, real.Round, TestBlocks.Value("c").Hash, real.ValidatorIndex, real.Validator, real.Signature);

        Assert.Equal(EvidenceAddResult.InvalidSignature, _pool.AddConflict(Prevote(1, 10, "a"), forged, 12));
    }

    [Fact]
    public void Evidence_naming_a_validator_outside_the_set_of_its_height_is_refused()
    {
        var outsider = TestValidators.Equal(6);
        var a = Vote.Sign(TestValidators.ChainId, VoteType.Prevote, 10, 0, TestBlocks.Value("a").Hash, 5, outsider.Keys[5]);
        var b = Vote.Sign(TestValidators.ChainId, VoteType.Prevote, 10, 0, TestBlocks.Value("b").Hash, 5, outsider.Keys[5]);

        Assert.Equal(EvidenceAddResult.UnknownValidator, _pool.AddConflict(a, b, 12));
    }

    [Fact]
    public void Evidence_for_a_height_whose_set_is_unknown_is_refused()
    {
        var pool = new EvidencePool(TestValidators.ChainId, MaxAge, _ => null);

        Assert.Equal(EvidenceAddResult.UnknownValidator, pool.AddConflict(Prevote(1, 10, "a"), Prevote(1, 10, "b"), 12));
    }

    [Fact]
    public void Committed_evidence_leaves_the_pool_and_is_never_accepted_again()
    {
        _pool.AddConflict(Prevote(1, 10, "a"), Prevote(1, 10, "b"), 12);

        _pool.MarkCommitted(_pool.TakeForBlock(10), 13);

        Assert.Equal(0, _pool.PendingCount);
        Assert.Equal(EvidenceAddResult.AlreadyCommitted, _pool.AddConflict(Prevote(1, 10, "a"), Prevote(1, 10, "b"), 14));
    }

    [Fact]
    public void Pending_evidence_is_taken_oldest_first_up_to_the_limit()
    {
        _pool.AddConflict(Prevote(2, 11, "a"), Prevote(2, 11, "b"), 12);
        _pool.AddConflict(Prevote(0, 10, "a"), Prevote(0, 10, "b"), 12);
        _pool.AddConflict(Prevote(3, 10, "a"), Prevote(3, 10, "b"), 12);

        var taken = _pool.TakeForBlock(2);

        Assert.Equal([10UL, 10UL], taken.Select(e => e.Height));
        Assert.Equal(3, _pool.PendingCount);
    }

    [Fact]
    public void Pruning_drops_evidence_past_the_age_limit()
    {
        _pool.AddConflict(Prevote(0, 10, "a"), Prevote(0, 10, "b"), 12);
        _pool.AddConflict(Prevote(1, 50, "a"), Prevote(1, 50, "b"), 52);

        _pool.Prune(10 + MaxAge + 1);

        Assert.Equal(50UL, Assert.Single(_pool.TakeForBlock(10)).Height);
    }

    [Fact]
    public void Evidence_the_chain_already_committed_is_refused()
    {
        var pool = new EvidencePool(TestValidators.ChainId, MaxAge, _ => _validators.Set, isCommitted: e => e.Height == 10);

        Assert.Equal(EvidenceAddResult.AlreadyCommitted, pool.AddConflict(Prevote(1, 10, "a"), Prevote(1, 10, "b"), 12));
    }

    [Fact]
    public void Pending_evidence_a_synced_block_committed_leaves_the_pool()
    {
        var committedByChain = false;
        var pool = new EvidencePool(TestValidators.ChainId, MaxAge, _ => _validators.Set, isCommitted: _ => committedByChain);
        pool.AddConflict(Prevote(1, 10, "a"), Prevote(1, 10, "b"), 12);

        committedByChain = true;
        pool.DropCommitted();

        Assert.Equal(0, pool.PendingCount);
    }

    [Fact]
    public void A_block_takes_only_evidence_below_its_height()
    {
        _pool.AddConflict(Prevote(0, 10, "a"), Prevote(0, 10, "b"), 12);
        _pool.AddConflict(Prevote(1, 12, "a"), Prevote(1, 12, "b"), 12);

        Assert.Equal(10UL, Assert.Single(_pool.TakeForBlock(10, blockHeight: 12)).Height);
    }

    [Fact]
    public void A_block_takes_no_evidence_past_the_age_limit_at_its_height()
    {
        _pool.AddConflict(Prevote(0, 10, "a"), Prevote(0, 10, "b"), 12);

        Assert.Empty(_pool.TakeForBlock(10, blockHeight: 10 + MaxAge + 1));
    }

    private Vote Prevote(int index, ulong height, string block) => _validators.Prevote(index, height, 0, TestBlocks.Value(block));
}
