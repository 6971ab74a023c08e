using Aro.Core.Blocks;
using Aro.Core.Crypto;
using Aro.Core.Rlp;
using Aro.Core.Tests.Blocks.Builders;

namespace Aro.Core.Tests.Blocks;

public class HeaderCodecTests
{
    [Fact]
    public void Round_trips_every_field()
    {
        var header = Build.Header().WithNumber(5).WithBaseFee(UInt256.MaxValue).WithEpoch(ulong.MaxValue).TestObject;

        var decoded = HeaderCodec.Decode(HeaderCodec.Encode(header));

        Assert.Equal(header, decoded);
        Assert.Equal(HeaderCodec.Encode(header), HeaderCodec.Encode(decoded));
    }

    [Fact]
    public void Round_trips_zero_integers()
    {
        var header = Build.Header().WithNumber(0).WithTimestamp(0).WithGas(0, 0).WithBaseFee(UInt256.Zero).WithEpoch(0).TestObject;

        Assert.Equal(header, HeaderCodec.Decode(HeaderCodec.Encode(header)));
    }

    [Fact]
    public void Hash_is_keccak_of_the_encoding()
    {
        var header = Build.Header().TestObject;

        Assert.Equal(Keccak256.Hash(HeaderCodec.Encode(header)), header.Hash);
    }

    [Fact]
    public void Decoded_header_has_the_hash_of_the_encoder()
    {
        var header = Build.Header().WithNumber(9).TestObject;

        Assert.Equal(header.Hash, HeaderCodec.Decode(HeaderCodec.Encode(header)).Hash);
    }

    [Fact]
    public void Hash_is_the_same_on_every_read_and_from_every_thread()
    {
        var header = Build.Header().TestObject;
        var hashes = new Hash256[64];

        Parallel.For(0, hashes.Length, i => hashes[i] = header.Hash);

        Assert.All(hashes, h => Assert.Equal(Keccak256.Hash(HeaderCodec.Encode(header)), h));
    }

    [Fact]
    public void Equal_fields_give_equal_hashes()
    {
        Assert.Equal(Build.Header().WithNumber(3).TestObject.Hash, Build.Header().WithNumber(3).TestObject.Hash);
    }

    public static TheoryData<string> Fields() =>
        ["parent", "number", "timestamp", "proposer", "state", "transactions", "receipts", "bloom", "gasLimit", "gasUsed", "baseFee", "epoch", "validators", "lastCommit"];

