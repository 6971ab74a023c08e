using System.Text.Json;
using Aro.Core.Crypto;
using Aro.Testing;

namespace Aro.Core.Tests.Crypto;

public class KeccakTests
{
    [Fact]
    public void Empty_hash_is_the_known_keccak_of_nothing() =>
        Assert.Equal(
            "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
            Keccak256.EmptyHash.ToString());

    [Fact]
    public void Uses_keccak_padding_not_sha3_padding()
    {
        // SHA3-256("") is a7ffc6f8…; Ethereum's Keccak-256("") is c5d24601….
        Assert.NotEqual(
            Hash256.Parse("0xa7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a"),
            Keccak256.Hash([]));
    }

    [Fact]
    public void Matches_ethers_hash_vectors()
    {
        using var doc = JsonDocument.Parse(TestData.ReadGzipText("ethereum", "ethers", "testcases", "hashes.json.gz"));
        var run = new VectorRun("ethers hashes.json");
        foreach (var vector in doc.RootElement.EnumerateArray())
        {
            var name = vector.GetProperty("name").GetString()!;
            run.Case(name, () =>
            {
                var data = Hex.Decode(vector.GetProperty("data").GetString()!);
                var expected = Hash256.Parse(vector.GetProperty("keccak256").GetString()!);
                Assert.Equal(expected, Keccak256.Hash(data));
            });
        }

        run.AssertAll(atLeast: 250);
    }

    [Fact]
    public void Incremental_equals_one_shot_at_every_split_point()
    {
        var input = new byte[300];
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = (byte)(i * 7);
        }

        var expected = Keccak256.Hash(input);
        var hasher = new Keccak256Hasher();
        for (var split = 0; split <= input.Length; split++)
        {
            hasher.Append(input.AsSpan(0, split));
            hasher.Append(input.AsSpan(split));
            Assert.Equal(expected, hasher.Finish());
        }
    }

    [Fact]
    public void Incremental_equals_one_shot_for_byte_by_byte_input_across_rate_boundaries()
    {
        foreach (var length in new[] { 135, 136, 137, 271, 272, 273 })
        {
            var input = new byte[length];
            for (var i = 0; i < input.Length; i++)
            {
                input[i] = (byte)(i + length);
            }

            var hasher = new Keccak256Hasher();
            foreach (var b in input)
            {
                hasher.Append([b]);
            }

            Assert.Equal(Keccak256.Hash(input), hasher.Finish());
        }
    }

    [Fact]
    public void Finish_resets_the_hasher_for_reuse()
    {
        var hasher = new Keccak256Hasher();
        hasher.Append([1, 2, 3]);
        hasher.Finish();

        Assert.Equal(Keccak256.EmptyHash, hasher.Finish());
    }

    [Fact]
    public void Span_overload_writes_the_same_digest()
    {
        byte[] data = [0xde, 0xad, 0xbe, 0xef];
        var output = new byte[32];
        Keccak256.Hash(data, output);

        Assert.Equal(Keccak256.Hash(data).ToArray(), output);
    }

    [Fact]
    public void Rejects_an_output_shorter_than_32_bytes() =>
        Assert.Throws<ArgumentException>(() => Keccak256.Hash([1], new byte[31]));
}
