using Aro.Core;
using Aro.Core.Crypto;
using Aro.Modules.Gpow;
using BenchmarkDotNet.Attributes;

namespace Aro.Benchmarks;

/// <summary>
/// What one GPoW compute challenge answer costs the chain to check (and the edge to compute): the default
/// 2^14 sequential keccak rounds, and the 2^18 bound. Its gas is 36 per round; this gives the time behind it.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ComputeChallengeBenchmarks
{
    private static readonly Address Edge = Address.Parse("0x00000000000000000000000000000000000000e1");
    private static readonly Hash256 Nonce = Keccak256.Hash([1, 2, 3]);

    [Params(1UL << 14, 1UL << 18)]
    public ulong Rounds { get; set; }

    [Benchmark]
    public Hash256 Answer() => ComputeChallenge.Result(7771, Edge, Nonce, Rounds);
}
