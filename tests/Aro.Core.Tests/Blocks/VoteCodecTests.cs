using Aro.Core.Blocks;
using Aro.Core.Crypto;
using Aro.Core.Rlp;

namespace Aro.Core.Tests.Blocks;

public sealed class VoteCodecTests
{
    private const ulong ChainId = 7771;
    private static readonly byte[] Key = Keccak256.Hash("vote-test-key"u8).ToArray();
    private static readonly Hash256 BlockA = Keccak256.Hash("a"u8);
    private static readonly Hash256 BlockB = Keccak256.Hash("b"u8);

    [Fact]
    public void Vote_round_trips_and_verifies()
    {
        var vote = Vote.Sign(ChainId, VoteType.Precommit, 42, 3, BlockA, 7, Key);

        var decoded = VoteCodec.Decode(VoteCodec.Encode(vote));

        Assert.Equal(vote, decoded);
        Assert.True(decoded.Verify(ChainId));
        Assert.False(decoded.Verify(ChainId + 1));
    }

    [Fact]
    public void Nil_vote_encodes_an_empty_block_hash()
    {
        var vote = Vote.Sign(ChainId, VoteType.Prevote, 1, 0, null, 0, Key);

        var decoded = VoteCodec.Decode(VoteCodec.Encode(vote));

        Assert.True(decoded.IsNil);
        Assert.True(decoded.Verify(ChainId));
    }

    [Fact]
    public void Precommit_signature_is_a_commit_signature_for_its_block()
    {
        var vote = Vote.Sign(ChainId, VoteType.Precommit, 42, 3, BlockA, 7, Key);
        var commit = new Commit(42, 3, BlockA, [vote.ToCommitSignature()]);

        Assert.True(commit.Signatures[0].TryRecoverSigner(commit.SigningHash(ChainId), out var signer));
        Assert.Equal(vote.Validator, signer);
    }

    [Fact]
    public void Vote_with_an_unknown_type_is_refused()
    {
        var encoded = VoteCodec.Encode(Vote.Sign(ChainId, VoteType.Prevote, 1, 0, BlockA, 0, Key));
        Assert.Equal(0xf8, encoded[0]); // a two-byte list header, then the type
        encoded[2] = 3;

        var error = Assert.Throws<BlockFormatException>(() => VoteCodec.Decode(encoded));

        Assert.Equal(BlockError.InvalidVote, error.Error);
    }

    [Fact]
    public void Vote_with_trailing_bytes_is_refused()
    {
        var encoded = VoteCodec.Encode(Vote.Sign(ChainId, VoteType.Prevote, 1, 0, BlockA, 0, Key));

        Assert.Throws<BlockFormatException>(() => VoteCodec.Decode([.. encoded, 0x00]));
    }

    [Fact]
    public void Truncated_vote_is_refused()
    {
        var encoded = VoteCodec.Encode(Vote.Sign(ChainId, VoteType.Prevote, 1, 0, BlockA, 0, Key));

        Assert.Equal(BlockError.MalformedRlp, Assert.Throws<BlockFormatException>(() => VoteCodec.Decode(encoded.AsSpan(0, encoded.Length - 1))).Error);
    }

    [Fact]
    public void Evidence_orders_its_votes_canonically_and_round_trips()
    {
        var a = Vote.Sign(ChainId, VoteType.Prevote, 9, 1, BlockA, 2, Key);
        var b = Vote.Sign(ChainId, VoteType.Prevote, 9, 1, BlockB, 2, Key);
        var nil = Vote.Sign(ChainId, VoteType.Prevote, 9, 1, null, 2, Key);

        var evidence = new DuplicateVoteEvidence(b, a);
        var withNil = new DuplicateVoteEvidence(a, nil);

        Assert.Equal(new DuplicateVoteEvidence(a, b).Hash, evidence.Hash);
        Assert.True(evidence.VoteA.BlockHash < evidence.VoteB.BlockHash);
        Assert.True(withNil.VoteA.IsNil);
        Assert.Equal(evidence, DuplicateVoteEvidenceCodec.Decode(DuplicateVoteEvidenceCodec.Encode(evidence)));
        Assert.Equal(withNil, DuplicateVoteEvidenceCodec.Decode(DuplicateVoteEvidenceCodec.Encode(withNil)));
        Assert.True(evidence.Verify(ChainId));
    }

    [Fact]
    public void Evidence_votes_in_the_wrong_order_are_refused()
    {
        var a = Vote.Sign(ChainId, VoteType.Prevote, 9, 1, BlockA, 2, Key);
        var b = Vote.Sign(ChainId, VoteType.Prevote, 9, 1, BlockB, 2, Key);
        var (low, high) = BlockA < BlockB ? (a, b) : (b, a);
        byte[] swapped = [.. ListOf([.. VoteCodec.Encode(high), .. VoteCodec.Encode(low)])];

        Assert.Equal(BlockError.InvalidEvidence, Assert.Throws<BlockFormatException>(() => DuplicateVoteEvidenceCodec.Decode(swapped)).Error);
    }

    [Fact]
    public void Evidence_of_votes_that_do_not_conflict_is_refused()
    {
        var a = Vote.Sign(ChainId, VoteType.Prevote, 9, 1, BlockA, 2, Key);
        var otherRound = Vote.Sign(ChainId, VoteType.Prevote, 9, 2, BlockB, 2, Key);
        byte[] encoded = [.. ListOf([.. VoteCodec.Encode(a), .. VoteCodec.Encode(otherRound)])];

        Assert.Throws<ArgumentException>(() => new DuplicateVoteEvidence(a, otherRound));
        Assert.Equal(BlockError.InvalidEvidence, Assert.Throws<BlockFormatException>(() => DuplicateVoteEvidenceCodec.Decode(encoded)).Error);
    }

    [Fact]
    public void Evidence_with_one_vote_is_refused()
    {
        byte[] encoded = [.. ListOf(VoteCodec.Encode(Vote.Sign(ChainId, VoteType.Prevote, 9, 1, BlockA, 2, Key)))];

        Assert.Equal(BlockError.WrongFieldCount, Assert.Throws<BlockFormatException>(() => DuplicateVoteEvidenceCodec.Decode(encoded)).Error);
    }

    [Fact]
    public void Validator_set_hash_sorts_by_address()
    {
        var one = new ValidatorPower(new Address(Keccak256.Hash("1"u8).Bytes[12..]), 5);
        var two = new ValidatorPower(new Address(Keccak256.Hash("2"u8).Bytes[12..]), 7);

        Assert.Equal(ValidatorSetHash.Compute([one, two]), ValidatorSetHash.Compute([two, one]));
        Assert.NotEqual(ValidatorSetHash.Compute([one, two]), ValidatorSetHash.Compute([one, two with { Power = 8 }]));
    }

    private static byte[] ListOf(byte[] content)
    {
        var buffer = new byte[RlpWriter.LengthOfList(content.Length)];
        var writer = new RlpWriter(buffer);
        writer.WriteListHeader(content.Length);
        writer.WriteRaw(content);
        return buffer;
    }
}
