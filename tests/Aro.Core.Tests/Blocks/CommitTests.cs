using System.Collections.Immutable;
using Aro.Core.Blocks;
using Aro.Core.Crypto;
using Aro.Core.Rlp;
using Aro.Core.Tests.Blocks.Builders;

namespace Aro.Core.Tests.Blocks;

public class CommitTests
{
    [Fact]
    public void Round_trips_a_single_validator_commit()
    {
        var commit = Build.Commit().WithHeight(12).WithRound(2).TestObject;

        var decoded = CommitCodec.Decode(CommitCodec.Encode(commit));

        Assert.Equal(commit, decoded);
        Assert.Equal(CommitCodec.Encode(commit), CommitCodec.Encode(decoded));
    }

    [Fact]
    public void Round_trips_a_multi_validator_commit()
    {
        var commit = Build.Commit().SignedBy(0, TestKeys.ValidatorA).SignedBy(2, TestKeys.ValidatorC).SignedBy(300, TestKeys.ValidatorB).TestObject;

        var decoded = CommitCodec.Decode(CommitCodec.Encode(commit));

        Assert.Equal([0u, 2u, 300u], decoded.Signatures.Select(s => s.ValidatorIndex));
        Assert.Equal(commit, decoded);
    }

    [Fact]
    public void Hash_is_keccak_of_the_encoding_also_after_decoding()
    {
        var commit = Build.Commit().TestObject;
        var expected = Keccak256.Hash(CommitCodec.Encode(commit));

        Assert.Equal(expected, commit.Hash);
        Assert.Equal(expected, CommitCodec.Decode(CommitCodec.Encode(commit)).Hash);
    }

    [Fact]
    public void Each_signature_recovers_its_validator_over_the_precommit_sign_bytes()
    {
        var commit = Build.Commit().SignedBy(0, TestKeys.ValidatorA).SignedBy(1, TestKeys.ValidatorB).TestObject;
        var signingHash = commit.SigningHash(TestKeys.ChainId);

        Assert.True(commit.Signatures[0].TryRecoverSigner(signingHash, out var first));
        Assert.True(commit.Signatures[1].TryRecoverSigner(signingHash, out var second));
        Assert.Equal(TestKeys.AddressOf(TestKeys.ValidatorA), first);
        Assert.Equal(TestKeys.AddressOf(TestKeys.ValidatorB), second);
    }

    [Fact]
    public void A_signature_for_another_chain_recovers_someone_else()
    {
        var commit = Build.Commit().WithChainId(TestKeys.ChainId + 1).TestObject;

        Assert.True(commit.Signatures[0].TryRecoverSigner(commit.SigningHash(TestKeys.ChainId), out var signer));
        Assert.NotEqual(TestKeys.AddressOf(TestKeys.ValidatorA), signer);
    }

    [Fact]
    public void Signing_hash_is_the_precommit_for_the_committed_block()
    {
        var commit = Build.Commit().WithHeight(8).WithRound(1).TestObject;

        Assert.Equal(VoteSignBytes.SigningHash(TestKeys.ChainId, 8, 1, VoteType.Precommit, commit.BlockHash), commit.SigningHash(TestKeys.ChainId));
    }

    [Fact]
    public void Constructor_rejects_no_signatures()
    {
        Assert.Throws<ArgumentException>(() => new Commit(1, 0, Hash256.Zero, []));
    }

    [Fact]
    public void Constructor_rejects_unordered_or_repeated_validator_indices()
    {
        var signature = Build.Commit().TestObject.Signatures[0].Signature.ToArray();

        Assert.Throws<ArgumentException>(() => new Commit(1, 0, Hash256.Zero, [new CommitSignature(2, signature), new CommitSignature(1, signature)]));
        Assert.Throws<ArgumentException>(() => new Commit(1, 0, Hash256.Zero, [new CommitSignature(1, signature), new CommitSignature(1, signature)]));
    }

    [Fact]
    public void Constructor_rejects_a_default_signature()
    {
        Assert.Throws<ArgumentException>(() => new Commit(1, 0, Hash256.Zero, [default(CommitSignature)]));
    }

