using System.Numerics;
using Aro.Core.Abi;

namespace Aro.Core.Tests.Abi;

public class AbiValueTests
{
    [Fact]
    public void Reading_a_value_as_another_kind_throws_invalid_operation()
    {
        Assert.Throws<InvalidOperationException>(() => AbiValue.UInt(1).AsBool());
        Assert.Throws<InvalidOperationException>(() => AbiValue.Bool(true).AsUInt256());
        Assert.Throws<InvalidOperationException>(() => AbiValue.String("a").AsBytes());
        Assert.Throws<InvalidOperationException>(() => default(AbiValue).AsList());
    }

    [Fact]
    public void Int_from_long_and_from_big_integer_are_the_same_value()
    {
        Assert.Equal(AbiValue.Int(-5), AbiValue.Int(new BigInteger(-5)));
        Assert.Equal(-(BigInteger.One << 255), AbiValue.Int(-(BigInteger.One << 255)).AsBigInteger());
    }

    [Fact]
    public void AsInt64_rejects_values_beyond_64_bits() =>
        Assert.Throws<OverflowException>(() => AbiValue.Int(BigInteger.One << 63).AsInt64());

    [Fact]
    public void Address_round_trips_through_its_word()
    {
        var address = Address.Parse("0x52908400098527886E0F7030069857D2E4169EE7");
        Assert.Equal(address, AbiValue.Address(address).AsAddress());
    }

    [Fact]
    public void Equality_is_structural()
    {
        Assert.Equal(AbiValue.List(AbiValue.Bytes([1, 2]), AbiValue.String("x")), AbiValue.List(AbiValue.Bytes([1, 2]), AbiValue.String("x")));
        Assert.NotEqual(AbiValue.List(AbiValue.Bytes([1, 2])), AbiValue.List(AbiValue.Bytes([1, 3])));
        Assert.NotEqual(AbiValue.UInt(1), AbiValue.Int(1));
    }

    [Fact]
    public void Encode_call_rejects_a_wrong_argument_count() =>
        Assert.Throws<AbiFormatException>(() => AbiFunction.Parse("transfer(address,uint256)").EncodeCall(AbiValue.UInt(1)));
}
