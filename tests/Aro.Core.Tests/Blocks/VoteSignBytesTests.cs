using System.Text;
using Aro.Core.Blocks;
using Aro.Core.Crypto;
using Aro.Core.Rlp;

namespace Aro.Core.Tests.Blocks;

public class VoteSignBytesTests
{
    private const ulong ChainId = 7_777;
    private static readonly Hash256 BlockHash = Keccak256.Hash("block"u8);

    [Fact]
    public void Start_with_the_domain_tag_as_an_rlp_string()
    {
        var bytes = VoteSignBytes.Create(ChainId, 5, 0, VoteType.Precommit, BlockHash);

        var reader = new RlpReader(bytes);
        Assert.Equal(0x8b, bytes[0]);
        Assert.Equal(VoteSignBytes.DomainTag, Encoding.ASCII.GetString(reader.ReadBytes()));
    }

    [Fact]
    public void Continue_with_rlp_of_chain_id_height_round_type_and_block_hash()
    {
        var bytes = VoteSignBytes.Create(ChainId, 5, 3, VoteType.Precommit, BlockHash);

        var reader = new RlpReader(bytes);
        reader.ReadBytes();
        var fields = reader.ReadList();
        reader.EnsureEnd();
        Assert.Equal(ChainId, fields.ReadUInt64());
        Assert.Equal(5UL, fields.ReadUInt64());
        Assert.Equal(3UL, fields.ReadUInt64());
        Assert.Equal((ulong)VoteType.Precommit, fields.ReadUInt64());
        Assert.Equal(BlockHash.ToArray(), fields.ReadBytes().ToArray());
        fields.EnsureEnd();
    }

    [Fact]
    public void Cannot_be_mistaken_for_a_transaction_preimage_an_eip191_message_or_an_rlp_list()
    {
        var first = VoteSignBytes.Create(ChainId, 1, 0, VoteType.Prevote, null)[0];

        Assert.InRange(first, (byte)0x80, (byte)0xbf);
        Assert.NotEqual(0x19, first);
    }

    public static TheoryData<string> Changes() => ["chainId", "height", "round", "type", "blockHash", "nil"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void Change_when_any_signed_field_changes(string change)
    {
        var baseline = VoteSignBytes.Create(ChainId, 5, 0, VoteType.Precommit, BlockHash);

        var changed = change switch
        {
            "chainId" => VoteSignBytes.Create(ChainId + 1, 5, 0, VoteType.Precommit, BlockHash),
            "height" => VoteSignBytes.Create(ChainId, 6, 0, VoteType.Precommit, BlockHash),
            "round" => VoteSignBytes.Create(ChainId, 5, 1, VoteType.Precommit, BlockHash),
            "type" => VoteSignBytes.Create(ChainId, 5, 0, VoteType.Prevote, BlockHash),
            "blockHash" => VoteSignBytes.Create(ChainId, 5, 0, VoteType.Precommit, Keccak256.Hash("other"u8)),
            "nil" => VoteSignBytes.Create(ChainId, 5, 0, VoteType.Precommit, null),
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };

        Assert.NotEqual(baseline, changed);
    }

    [Fact]
    public void A_nil_vote_differs_from_a_vote_for_the_zero_hash()
    {
        Assert.NotEqual(
            VoteSignBytes.Create(ChainId, 5, 0, VoteType.Prevote, null),
            VoteSignBytes.Create(ChainId, 5, 0, VoteType.Prevote, Hash256.Zero));
    }

    [Fact]
    public void Signing_hash_is_keccak_of_the_sign_bytes()
    {
        Assert.Equal(
            Keccak256.Hash(VoteSignBytes.Create(ChainId, 9, 2, VoteType.Prevote, BlockHash)),
            VoteSignBytes.SigningHash(ChainId, 9, 2, VoteType.Prevote, BlockHash));
    }
}
