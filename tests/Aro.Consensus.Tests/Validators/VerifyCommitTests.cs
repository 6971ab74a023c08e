using Aro.Consensus.Tests.Support;
using Aro.Consensus.Validators;
using Aro.Core;
using Aro.Core.Crypto;

namespace Aro.Consensus.Tests.Validators;

public sealed class VerifyCommitTests
{
    private readonly TestValidators _validators = TestValidators.WithPowers(10, 10, 10, 10);
    private readonly Hash256 _block = Keccak256.Hash("block"u8);

    [Fact]
    public void Commit_signed_by_more_than_two_thirds_verifies()
    {
        _validators.Set.VerifyCommit(TestValidators.ChainId, _block, 5, _validators.Commit(5, 1, _block, 0, 1, 3));
    }

    [Fact]
    public void Commit_signed_by_two_thirds_or_less_is_refused()
    {
        AssertRefused(CommitVerificationError.InsufficientPower, _validators.Commit(5, 0, _block, 0, 2));
    }

    [Fact]
    public void Commit_for_another_block_is_refused()
    {
        AssertRefused(CommitVerificationError.WrongBlock, _validators.Commit(5, 0, Keccak256.Hash("other"u8), 0, 1, 2));
    }

    [Fact]
    public void Commit_for_another_height_is_refused()
    {
        AssertRefused(CommitVerificationError.WrongHeight, _validators.Commit(6, 0, _block, 0, 1, 2));
    }

    [Fact]
    public void Commit_naming_an_index_outside_the_set_is_refused()
    {
        AssertRefused(CommitVerificationError.UnknownValidator, _validators.Commit(5, 0, _block, 0, 1, 2).WithIndexShift(4));
    }

    [Fact]
    public void Signature_by_another_key_at_an_index_is_refused()
    {
        // Signatures of 1, 2, 3 presented as indices 0, 1, 2: each recovers to the wrong validator.
        AssertRefused(CommitVerificationError.BadSignature, _validators.Commit(5, 0, _block, 1, 2, 3).WithIndexShift(-1));
    }

    [Fact]
    public void Signature_on_another_chain_id_is_refused()
    {
        var commit = _validators.Commit(5, 0, _block, 0, 1, 2);

        var error = Assert.Throws<CommitVerificationException>(() => _validators.Set.VerifyCommit(TestValidators.ChainId + 1, _block, 5, commit));

        Assert.Equal(CommitVerificationError.BadSignature, error.Error);
    }

    private void AssertRefused(CommitVerificationError expected, Aro.Core.Blocks.Commit commit)
    {
        var error = Assert.Throws<CommitVerificationException>(() => _validators.Set.VerifyCommit(TestValidators.ChainId, _block, 5, commit));
        Assert.Equal(expected, error.Error);
    }
}

internal static class CommitExtensions
{
    public static Aro.Core.Blocks.Commit WithIndexShift(this Aro.Core.Blocks.Commit commit, int shift) =>
        new(commit.Height, commit.Round, commit.BlockHash,
            [.. commit.Signatures.Select(s => new Aro.Core.Blocks.CommitSignature((uint)(s.ValidatorIndex + shift), s.Signature))]);
}
