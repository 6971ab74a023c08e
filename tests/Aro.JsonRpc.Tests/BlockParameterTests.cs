using System.Text.Json;
using Aro.Core;
using Aro.JsonRpc.Json;

namespace Aro.JsonRpc.Tests;

public sealed class BlockParameterTests
{
    private const string HashHex = "0xa38f2a6f7d276298d8e7a9bfa28625e4dc8948021f5a7369d0a04571879e98d2";

    private static BlockParameter Read(string json) => JsonSerializer.Deserialize<BlockParameter>(json, EthereumJson.Options);

    private static string Write(BlockParameter value) => JsonSerializer.Serialize(value, EthereumJson.Options);

    [Theory]
    [InlineData("latest", BlockParameterKind.Latest)]
    [InlineData("earliest", BlockParameterKind.Earliest)]
    [InlineData("pending", BlockParameterKind.Pending)]
    [InlineData("safe", BlockParameterKind.Safe)]
    [InlineData("finalized", BlockParameterKind.Finalized)]
    public void Reads_and_writes_tags(string tag, BlockParameterKind kind)
    {
        var parsed = Read($"\"{tag}\"");
        Assert.Equal(kind, parsed.Kind);
        Assert.Equal($"\"{tag}\"", Write(parsed));
    }

    [Fact]
    public void Default_is_latest() => Assert.Equal(BlockParameterKind.Latest, default(BlockParameter).Kind);

    [Fact]
    public void Reads_a_quantity_block_number()
    {
        var parsed = Read("\"0x36\"");
        Assert.Equal(BlockParameter.FromNumber(0x36), parsed);
        Assert.Equal("\"0x36\"", Write(parsed));
    }

    [Fact]
    public void Reads_a_bare_block_hash()
    {
        var parsed = Read($"\"{HashHex}\"");
        Assert.Equal(BlockParameter.FromHash(Hash256.Parse(HashHex)), parsed);
        Assert.Equal($"\"{HashHex}\"", Write(parsed));
    }

    [Fact]
    public void Reads_an_eip1898_hash_object_with_require_canonical()
    {
        var parsed = Read($$"""{"blockHash":"{{HashHex}}","requireCanonical":true}""");
        Assert.True(parsed.IsHash);
        Assert.True(parsed.RequireCanonical);
        Assert.Equal(parsed, Read(Write(parsed)));
    }

    [Fact]
    public void Reads_an_eip1898_number_object() => Assert.Equal(BlockParameter.FromNumber(5), Read("""{"blockNumber":"0x5"}"""));

    [Theory]
    [InlineData("\"Latest\"")]
    [InlineData("\"head\"")]
    [InlineData("\"0x01\"")]
    [InlineData("\"54\"")]
    [InlineData("54")]
    [InlineData("\"0x8000000000000000\"")]
    [InlineData("\"0xa38f2a6f7d276298d8e7a9bfa28625e4dc8948021f5a7369d0a04571879e98dz\"")]
    [InlineData("""{"blockNumber":"0x5","blockHash":"0xa38f2a6f7d276298d8e7a9bfa28625e4dc8948021f5a7369d0a04571879e98d2"}""")]
    [InlineData("""{"blockNumber":"0x5","requireCanonical":true}""")]
    [InlineData("""{}""")]
    [InlineData("""{"blockNumber":"0x5","extra":1}""")]
    [InlineData("""{"blockHash":"0xa38f2a6f7d276298d8e7a9bfa28625e4dc8948021f5a7369d0a04571879e98d2","requireCanonical":"yes"}""")]
    public void Rejects_malformed_block_parameters(string json) => Assert.Throws<JsonException>(() => Read(json));
}
