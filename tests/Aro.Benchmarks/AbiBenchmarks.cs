using Aro.Core;
using Aro.Core.Abi;
using BenchmarkDotNet.Attributes;

namespace Aro.Benchmarks;

/// <summary>
/// Module-dispatch shaped ABI work: an ERC-20 transfer call (static arguments) and a work-report
/// style call with a dynamic tuple array and bytes, encoded and strictly decoded.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class AbiBenchmarks
{
    private readonly AbiFunction _transfer = AbiFunction.Parse("transfer(address,uint256)", "(bool)");
    private readonly AbiFunction _report = AbiFunction.Parse("submitReport(uint64,(address,uint64,uint64,bytes32)[],bytes)");
    private AbiValue[] _transferArguments = [];
    private AbiValue[] _reportArguments = [];
    private byte[] _transferCall = [];
    private byte[] _reportCall = [];

    [GlobalSetup]
    public void Setup()
    {
        var to = new Address(Enumerable.Repeat((byte)0x11, 20).ToArray());
        _transferArguments = [AbiValue.Address(to), AbiValue.UInt(1_000_000_000_000_000_000UL)];
        var entries = new AbiValue[8];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = AbiValue.List(
                AbiValue.Address(to),
                AbiValue.UInt((ulong)(i * 1000)),
                AbiValue.UInt((ulong)(i * 7)),
                AbiValue.Bytes(Enumerable.Repeat((byte)i, 32).ToArray()));
        }

        _reportArguments = [AbiValue.UInt(42), AbiValue.List(entries), AbiValue.Bytes(new byte[65])];
        _transferCall = _transfer.EncodeCall(_transferArguments);
        _reportCall = _report.EncodeCall(_reportArguments);
    }

    [Benchmark]
    public byte[] EncodeTransfer() => _transfer.EncodeCall(_transferArguments);

    [Benchmark]
    public AbiValue[] DecodeTransfer() => _transfer.DecodeCall(_transferCall);

    [Benchmark]
    public byte[] EncodeReport() => _report.EncodeCall(_reportArguments);

    [Benchmark]
    public AbiValue[] DecodeReport() => _report.DecodeCall(_reportCall);
}