    [Theory]
    [MemberData(nameof(Fields))]
    public void Changing_any_field_changes_the_hash(string field)
    {
        var other = Keccak256.Hash("other"u8);
        var builder = Build.Header();
        var before = builder.TestObject.Hash;
        _ = field switch
        {
            "parent" => builder.WithParent(other),
            "number" => builder.WithNumber(2),
            "timestamp" => builder.WithTimestamp(1),
            "proposer" => builder.WithProposer(TestKeys.AddressOf(TestKeys.ValidatorB)),
            "state" => builder.WithStateRoot(other),
            "transactions" => builder.WithTransactionsRoot(other),
            "receipts" => builder.WithReceiptsRoot(other),
            "bloom" => builder.WithBloom(Bloom.Empty),
            "gasLimit" => builder.WithGas(1, 21_000),
            "gasUsed" => builder.WithGas(30_000_000, 1),
            "baseFee" => builder.WithBaseFee(7UL),
            "epoch" => builder.WithEpoch(4),
            "validators" => builder.WithValidatorSetHash(other),
            "lastCommit" => builder.WithLastCommitHash(other),
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        Assert.NotEqual(before, builder.TestObject.Hash);
    }

    [Fact]
    public void Fields_are_encoded_in_the_documented_order()
    {
        var header = Build.Header().WithNumber(0x1234).WithTimestamp(0x5678).WithGas(0x99, 0x77).WithBaseFee(0x55UL).WithEpoch(0x44).TestObject;

        var items = RlpCodec.DecodeTree(HeaderCodec.Encode(header)).Items;

        Assert.Equal(HeaderCodec.FieldCount, items.Count);
        Assert.Equal(header.ParentHash.ToArray(), items[0].Bytes.ToArray());
        Assert.Equal([0x12, 0x34], items[1].Bytes.ToArray());
        Assert.Equal([0x56, 0x78], items[2].Bytes.ToArray());
        Assert.Equal(header.Proposer.ToArray(), items[3].Bytes.ToArray());
        Assert.Equal(header.StateRoot.ToArray(), items[4].Bytes.ToArray());
        Assert.Equal(header.TransactionsRoot.ToArray(), items[5].Bytes.ToArray());
        Assert.Equal(header.ReceiptsRoot.ToArray(), items[6].Bytes.ToArray());
        Assert.Equal(header.LogsBloom.Bytes.ToArray(), items[7].Bytes.ToArray());
        Assert.Equal([0x99], items[8].Bytes.ToArray());
        Assert.Equal([0x77], items[9].Bytes.ToArray());
        Assert.Equal([0x55], items[10].Bytes.ToArray());
        Assert.Equal([0x44], items[11].Bytes.ToArray());
        Assert.Equal(header.ValidatorSetHash.ToArray(), items[12].Bytes.ToArray());
        Assert.Equal(header.LastCommitHash.ToArray(), items[13].Bytes.ToArray());
    }

    [Fact]
    public void Rejects_trailing_bytes()
    {
        var encoded = HeaderCodec.Encode(Build.Header().TestObject);

        var error = Assert.Throws<BlockFormatException>(() => HeaderCodec.Decode([.. encoded, 0x80]));

        Assert.Equal(BlockError.MalformedRlp, error.Error);
        Assert.Equal(RlpError.TrailingBytes, Assert.IsType<RlpException>(error.InnerException).Error);
    }

    [Fact]
    public void Rejects_truncated_input()
    {
        var encoded = HeaderCodec.Encode(Build.Header().TestObject);

        var error = Assert.Throws<BlockFormatException>(() => HeaderCodec.Decode(encoded.AsSpan(0, encoded.Length - 1)));

        Assert.Equal(BlockError.MalformedRlp, error.Error);
    }

    [Fact]
    public void Rejects_empty_input()
    {
        Assert.Equal(BlockError.MalformedRlp, Assert.Throws<BlockFormatException>(() => HeaderCodec.Decode([])).Error);
    }

    [Fact]
    public void Rejects_a_missing_field()
    {
        var encoded = RlpEdit.RemoveLast(HeaderCodec.Encode(Build.Header().TestObject));

        Assert.Equal(BlockError.WrongFieldCount, Assert.Throws<BlockFormatException>(() => HeaderCodec.Decode(encoded)).Error);
    }

    [Fact]
    public void Rejects_an_extra_field()
    {
        var encoded = RlpEdit.Append(HeaderCodec.Encode(Build.Header().TestObject), RlpItem.FromBytes([]));

        Assert.Equal(BlockError.WrongFieldCount, Assert.Throws<BlockFormatException>(() => HeaderCodec.Decode(encoded)).Error);
    }

    [Theory]
    [InlineData(3, 21)]
    [InlineData(3, 19)]
    [InlineData(0, 31)]
    [InlineData(4, 33)]
    [InlineData(7, 255)]
    [InlineData(13, 0)]
    public void Rejects_a_fixed_size_field_of_the_wrong_length(int index, int length)
    {
        var encoded = RlpEdit.ReplaceBytes(HeaderCodec.Encode(Build.Header().TestObject), index, new byte[length]);

        Assert.Equal(BlockError.InvalidLength, Assert.Throws<BlockFormatException>(() => HeaderCodec.Decode(encoded)).Error);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(11)]
    public void Rejects_an_integer_with_a_leading_zero(int index)
    {
        var encoded = RlpEdit.ReplaceBytes(HeaderCodec.Encode(Build.Header().TestObject), index, [0x00, 0x05]);

        Assert.Equal(BlockError.NonCanonicalInteger, Assert.Throws<BlockFormatException>(() => HeaderCodec.Decode(encoded)).Error);
    }

    [Fact]
    public void Rejects_zero_written_as_the_byte_0x00()
    {
        var encoded = RlpEdit.ReplaceBytes(HeaderCodec.Encode(Build.Header().TestObject), 2, [0x00]);

        Assert.Equal(BlockError.NonCanonicalInteger, Assert.Throws<BlockFormatException>(() => HeaderCodec.Decode(encoded)).Error);
    }

    [Fact]
    public void Rejects_a_single_byte_wrapped_in_a_string_header()
    {
        var encoded = RlpEdit.ReplaceRaw(HeaderCodec.Encode(Build.Header().TestObject), 1, [0x81, 0x05]);

        var error = Assert.Throws<BlockFormatException>(() => HeaderCodec.Decode(encoded));

        Assert.Equal(RlpError.NonCanonicalSingleByte, Assert.IsType<RlpException>(error.InnerException).Error);
    }

    [Theory]
    [InlineData(1, 9)]
    [InlineData(10, 33)]
    public void Rejects_an_integer_wider_than_its_field(int index, int length)
    {
        var wide = new byte[length];
        wide[0] = 1;
        var encoded = RlpEdit.ReplaceBytes(HeaderCodec.Encode(Build.Header().TestObject), index, wide);

        Assert.Equal(BlockError.FieldTooLarge, Assert.Throws<BlockFormatException>(() => HeaderCodec.Decode(encoded)).Error);
    }

    [Fact]
    public void Rejects_a_list_where_a_field_belongs()
    {
        var encoded = RlpEdit.Replace(HeaderCodec.Encode(Build.Header().TestObject), 4, RlpItem.FromList());

        var error = Assert.Throws<BlockFormatException>(() => HeaderCodec.Decode(encoded));

        Assert.Equal(RlpError.UnexpectedList, Assert.IsType<RlpException>(error.InnerException).Error);
    }

    [Fact]
    public void Rejects_a_string_instead_of_the_header_list()
    {
        var error = Assert.Throws<BlockFormatException>(() => HeaderCodec.Decode(RlpCodec.EncodeBytes(new byte[40])));

        Assert.Equal(RlpError.UnexpectedString, Assert.IsType<RlpException>(error.InnerException).Error);
    }
}
