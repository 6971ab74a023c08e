using System.Buffers.Binary;
using Aro.Storage;
using Aro.Storage.RocksDb;
using BenchmarkDotNet.Attributes;

namespace Aro.Benchmarks;

[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class StorageBenchmarks
{
    private const int Preloaded = 10_000;

    private string _path = string.Empty;
    private RocksDbStore _store = null!;
    private IWriteBatch _batch = null!;
    private readonly byte[] _putKey = new byte[32];
    private readonly byte[] _getKey = new byte[32];
    private readonly byte[] _batchKey = new byte[32];
    private readonly byte[] _value = new byte[100];
    private long _counter;

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), "aro-storage-bench-" + Guid.NewGuid().ToString("N"));
        _store = RocksDbStore.Open(_path);
        for (int i = 0; i < Preloaded; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(_getKey, i);
            _store.Put(Columns.TrieNodes, _getKey, _value);
        }

        _store.Flush();
        _batch = _store.CreateBatch();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _batch.Dispose();
        _store.Dispose();
        Directory.Delete(_path, recursive: true);
    }

    [Benchmark]
    public void Put()
    {
        BinaryPrimitives.WriteInt64BigEndian(_putKey, ++_counter);
        _store.Put(Columns.Headers, _putKey, _value);
    }

    [Benchmark]
    public byte[] Get_hit()
    {
        BinaryPrimitives.WriteInt32BigEndian(_getKey, (int)(++_counter % Preloaded));
        return _store.Get(Columns.TrieNodes, _getKey) ?? throw new InvalidOperationException("preloaded key missing");
    }

    [Benchmark]
    public void Batch_commit_1000_puts()
    {
        for (int i = 0; i < 1_000; i++)
        {
            BinaryPrimitives.WriteInt64BigEndian(_batchKey, ++_counter);
            _batch.Put(Columns.Blocks, _batchKey, _value);
        }

        _batch.Commit();
    }
}
