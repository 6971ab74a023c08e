using Aro.Core.Blocks;
using Aro.Core.Crypto;
using Aro.Core.Rlp;

namespace Aro.Core.Tests.Blocks;

public class DuplicateVoteEvidenceTests
{
    private const ulong ChainId = 7_777;
    private static readonly byte[] Key = Convert.FromHexString("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
    private static readonly byte[] OtherKey = Convert.FromHexString("0000000000000000000000000000000000000000000000000000000000000007");
    private static readonly Hash256 BlockA = Keccak256.Hash("a"u8);
    private static readonly Hash256 BlockB = Keccak256.Hash("b"u8);

    private static Vote Precommit(Hash256? block, byte[]? key = null, ulong height = 9, uint round = 1) =>
        Vote.Sign(ChainId, height, round, VoteType.Precommit, block, key ?? Key);

    private static Address AddressOf(byte[] key)
    {
        var publicKey = new byte[Secp256k1.UncompressedPublicKeyLength];
        Secp256k1.GetPublicKey(key, publicKey);
        return Address.FromPublicKey(publicKey);
    }

    [Fact]
    public void Evidence_round_trips_through_its_canonical_encoding()
    {
        var evidence = DuplicateVoteEvidence.Of(Precommit(BlockA), Precommit(BlockB));

        var decoded = DuplicateVoteEvidence.Decode(evidence.Encoded);

        Assert.Equal(evidence.Encoded, decoded.Encoded);
        Assert.Equal(evidence.Hash, decoded.Hash);
        Assert.Equal(9UL, decoded.Height);
    }

    [Fact]
    public void Of_orders_the_votes_so_either_order_gives_the_same_evidence()
    {
        var one = DuplicateVoteEvidence.Of(Precommit(BlockA), Precommit(BlockB));
        var two = DuplicateVoteEvidence.Of(Precommit(BlockB), Precommit(BlockA));

        Assert.Equal(one.Hash, two.Hash);
    }

    [Fact]
    public void A_nil_vote_orders_before_any_block_hash()
    {
        var evidence = DuplicateVoteEvidence.Of(Precommit(BlockA), Precommit(null));

        Assert.Null(evidence.VoteA.BlockHash);
        Assert.Equal(evidence.Hash, DuplicateVoteEvidence.Decode(evidence.Encoded).Hash);
    }

    [Fact]
    public void Recovers_the_one_key_that_signed_both_votes()
    {
        var evidence = DuplicateVoteEvidence.Of(Precommit(BlockA), Precommit(BlockB));

        Assert.True(evidence.TryRecoverSigner(ChainId, out var signer));
        Assert.Equal(AddressOf(Key), signer);
    }

    [Fact]
    public void Votes_of_two_keys_recover_no_single_signer()
    {
        var evidence = DuplicateVoteEvidence.Of(Precommit(BlockA), Precommit(BlockB, OtherKey));

        Assert.False(evidence.TryRecoverSigner(ChainId, out _));
    }

    [Fact]
    public void Votes_for_different_heights_rounds_or_types_are_not_evidence()
    {
        Assert.Throws<EvidenceFormatException>(() => DuplicateVoteEvidence.Of(Precommit(BlockA), Precommit(BlockB, height: 10)));
        Assert.Throws<EvidenceFormatException>(() => DuplicateVoteEvidence.Of(Precommit(BlockA), Precommit(BlockB, round: 2)));
        Assert.Throws<EvidenceFormatException>(() => DuplicateVoteEvidence.Of(Precommit(BlockA), Vote.Sign(ChainId, 9, 1, VoteType.Prevote, BlockB, Key)));
    }

    [Fact]
    public void Two_votes_for_the_same_block_are_not_evidence()
    {
        Assert.Throws<EvidenceFormatException>(() => DuplicateVoteEvidence.Of(Precommit(BlockA), Precommit(BlockA)));
    }

    [Fact]
    public void Decode_rejects_the_votes_in_reverse_order()
    {
        var evidence = DuplicateVoteEvidence.Of(Precommit(BlockA), Precommit(BlockB));
        var tree = RlpCodec.DecodeTree(evidence.Encoded);

        var reversed = RlpCodec.Encode(RlpItem.FromList(tree.Items[1], tree.Items[0]));

        Assert.Throws<EvidenceFormatException>(() => DuplicateVoteEvidence.Decode(reversed));
    }

    [Fact]
    public void Decode_rejects_trailing_bytes_and_non_rlp()
    {
        var evidence = DuplicateVoteEvidence.Of(Precommit(BlockA), Precommit(BlockB));

        Assert.Throws<EvidenceFormatException>(() => DuplicateVoteEvidence.Decode([.. evidence.Encoded, 0]));
        Assert.Throws<EvidenceFormatException>(() => DuplicateVoteEvidence.Decode([0xff]));
        Assert.Throws<EvidenceFormatException>(() => DuplicateVoteEvidence.Decode([]));
    }

    [Fact]
    public void Decode_rejects_a_block_hash_of_the_wrong_length_and_an_unknown_vote_type()
    {
        var evidence = DuplicateVoteEvidence.Of(Precommit(BlockA), Precommit(BlockB));
        var tree = RlpCodec.DecodeTree(evidence.Encoded);
        RlpItem WithField(int index, RlpItem value)
        {
            var fields = tree.Items[1].Items.ToArray();
            fields[index] = value;
            return RlpItem.FromList(fields);
        }

        var shortHash = RlpCodec.Encode(RlpItem.FromList(tree.Items[0], WithField(3, RlpItem.FromBytes(new byte[31]))));
        var badType = RlpCodec.Encode(RlpItem.FromList(tree.Items[0], WithField(2, RlpItem.FromBytes([3]))));

        Assert.Throws<EvidenceFormatException>(() => DuplicateVoteEvidence.Decode(shortHash));
        Assert.Throws<EvidenceFormatException>(() => DuplicateVoteEvidence.Decode(badType));
    }

    [Fact]
    public void Decode_rejects_a_high_s_signature()
    {
        var evidence = DuplicateVoteEvidence.Of(Precommit(BlockA), Precommit(BlockB));
        var tree = RlpCodec.DecodeTree(evidence.Encoded);
        var signature = tree.Items[1].Items[4].Bytes.ToArray();
        Array.Fill(signature, (byte)0xff, 32, 32);
        var fields = tree.Items[1].Items.ToArray();
        fields[4] = RlpItem.FromBytes(signature);

        var encoded = RlpCodec.Encode(RlpItem.FromList(tree.Items[0], RlpItem.FromList(fields)));

        Assert.Throws<EvidenceFormatException>(() => DuplicateVoteEvidence.Decode(encoded));
    }
}
