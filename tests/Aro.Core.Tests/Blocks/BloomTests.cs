using Aro.Core.Blocks;
using Aro.Core.Crypto;
using Aro.Core.Tests.Blocks.Builders;

namespace Aro.Core.Tests.Blocks;

public class BloomTests
{
    private static readonly Address Emitter = TestKeys.AddressOf(TestKeys.ValidatorA);
    private static readonly Hash256 Topic = Keccak256.Hash("Transfer(address,address,uint256)"u8);

    [Fact]
    public void An_item_sets_at_most_three_bits()
    {
        var builder = new BloomBuilder();
        builder.Add(Emitter);

        var bits = builder.ToBloom().Bytes.ToArray().Sum(b => System.Numerics.BitOperations.PopCount(b));

        Assert.InRange(bits, 1, 3);
    }

    [Fact]
    public void Bits_come_from_the_first_three_byte_pairs_of_the_keccak()
    {
        var hash = Keccak256.Hash(Emitter.Bytes).ToArray();
        var builder = new BloomBuilder();
        builder.Add(Emitter);
        var bloom = builder.ToBloom().Bytes.ToArray();

        for (var pair = 0; pair < 6; pair += 2)
        {
            var bit = ((hash[pair] << 8) | hash[pair + 1]) % 2048;
            Assert.NotEqual(0, bloom[255 - (bit / 8)] & (1 << (bit % 8)));
        }
    }

    [Fact]
    public void Contains_what_was_added()
    {
        var builder = new BloomBuilder();
        builder.Add(Emitter);
        builder.Add(Topic);

        var bloom = builder.ToBloom();

        Assert.True(bloom.Contains(Emitter));
        Assert.True(bloom.Contains(Topic));
        Assert.True(bloom.Matches(BloomProbe.Of(Topic)));
    }

    [Fact]
    public void Empty_bloom_contains_nothing()
    {
        Assert.False(Bloom.Empty.Contains(Emitter));
        Assert.False(Bloom.Empty.Contains(Topic));
        Assert.True(Bloom.Empty.IsEmpty);
    }

    [Fact]
    public void Does_not_contain_an_item_whose_bits_are_unset()
    {
        var builder = new BloomBuilder();
        builder.Add(Emitter);

        Assert.False(builder.ToBloom().Contains(Topic));
    }

    [Fact]
    public void From_logs_covers_address_and_topics_but_not_data()
    {
        var data = Keccak256.Hash("data"u8);
        var bloom = Bloom.FromLogs([new Log(Emitter, [Topic], data.Bytes)]);

        Assert.True(bloom.Contains(Emitter));
        Assert.True(bloom.Contains(Topic));
        Assert.False(bloom.Contains(data.Bytes));
    }

    [Fact]
    public void Combine_is_the_bitwise_or()
    {
        var a = Bloom.FromLogs([new Log(Emitter, [], [])]);
        var b = Bloom.FromLogs([new Log(TestKeys.AddressOf(TestKeys.ValidatorB), [Topic], [])]);

        var combined = a | b;

        Assert.Equal(a.Bytes.ToArray().Zip(b.Bytes.ToArray(), (x, y) => (byte)(x | y)), combined.Bytes.ToArray());
        Assert.Equal(combined, Bloom.Combine(b, a));
    }

    [Fact]
    public void Builder_add_of_a_bloom_unions_it_in()
    {
        var a = Bloom.FromLogs([new Log(Emitter, [Topic], [])]);
        var builder = new BloomBuilder();
        builder.Add(TestKeys.AddressOf(TestKeys.ValidatorC));
        var before = builder.ToBloom();

        builder.Add(a);

        Assert.Equal(before | a, builder.ToBloom());
    }

    [Fact]
    public void Hex_round_trips()
    {
        var bloom = Bloom.FromLogs([new Log(Emitter, [Topic], [])]);

        Assert.Equal(bloom, Bloom.Parse(bloom.ToString()));
        Assert.Equal(2 + 512, bloom.ToString().Length);
    }

    [Fact]
    public void Parse_rejects_the_wrong_length()
    {
        Assert.Throws<HexFormatException>(() => Bloom.Parse("0x00"));
    }

    [Fact]
    public void Constructor_rejects_the_wrong_length()
    {
        Assert.Throws<ArgumentException>(() => new Bloom(new byte[255]));
    }
}
