using Aro.Core;
using Aro.State.Trie;
using Aro.Storage.RocksDb;
using BenchmarkDotNet.Attributes;

namespace Aro.Benchmarks;

/// <summary>Building a trie from scratch: 10,000 random 32-byte keys (state-trie shaped) and the root hash.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class TrieBuildBenchmarks
{
    private const int KeyCount = 10_000;
    private byte[][] _keys = [];
    private byte[] _value = [];

    [GlobalSetup]
    public void Setup()
    {
        (_keys, _value) = TrieBenchmarkData.Keys(KeyCount, seed: 1);
    }

    [Benchmark]
    public Hash256 Insert_10k_random_keys_and_hash()
    {
        var trie = new PatriciaTrie(new MemoryTrieNodeStore());
        foreach (var key in _keys)
        {
            trie.Set(key, _value);
        }

        return trie.RootHash;
    }
}

/// <summary>
/// One block's worth of state changes: 1,000 keys of a committed 100,000-key trie get new values,
/// then the new nodes are committed. The trie is reopened from its root each time, so the changed
/// paths are loaded from the node store as a block import would.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class TrieCommitBenchmarks
{
    private const int KeyCount = 100_000;
    private const int Changed = 1_000;

    private byte[][] _keys = [];
    private byte[] _newValue = [];
    private Hash256 _root;
    private MemoryTrieNodeStore _memory = null!;
    private RocksDbStore? _rocks;
    private string _path = string.Empty;

    [Params("memory", "rocksdb")]
    public string Store { get; set; } = "memory";

    [GlobalSetup]
    public void Setup()
    {
        (_keys, var value) = TrieBenchmarkData.Keys(KeyCount, seed: 2);
        _newValue = (byte[])value.Clone();
        _newValue[^1] ^= 0xFF;

        var trie = new PatriciaTrie(new MemoryTrieNodeStore());
        foreach (var key in _keys)
        {
            trie.Set(key, value);
        }

        if (Store == "rocksdb")
        {
            _path = Path.Combine(Path.GetTempPath(), "aro-trie-bench-" + Guid.NewGuid().ToString("N"));
            _rocks = RocksDbStore.Open(_path);
            using var batch = _rocks.CreateBatch();
            _root = trie.Commit(new TrieNodeBatch(batch));
            batch.Commit();
            _rocks.Flush();
        }
        else
        {
            _memory = new MemoryTrieNodeStore();
            _root = trie.Commit(_memory);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _rocks?.Dispose();
        if (_path.Length > 0)
        {
            Directory.Delete(_path, recursive: true);
        }
    }

    [Benchmark]
    public Hash256 Change_1k_of_100k_keys_and_commit()
    {
        if (_rocks is null)
        {
            return Apply(new PatriciaTrie(_memory, _root), _memory);
        }

        using var batch = _rocks.CreateBatch();
        var root = Apply(new PatriciaTrie(new StoreTrieNodes(_rocks), _root), new TrieNodeBatch(batch));
        batch.Commit();
        return root;
    }

    private Hash256 Apply(PatriciaTrie trie, ITrieNodeWriter writer)
    {
        // Every 100th key: spread over the whole key space, as a block's accounts are.
        for (var i = 0; i < Changed; i++)
        {
            trie.Set(_keys[i * (KeyCount / Changed)], _newValue);
        }

        return trie.Commit(writer);
    }
}

internal static class TrieBenchmarkData
{
    /// <summary>Random 32-byte keys and a 70-byte value (the size of an RLP account).</summary>
    public static (byte[][] Keys, byte[] Value) Keys(int count, int seed)
    {
        var random = new Random(seed);
        var keys = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            keys[i] = new byte[32];
            random.NextBytes(keys[i]);
        }

        var value = new byte[70];
        random.NextBytes(value);
        return (keys, value);
    }
}
