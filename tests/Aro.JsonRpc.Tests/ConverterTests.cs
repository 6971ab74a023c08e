using System.Text.Json;
using Aro.Core;
using Aro.JsonRpc.Json;

namespace Aro.JsonRpc.Tests;

/// <summary>Each wire type: canonical round trip, the accepted spellings and the rejected ones.</summary>
public sealed class ConverterTests
{
    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, EthereumJson.Options)!;

    private static string Write<T>(T value) => JsonSerializer.Serialize(value, EthereumJson.Options);

    private static string Rejects<T>(string json) => Assert.Throws<JsonException>(() => Read<T>(json)).Message;

    [Theory]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0x80e911b62f552f563a2544dfef5eb39ec8863d9082c998ca6b657f76e19de38e")]
    public void Hash_round_trips(string hex) => Assert.Equal($"\"{hex}\"", Write(Read<Hash256>($"\"{hex}\"")));

    [Fact]
    public void Hash_accepts_uppercase_digits_and_writes_lowercase() =>
        Assert.Equal(
            "\"0x80e911b62f552f563a2544dfef5eb39ec8863d9082c998ca6b657f76e19de38e\"",
            Write(Read<Hash256>("\"0x80E911B62F552F563A2544DFEF5EB39EC8863D9082C998CA6B657F76E19DE38E\"")));

    [Theory]
    [InlineData("\"80e911b62f552f563a2544dfef5eb39ec8863d9082c998ca6b657f76e19de38e\"")]
    [InlineData("\"0x80e911b62f552f563a2544dfef5eb39ec8863d9082c998ca6b657f76e19de3\"")]
    [InlineData("\"0x80e911b62f552f563a2544dfef5eb39ec8863d9082c998ca6b657f76e19de38e00\"")]
    [InlineData("\"0x80e911b62f552f563a2544dfef5eb39ec8863d9082c998ca6b657f76e19de38g\"")]
    [InlineData("\"0x\"")]
    [InlineData("12")]
    [InlineData("null")]
    public void Hash_rejects_malformed_input(string json) => Rejects<Hash256>(json);

    [Fact]
    public void Address_round_trips_lowercase() =>
        Assert.Equal("\"0x7dcd17433742f4c0ca53122ab541d0ba67fc27df\"", Write(Read<Address>("\"0x7dcd17433742f4c0ca53122ab541d0ba67fc27df\"")));

    [Fact]
    public void Address_accepts_mixed_case_without_a_checksum_check_and_writes_lowercase() =>
        Assert.Equal("\"0x7dcd17433742f4c0ca53122ab541d0ba67fc27df\"", Write(Read<Address>("\"0x7DCD17433742f4c0ca53122ab541d0ba67fc27DF\"")));

    [Theory]
    [InlineData("\"7dcd17433742f4c0ca53122ab541d0ba67fc27df\"")]
    [InlineData("\"0x7dcd17433742f4c0ca53122ab541d0ba67fc27\"")]
    [InlineData("\"0x7dcd17433742f4c0ca53122ab541d0ba67fc27df00\"")]
    [InlineData("\"0x7dcd17433742f4c0ca53122ab541d0ba67fc27dz\"")]
    [InlineData("true")]
    public void Address_rejects_malformed_input(string json) => Rejects<Address>(json);

    [Theory]
    [InlineData("0x0", 0UL)]
    [InlineData("0x1", 1UL)]
    [InlineData("0xc72dd9d5e883e", 0xc72dd9d5e883eUL)]
    [InlineData("0xffffffffffffffff", ulong.MaxValue)]
    public void Ulong_quantity_round_trips(string hex, ulong value)
    {
        Assert.Equal(value, Read<ulong>($"\"{hex}\""));
        Assert.Equal($"\"{hex}\"", Write(value));
    }

    [Theory]
    [InlineData("\"0x01\"", "leading zero")]
    [InlineData("\"0x00\"", "leading zero")]
    [InlineData("\"0x\"", "no digits")]
    [InlineData("\"1\"", "without 0x prefix")]
    [InlineData("\"0x10000000000000000\"", "64 bits")]
    [InlineData("\"0xg\"", "invalid hex")]
    [InlineData("1", "hex string")]
    public void Ulong_quantity_is_strict(string json, string reason) =>
        Assert.Contains(reason, Rejects<ulong>(json), StringComparison.Ordinal);

    [Theory]
    [InlineData("0x0")]
    [InlineData("0x56")]
    [InlineData("0x10000000000000000")]
    [InlineData("0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [InlineData("0x1000000000000000000000000000000000000000000000000000000000000000")]
    public void Uint256_quantity_round_trips(string hex) => Assert.Equal($"\"{hex}\"", Write(Read<UInt256>($"\"{hex}\"")));

    [Fact]
    public void Uint256_reads_the_value_it_spells() =>
        Assert.Equal(UInt256.Parse("340282366920938463463374607431768211456"), Read<UInt256>("\"0x100000000000000000000000000000000\""));

    [Theory]
    [InlineData("\"0x0100\"")]
    [InlineData("\"0x\"")]
    [InlineData("\"100\"")]
    [InlineData("\"0x10000000000000000000000000000000000000000000000000000000000000000\"")]
    [InlineData("\"0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffz\"")]
    [InlineData("\"0xz\"")]
    public void Uint256_quantity_is_strict(string json) => Rejects<UInt256>(json);

    [Theory]
    [InlineData("0x")]
    [InlineData("0x00")]
    [InlineData("0x3680600080376000206000548082558060010160005560005263656d697460206000a2")]
    public void Data_round_trips(string hex) => Assert.Equal($"\"{hex}\"", Write(Read<byte[]>($"\"{hex}\"")));

    [Fact]
    public void Data_decodes_bytes() => Assert.Equal(new byte[] { 0xde, 0xad, 0xBE, 0xef }, Read<byte[]>("\"0xDEADbeef\""));

    [Fact]
    public void Data_reads_escaped_strings() => Assert.Equal(new byte[] { 0xab }, Read<byte[]>("\"0x\\u0061b\""));

    [Theory]
    [InlineData("\"0xabc\"", "odd length")]
    [InlineData("\"abcd\"", "without 0x prefix")]
    [InlineData("\"0xabzz\"", "invalid hex")]
    [InlineData("[1,2]", "hex string")]
    public void Data_rejects_malformed_input(string json, string reason) =>
        Assert.Contains(reason, Rejects<byte[]>(json), StringComparison.Ordinal);

    [Theory]
    [InlineData("0x0", "0x0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0x1", "0x0000000000000000000000000000000000000000000000000000000000000001")]
    [InlineData("0x0100000000000000000000000000000000000000000000000000000000000000", "0x0100000000000000000000000000000000000000000000000000000000000000")]
    public void Storage_key_accepts_short_and_full_keys(string input, string canonical) =>
        Assert.Equal($"\"{canonical}\"", Write(Read<StorageKey>($"\"{input}\"")));

    [Fact]
    public void Storage_key_rejects_more_than_32_bytes() =>
        Assert.StartsWith("storage key too long (want at most 32 bytes)", Rejects<StorageKey>("\"0x00000000000000000000000000000000000000000000000000000000000000000\""), StringComparison.Ordinal);

    [Fact]
    public void Storage_key_rejects_bad_hex() =>
        Assert.Equal("invalid hex in storage key: \"0xasdf\"", Rejects<StorageKey>("\"0xasdf\""));

    [Fact]
    public void Uint256_writes_inside_objects_as_quantity() =>
        Assert.Equal("""{"value":"0xff","block":"0x10"}""", Write(new { Value = (UInt256)255UL, Block = 16UL }));
}
