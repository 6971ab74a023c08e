using System.Runtime.CompilerServices;
using System.Text.Json;
using Aro.Testing;

namespace Aro.Core.Tests.Primitives;

public class AddressTests
{
    // SEC 2 §2.4.1: the secp256k1 generator G, which is the public key of private key 1.
    private const string GeneratorX = "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
    private const string GeneratorY = "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8";

    [Fact]
    public void Is_20_bytes_inline() => Assert.Equal(20, Unsafe.SizeOf<Address>());

    [Theory]
    [InlineData("0x52908400098527886E0F7030069857D2E4169EE7")]
    [InlineData("0xAcA128edBD274F2aBa534d67DD55Ebf67767B9A5")]
    [InlineData("0xde709f2102306220921060314715629080e2fb77")]
    [InlineData("0x27b1fdb04752bbc536007a920d24acb045561c26")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    public void Formats_the_EIP55_examples_with_their_checksum(string checksummed) =>
        Assert.Equal(checksummed, Address.Parse(checksummed.ToLowerInvariant()).ToString());

    [Fact]
    public void Round_trips_ethers_account_addresses()
    {
        using var doc = JsonDocument.Parse(TestData.ReadGzipText("ethereum", "ethers", "testcases", "accounts.json.gz"));
        var run = new VectorRun("ethers accounts.json");
        foreach (var account in doc.RootElement.EnumerateArray())
        {
            var expected = account.GetProperty("address").GetString()!;
            run.Case(account.GetProperty("name").GetString()!, () =>
            {
                var parsed = Address.Parse(expected);
                Assert.Equal(expected, parsed.ToString());
                Assert.Equal(expected.ToLowerInvariant(), parsed.ToLowerHex());
                Assert.Equal(parsed, Address.Parse(expected.ToLowerInvariant()));
                Assert.Equal(parsed, Address.Parse("0x" + expected[2..].ToUpperInvariant()));
            });
        }

        run.AssertAll(atLeast: 250);
    }

    [Theory]
    [InlineData("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9adb")]
    public void Rejects_mixed_case_with_a_bad_checksum(string address)
    {
        Assert.Throws<HexFormatException>(() => Address.Parse(address));
        Assert.False(Address.TryParse(address, out _));
    }

    [Theory]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beae")]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed00")]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg")]
    [InlineData("")]
    public void Rejects_wrong_length_or_bad_digits(string address) =>
        Assert.Throws<HexFormatException>(() => Address.Parse(address));

    [Fact]
    public void Accepts_input_without_prefix() =>
        Assert.Equal(
            Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"),
            Address.Parse("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"));

    [Fact]
    public void FromPublicKey_of_the_generator_is_the_address_of_private_key_one()
    {
        var expected = Address.Parse("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf");

        Assert.Equal(expected, Address.FromPublicKey(Hex.Decode(GeneratorX + GeneratorY)));
        Assert.Equal(expected, Address.FromPublicKey(Hex.Decode("04" + GeneratorX + GeneratorY)));
    }

    [Theory]
    [InlineData(33)]
    [InlineData(63)]
    [InlineData(66)]
    public void FromPublicKey_rejects_other_lengths(int length) =>
        Assert.Throws<ArgumentException>(() => Address.FromPublicKey(new byte[length]));

    [Fact]
    public void FromPublicKey_rejects_a_65_byte_key_without_the_uncompressed_tag() =>
        Assert.Throws<ArgumentException>(() => Address.FromPublicKey(Hex.Decode("03" + GeneratorX + GeneratorY)));

    [Fact]
    public void Bytes_CopyTo_and_ToArray_agree()
    {
        var address = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        var copy = new byte[20];
        address.CopyTo(copy);

        Assert.Equal(Hex.Decode("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"), copy);
        Assert.Equal(copy, address.ToArray());
        Assert.Equal(copy, address.Bytes.ToArray());
    }

    [Fact]
    public void Equality_and_order_follow_the_bytes()
    {
        var a = Address.Parse("0x0000000000000000000000000000000000000001");
        var b = Address.Parse("0x0000000000000000000000000000000000000002");
        var c = Address.Parse("0x0100000000000000000000000000000000000000");

        Assert.True(a != b);
        Assert.True(a == Address.Parse("0x0000000000000000000000000000000000000001"));
        Assert.True(a < b && b < c);
        Assert.True(Address.Zero.IsZero);
        Assert.False(a.IsZero);
    }
}
