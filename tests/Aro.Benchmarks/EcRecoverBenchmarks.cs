using Aro.Core.Crypto;
using BenchmarkDotNet.Attributes;

namespace Aro.Benchmarks;

/// <summary>
/// The libsecp256k1 binding's cost per call. Compare Recover with native/run-baseline.sh (same key,
/// hash and work in C): the goal is at most 1.10x the C time.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class EcRecoverBenchmarks
{
    private readonly byte[] _hash = new byte[32];
    private readonly byte[] _signature = new byte[64];
    private readonly byte[] _publicKey = new byte[65];
    private readonly byte[] _recovered = new byte[65];
    private readonly byte[] _key = Convert.FromHexString("c85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4");
    private byte _recoveryId;

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < _hash.Length; i++)
        {
            _hash[i] = (byte)i;
        }

        Secp256k1.SignRecoverable(_hash, _key, _signature, out _recoveryId);
        Secp256k1.GetPublicKey(_key, _publicKey);
    }

    [Benchmark(Baseline = true)]
    public bool Recover() => Secp256k1.TryRecoverPublicKey(_hash, _signature, _recoveryId, _recovered);

    [Benchmark]
    public byte Sign()
    {
        Span<byte> signature = stackalloc byte[64];
        Secp256k1.SignRecoverable(_hash, _key, signature, out var recoveryId);
        return recoveryId;
    }

    [Benchmark]
    public bool Verify() => Secp256k1.Verify(_hash, _signature, _publicKey);
}
