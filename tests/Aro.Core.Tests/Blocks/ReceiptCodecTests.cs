using Aro.Core.Blocks;
using Aro.Core.Crypto;
using Aro.Core.Rlp;
using Aro.Core.Tests.Blocks.Builders;
using Aro.Core.Transactions;

namespace Aro.Core.Tests.Blocks;

public class ReceiptCodecTests
{
    private static readonly Address Emitter = TestKeys.AddressOf(TestKeys.ValidatorC);

    public static TheoryData<TxType> Types() => [TxType.Legacy, TxType.AccessList, TxType.DynamicFee];

    [Theory]
    [MemberData(nameof(Types))]
    public void Round_trips_a_receipt_with_logs(TxType type)
    {
        var receipt = Build.Receipt().OfType(type).WithCumulativeGas(90_000)
            .WithLog(Emitter, [1, 2, 3], "Transfer(address,address,uint256)", "from", "to")
            .WithLog(Emitter, [], "Anonymous")
            .TestObject;

        var encoded = ReceiptCodec.Encode(receipt);
        var decoded = ReceiptCodec.Decode(encoded);

        Assert.Equal(receipt, decoded);
        Assert.Equal(encoded, ReceiptCodec.Encode(decoded));
        Assert.Equal(encoded.Length, ReceiptCodec.EncodedLength(receipt));
    }

    [Fact]
    public void A_typed_receipt_is_its_type_byte_before_the_list()
    {
        var encoded = ReceiptCodec.Encode(Build.Receipt().OfType(TxType.DynamicFee).TestObject);

        Assert.Equal(0x02, encoded[0]);
        Assert.Equal(4, RlpCodec.DecodeTree(encoded.AsSpan(1)).Items.Count);
    }

    [Fact]
    public void Status_is_0x01_for_success_and_0x80_for_failure()
    {
        Assert.Equal([0x01], RlpCodec.DecodeTree(ReceiptCodec.Encode(Build.Receipt().TestObject)).Items[0].Bytes.ToArray());
        Assert.Equal(0x80, ReceiptCodec.Encode(Build.Receipt().Failed().TestObject)[RlpWriter.LengthOfListHeader(259 + 3 + 1 + 1)]);
        Assert.False(ReceiptCodec.Decode(ReceiptCodec.Encode(Build.Receipt().Failed().TestObject)).Succeeded);
    }

    [Fact]
    public void Created_receipt_bloom_covers_its_logs()
    {
        var receipt = Build.Receipt().WithLog(Emitter, [9], "Event()").TestObject;

        Assert.True(receipt.Bloom.Contains(Emitter));
        Assert.True(receipt.Bloom.Contains(Keccak256.Hash("Event()"u8)));
    }

    [Fact]
    public void Round_trips_a_pre_byzantium_post_state_receipt()
    {
        var receipt = Receipt.CreateWithPostState(TxType.Legacy, Keccak256.Hash("state"u8), 21_000, []);

        var decoded = ReceiptCodec.Decode(ReceiptCodec.Encode(receipt));

        Assert.Null(decoded.Status);
        Assert.Equal(receipt.PostState, decoded.PostState);
    }

