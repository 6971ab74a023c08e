using System.Text;
using Aro.Core.Abi;
using Aro.Core.Crypto;
using static Aro.Core.Tests.Abi.AbiTestHex;

namespace Aro.Core.Tests.Abi;

public class AbiEventTests
{
    private static readonly Address From = Address.Parse("0x1111111111111111111111111111111111111111");
    private static readonly Address To = Address.Parse("0x2222222222222222222222222222222222222222");
    private static readonly AbiEvent Transfer = AbiEvent.Parse("Transfer(address,address,uint256)", 0, 1);

    private static byte[] Word(string hex) => Parse(hex.PadLeft(64, '0'));

    [Fact]
    public void Transfer_puts_topic0_and_the_indexed_addresses_in_topics_and_the_amount_in_data()
    {
        var log = Transfer.Encode(AbiValue.Address(From), AbiValue.Address(To), AbiValue.UInt(1000));
        Assert.Equal(3, log.Topics.Count);
        Assert.Equal("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef", log.Topics[0].ToString());
        Assert.Equal("0x0000000000000000000000001111111111111111111111111111111111111111", log.Topics[1].ToString());
        Assert.Equal("0x0000000000000000000000002222222222222222222222222222222222222222", log.Topics[2].ToString());
        Assert.Equal(Word("3e8"), log.Data);
    }

    [Fact]
    public void Transfer_decodes_back_in_declaration_order()
    {
        var log = Transfer.Encode(AbiValue.Address(From), AbiValue.Address(To), AbiValue.UInt(1000));
        var values = Transfer.Decode(log.Topics, log.Data);
        Assert.Equal(From, values[0].AsAddress());
        Assert.Equal(To, values[1].AsAddress());
        Assert.Equal(1000UL, values[2].AsUInt64());
    }

    [Fact]
    public void Indexed_string_topic_is_the_keccak_of_its_raw_bytes()
    {
        var named = AbiEvent.Parse("Named(string,uint256)", 0);
        var log = named.Encode(AbiValue.String("hello"), AbiValue.UInt(7));
        Assert.Equal(Keccak256.Hash(Encoding.UTF8.GetBytes("hello")), log.Topics[1]);
        var values = named.Decode(log.Topics, log.Data);
        Assert.Equal(log.Topics[1], values[0].AsTopicHash());
        Assert.Equal(7UL, values[1].AsUInt64());
    }

    [Fact]
    public void Indexed_bytes_topic_is_the_keccak_of_its_raw_bytes()
    {
        var topic = AbiEvent.Topic(AbiType.Bytes, AbiValue.Bytes([1, 2, 3]));
        Assert.Equal(Keccak256.Hash([1, 2, 3]), topic);
    }

    [Fact]
    public void Indexed_static_array_topic_is_the_keccak_of_its_words() =>
        Assert.Equal(
            Keccak256.Hash([.. Word("01"), .. Word("02")]),
            AbiEvent.Topic(AbiType.Parse("uint256[2]"), AbiValue.List(AbiValue.UInt(1), AbiValue.UInt(2))));

    [Fact]
    public void Indexed_dynamic_array_topic_has_no_length_prefix() =>
        Assert.Equal(
            Keccak256.Hash([.. Word("01"), .. Word("02"), .. Word("03")]),
            AbiEvent.Topic(AbiType.Parse("uint8[]"), AbiValue.List(AbiValue.UInt(1), AbiValue.UInt(2), AbiValue.UInt(3))));

    [Fact]
    public void Indexed_strings_inside_an_array_are_padded_to_words_without_lengths()
    {
        var expected = Keccak256.Hash([.. Parse("6f6e65".PadRight(64, '0')), .. Parse("7468726565".PadRight(64, '0'))]);
        Assert.Equal(expected, AbiEvent.Topic(AbiType.Parse("string[]"), AbiValue.List(AbiValue.String("one"), AbiValue.String("three"))));
    }

    [Fact]
    public void Indexed_tuple_topic_concatenates_its_members_in_place()
    {
        var expected = Keccak256.Hash([.. Word("05"), .. Parse("6162".PadRight(64, '0')), .. Word("01")]);
        var type = AbiType.Parse("(uint64,bytes,bool)");
        Assert.Equal(expected, AbiEvent.Topic(type, AbiValue.List(AbiValue.UInt(5), AbiValue.Bytes([0x61, 0x62]), AbiValue.Bool(true))));
    }

    [Fact]
    public void Indexed_negative_int_topic_is_sign_extended() =>
        Assert.Equal("0x" + new string('f', 64), AbiEvent.Topic(AbiType.Int(16), AbiValue.Int(-1)).ToString());

    [Fact]
    public void Indexed_bytesN_topic_is_right_padded() =>
        Assert.Equal("0xabcd" + new string('0', 60), AbiEvent.Topic(AbiType.FixedBytes(2), AbiValue.Bytes([0xab, 0xcd])).ToString());

    [Fact]
    public void Anonymous_event_has_no_topic0()
    {
        var anonymous = new AbiEvent("Anon", [AbiParameter.Of("uint256", "a", indexed: true)], anonymous: true);
        var log = anonymous.Encode(AbiValue.UInt(9));
        Assert.Single(log.Topics);
        Assert.Equal(9UL, anonymous.Decode(log.Topics, log.Data)[0].AsUInt64());
    }

    [Fact]
    public void Rejects_more_than_three_indexed_arguments() =>
        Assert.Throws<AbiFormatException>(() => AbiEvent.Parse("E(uint8,uint8,uint8,uint8)", 0, 1, 2, 3));

    [Fact]
    public void Decode_rejects_a_wrong_topic0()
    {
        var log = Transfer.Encode(AbiValue.Address(From), AbiValue.Address(To), AbiValue.UInt(1));
        var approval = AbiEvent.Parse("Approval(address,address,uint256)", 0, 1);
        Assert.Throws<AbiFormatException>(() => approval.Decode(log.Topics, log.Data));
    }

    [Fact]
    public void Decode_rejects_a_wrong_topic_count()
    {
        var log = Transfer.Encode(AbiValue.Address(From), AbiValue.Address(To), AbiValue.UInt(1));
        Assert.Throws<AbiFormatException>(() => Transfer.Decode(log.Topics.Take(2).ToArray(), log.Data));
    }

    [Fact]
    public void Decode_rejects_a_dirty_indexed_address_topic()
    {
        var log = Transfer.Encode(AbiValue.Address(From), AbiValue.Address(To), AbiValue.UInt(1));
        var dirty = log.Topics.ToArray();
        var bytes = dirty[1].Bytes.ToArray();
        bytes[0] = 1;
        dirty[1] = new Hash256(bytes);
        Assert.Throws<AbiFormatException>(() => Transfer.Decode(dirty, log.Data));
    }
}
