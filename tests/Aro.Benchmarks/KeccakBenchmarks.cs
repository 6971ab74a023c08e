using Aro.Core.Crypto;
using BenchmarkDotNet.Attributes;
using Org.BouncyCastle.Crypto.Digests;

namespace Aro.Benchmarks;

/// <summary>Our Keccak-256 against BouncyCastle's KeccakDigest(256); the target is ≥ 2× on 32-byte inputs.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class KeccakBenchmarks
{
    private readonly byte[] _output = new byte[32];
    private readonly KeccakDigest _bouncy = new(256);
    private byte[] _input = [];

    [Params(32, 1024)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Fixed content: benchmarks need no randomness, only a non-trivial input.
        _input = new byte[Size];
        for (var i = 0; i < _input.Length; i++)
        {
            _input[i] = (byte)((i * 31) + 7);
        }
    }

    [Benchmark(Baseline = true)]
    public byte[] BouncyCastle()
    {
        _bouncy.BlockUpdate(_input, 0, _input.Length);
        _bouncy.DoFinal(_output, 0);
        return _output;
    }

    [Benchmark]
    public byte[] AroKeccak256()
    {
        Keccak256.Hash(_input, _output);
        return _output;
    }
}
