using Aro.Core.Blocks;
using Aro.Core.Crypto;
using Aro.Core.Rlp;
using Aro.Core.Tests.Blocks.Builders;

namespace Aro.Core.Tests.Blocks;

public class BlockEvidenceCodecTests
{
    private static Block BlockWithEvidence(params DuplicateVoteEvidence[] evidence)
    {
        var parent = Build.Header().WithNumber(9).TestObject;
        return Build.Block().WithParent(parent).WithSampleTransactions().WithEvidence(evidence).TestObject;
    }

    [Fact]
    public void Round_trips_a_block_with_evidence()
    {
        var block = BlockWithEvidence(EvidenceBuilder.DoubleSign(7), EvidenceBuilder.DoubleSign(8));

        var decoded = BlockCodec.Decode(BlockCodec.Encode(block));

        Assert.Equal(block.Body.Evidence.Select(e => e.Hash), decoded.Body.Evidence.Select(e => e.Hash));
        Assert.Equal(block.Hash, decoded.Hash);
        Assert.Equal(BlockCodec.Encode(block), BlockCodec.Encode(decoded));
    }

    [Fact]
    public void Round_trips_a_body_with_evidence()
    {
        var body = BlockWithEvidence(EvidenceBuilder.DoubleSign(7)).Body;

        Assert.Equal(body.Evidence.Select(e => e.Hash), BlockCodec.DecodeBody(BlockCodec.EncodeBody(body)).Evidence.Select(e => e.Hash));
    }

    [Fact]
    public void A_block_without_evidence_has_the_empty_list_hash()
    {
        var block = Build.Block().TestObject;

        Assert.Equal(Keccak256.Hash([0xc0]), block.Header.EvidenceHash);
        Assert.Equal(new Hash256(Convert.FromHexString("1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347")), EvidenceList.EmptyHash);
    }

    [Fact]
    public void Evidence_hash_is_keccak_of_the_rlp_list_of_evidence()
    {
        var evidence = EvidenceBuilder.DoubleSign(7);
        var list = RlpEdit.List([DuplicateVoteEvidenceCodec.Encode(evidence)]);

        Assert.Equal(Keccak256.Hash(list), BlockWithEvidence(evidence).Header.EvidenceHash);
    }

    [Fact]
    public void The_header_commits_to_the_evidence_hash()
    {
        var without = BlockWithEvidence();
        var with = BlockWithEvidence(EvidenceBuilder.DoubleSign(7));

        Assert.NotEqual(without.Hash, with.Hash);
        Assert.Equal(with.Header, HeaderCodec.Decode(HeaderCodec.Encode(with.Header)));
    }

    [Fact]
    public void Decode_rejects_evidence_that_does_not_match_the_header_hash()
    {
        var block = BlockWithEvidence(EvidenceBuilder.DoubleSign(7));
        var encoded = RlpEdit.ReplaceRaw(BlockCodec.Encode(block), 3, RlpEdit.List([DuplicateVoteEvidenceCodec.Encode(EvidenceBuilder.DoubleSign(8))]));

        Assert.Equal(BlockError.EvidenceHashMismatch, Assert.Throws<BlockFormatException>(() => BlockCodec.Decode(encoded)).Error);
    }

    [Fact]
    public void Block_constructor_rejects_evidence_that_does_not_match_the_header_hash()
    {
        var header = Build.Header().TestObject;
        var body = new BlockBody([], null, [EvidenceBuilder.DoubleSign(0)]);

        Assert.Throws<ArgumentException>(() => new Block(header, body));
    }

    [Fact]
    public void Decode_rejects_more_evidence_than_a_block_may_carry()
    {
        var items = new byte[EvidenceList.MaxPerBlock + 1][];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = DuplicateVoteEvidenceCodec.Encode(EvidenceBuilder.DoubleSign((ulong)i + 1));
        }

        var encoded = RlpEdit.ReplaceRaw(BlockCodec.EncodeBody(BlockWithEvidence().Body), 2, RlpEdit.List(items));

        Assert.Equal(BlockError.TooMuchEvidence, Assert.Throws<BlockFormatException>(() => BlockCodec.DecodeBody(encoded)).Error);
    }

    [Fact]
    public void A_body_refuses_more_evidence_than_a_block_may_carry()
    {
        var evidence = Enumerable.Range(1, EvidenceList.MaxPerBlock + 1).Select(h => EvidenceBuilder.DoubleSign((ulong)h)).ToArray();

        Assert.Throws<ArgumentException>(() => new BlockBody([], null, [.. evidence]));
    }

    [Fact]
    public void Decode_rejects_evidence_whose_votes_do_not_conflict()
    {
        var vote = Vote.Sign(TestKeys.ChainId, VoteType.Prevote, 7, 0, Keccak256.Hash("block a"u8), 1, TestKeys.ValidatorB);
        var sameTwice = RlpEdit.List([VoteCodec.Encode(vote), VoteCodec.Encode(vote)]);
        var encoded = RlpEdit.ReplaceRaw(BlockCodec.EncodeBody(BlockWithEvidence().Body), 2, RlpEdit.List([sameTwice]));

        Assert.Equal(BlockError.InvalidEvidence, Assert.Throws<BlockFormatException>(() => BlockCodec.DecodeBody(encoded)).Error);
    }

    [Fact]
    public void Decode_rejects_an_evidence_item_that_is_not_a_list()
    {
        var encoded = RlpEdit.ReplaceRaw(BlockCodec.EncodeBody(BlockWithEvidence().Body), 2, RlpEdit.List([[0x82, 0x01, 0x02]]));

        Assert.Equal(BlockError.MalformedRlp, Assert.Throws<BlockFormatException>(() => BlockCodec.DecodeBody(encoded)).Error);
    }

    [Fact]
    public void Decode_rejects_a_body_without_its_evidence_list()
    {
        var encoded = RlpEdit.RemoveLast(BlockCodec.EncodeBody(BlockWithEvidence().Body));

        Assert.Equal(BlockError.WrongFieldCount, Assert.Throws<BlockFormatException>(() => BlockCodec.DecodeBody(encoded)).Error);
    }

    [Fact]
    public void Decode_rejects_a_header_without_the_evidence_hash()
    {
        var encoded = RlpEdit.RemoveLast(HeaderCodec.Encode(Build.Header().TestObject));

        Assert.Equal(BlockError.WrongFieldCount, Assert.Throws<BlockFormatException>(() => HeaderCodec.Decode(encoded)).Error);
    }
}