    [Fact]
    public void Decode_rejects_an_empty_signature_list()
    {
        var encoded = RlpEdit.Replace(CommitCodec.Encode(Build.Commit().TestObject), 3, RlpItem.FromList());

        Assert.Equal(BlockError.InvalidCommit, Assert.Throws<BlockFormatException>(() => CommitCodec.Decode(encoded)).Error);
    }

    [Fact]
    public void Decode_rejects_a_repeated_validator_index()
    {
        var encoded = CommitCodec.Encode(Build.Commit().TestObject);
        var entry = RlpCodec.DecodeTree(encoded).Items[3].Items[0];
        var doubled = RlpEdit.Replace(encoded, 3, RlpItem.FromList(entry, entry));

        Assert.Equal(BlockError.InvalidCommit, Assert.Throws<BlockFormatException>(() => CommitCodec.Decode(doubled)).Error);
    }

    [Fact]
    public void Decode_rejects_a_64_byte_signature()
    {
        var encoded = WithSignatureBytes(sig => sig[..64]);

        Assert.Equal(BlockError.InvalidLength, Assert.Throws<BlockFormatException>(() => CommitCodec.Decode(encoded)).Error);
    }

    [Fact]
    public void Decode_rejects_a_recovery_id_above_one()
    {
        var encoded = WithSignatureBytes(sig =>
        {
            sig[64] = 27;
            return sig;
        });

        Assert.Equal(BlockError.InvalidSignature, Assert.Throws<BlockFormatException>(() => CommitCodec.Decode(encoded)).Error);
    }

    [Fact]
    public void Decode_rejects_the_high_s_twin_of_a_valid_signature()
    {
        var encoded = WithSignatureBytes(sig =>
        {
            var n = UInt256.Parse("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
            var s = UInt256.FromBigEndian(sig.AsSpan(32, 32));
            (n - s).WriteBigEndian(sig.AsSpan(32, 32));
            sig[64] ^= 1;
            return sig;
        });

        Assert.Equal(BlockError.InvalidSignature, Assert.Throws<BlockFormatException>(() => CommitCodec.Decode(encoded)).Error);
    }

    [Fact]
    public void Decode_rejects_a_zero_r()
    {
        var encoded = WithSignatureBytes(sig =>
        {
            Array.Clear(sig, 0, 32);
            return sig;
        });

        Assert.Equal(BlockError.InvalidSignature, Assert.Throws<BlockFormatException>(() => CommitCodec.Decode(encoded)).Error);
    }

    [Fact]
    public void Decode_rejects_a_round_wider_than_32_bits()
    {
        var encoded = RlpEdit.ReplaceBytes(CommitCodec.Encode(Build.Commit().TestObject), 1, [1, 0, 0, 0, 0]);

        Assert.Equal(BlockError.FieldTooLarge, Assert.Throws<BlockFormatException>(() => CommitCodec.Decode(encoded)).Error);
    }

    [Fact]
    public void Decode_rejects_trailing_bytes_and_missing_fields()
    {
        var encoded = CommitCodec.Encode(Build.Commit().TestObject);

        Assert.Equal(BlockError.MalformedRlp, Assert.Throws<BlockFormatException>(() => CommitCodec.Decode([.. encoded, 0xc0])).Error);
        Assert.Equal(BlockError.WrongFieldCount, Assert.Throws<BlockFormatException>(() => CommitCodec.Decode(RlpEdit.RemoveLast(encoded))).Error);
    }

    private static byte[] WithSignatureBytes(Func<byte[], byte[]> change)
    {
        var encoded = CommitCodec.Encode(Build.Commit().TestObject);
        var entry = RlpCodec.DecodeTree(encoded).Items[3].Items[0];
        var signature = change(entry.Items[1].Bytes.ToArray());
        return RlpEdit.Replace(encoded, 3, RlpItem.FromList(RlpItem.FromList(entry.Items[0], RlpItem.FromBytes(signature))));
    }
}