    [Theory]
    [InlineData(new byte[] { 0x00 })]
    [InlineData(new byte[] { 0x02 })]
    [InlineData(new byte[] { 0x00, 0x01 })]
    [InlineData(new byte[] { 0x01, 0x01, 0x01 })]
    public void Rejects_a_status_that_is_neither_0_1_nor_a_state_root(byte[] status)
    {
        var encoded = RlpEdit.ReplaceBytes(ReceiptCodec.Encode(Build.Receipt().TestObject), 0, status);

        Assert.Equal(BlockError.InvalidStatus, Assert.Throws<BlockFormatException>(() => ReceiptCodec.Decode(encoded)).Error);
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x03)]
    [InlineData(0x7f)]
    public void Rejects_an_unknown_type_byte(byte type)
    {
        var encoded = ReceiptCodec.Encode(Build.Receipt().TestObject);

        Assert.Equal(BlockError.UnknownReceiptType, Assert.Throws<BlockFormatException>(() => ReceiptCodec.Decode([type, .. encoded])).Error);
    }

    [Fact]
    public void Rejects_an_rlp_string_as_the_receipt()
    {
        var error = Assert.Throws<BlockFormatException>(() => ReceiptCodec.Decode(RlpCodec.EncodeBytes([1, 2, 3])));

        Assert.Equal(BlockError.UnknownReceiptType, error.Error);
    }

    [Fact]
    public void Rejects_a_log_with_five_topics()
    {
        var receipt = Build.Receipt().WithLog(Emitter, [], "a", "b", "c", "d").TestObject;
        var encoded = ReceiptCodec.Encode(receipt);
        var log = RlpCodec.DecodeTree(encoded).Items[3].Items[0];
        var topics = log.Items[1].Items.Append(RlpItem.FromBytes(new byte[32])).ToArray();
        var tampered = RlpEdit.Replace(encoded, 3, RlpItem.FromList(RlpItem.FromList(log.Items[0], RlpItem.FromList(topics), log.Items[2])));

        Assert.Equal(BlockError.TooManyTopics, Assert.Throws<BlockFormatException>(() => ReceiptCodec.Decode(tampered)).Error);
    }

    [Theory]
    [InlineData(0, 19)]
    [InlineData(1, 31)]
    public void Rejects_a_log_address_or_topic_of_the_wrong_length(int field, int length)
    {
        var encoded = ReceiptCodec.Encode(Build.Receipt().WithLog(Emitter, [], "a").TestObject);
        var log = RlpCodec.DecodeTree(encoded).Items[3].Items[0];
        var address = field == 0 ? RlpItem.FromBytes(new byte[length]) : log.Items[0];
        var topics = field == 1 ? RlpItem.FromList(RlpItem.FromBytes(new byte[length])) : log.Items[1];
        var tampered = RlpEdit.Replace(encoded, 3, RlpItem.FromList(RlpItem.FromList(address, topics, log.Items[2])));

        Assert.Equal(BlockError.InvalidLength, Assert.Throws<BlockFormatException>(() => ReceiptCodec.Decode(tampered)).Error);
    }

    [Fact]
    public void Rejects_a_bloom_of_255_bytes()
    {
        var encoded = RlpEdit.ReplaceBytes(ReceiptCodec.Encode(Build.Receipt().TestObject), 2, new byte[255]);

        Assert.Equal(BlockError.InvalidLength, Assert.Throws<BlockFormatException>(() => ReceiptCodec.Decode(encoded)).Error);
    }

    [Fact]
    public void Rejects_trailing_bytes_missing_fields_and_empty_input()
    {
        var encoded = ReceiptCodec.Encode(Build.Receipt().TestObject);

        Assert.Equal(BlockError.MalformedRlp, Assert.Throws<BlockFormatException>(() => ReceiptCodec.Decode([.. encoded, 0x80])).Error);
        Assert.Equal(BlockError.WrongFieldCount, Assert.Throws<BlockFormatException>(() => ReceiptCodec.Decode(RlpEdit.RemoveLast(encoded))).Error);
        Assert.Equal(BlockError.WrongFieldCount, Assert.Throws<BlockFormatException>(() => ReceiptCodec.Decode(RlpEdit.Append(encoded, RlpItem.FromList()))).Error);
        Assert.Equal(BlockError.MalformedRlp, Assert.Throws<BlockFormatException>(() => ReceiptCodec.Decode([])).Error);
    }

    [Fact]
    public void Log_constructor_rejects_five_topics()
    {
        Assert.Throws<ArgumentException>(() => new Log(Emitter, [Hash256.Zero, Hash256.Zero, Hash256.Zero, Hash256.Zero, Hash256.Zero], []));
    }
}
