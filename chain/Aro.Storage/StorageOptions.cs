namespace Aro.Storage;

/// <summary>Block compression of table files; all four are compiled into Debian's librocksdb7.8.</summary>
public enum StorageCompression
{
    None = 0,
    Snappy = 1,
    Lz4 = 4,
    Zstd = 7,
}

public sealed class StorageOptions
{
    /// <summary>Column families to open; missing ones are created. Existing extra families stay open too.</summary>
    public IReadOnlyList<string> Columns { get; init; } = Storage.Columns.All;

    /// <summary>Shared LRU block cache for every column family.</summary>
    public long BlockCacheBytes { get; init; } = 64L * 1024 * 1024;

    public StorageCompression Compression { get; init; } = StorageCompression.Lz4;

    public bool CreateIfMissing { get; init; } = true;

    /// <summary>Bloom filter bits per key for point lookups; 0 disables the filter.</summary>
    public int BloomBitsPerKey { get; init; } = 10;

    /// <summary>Limit on open table files; -1 keeps them all open.</summary>
    public int MaxOpenFiles { get; init; } = -1;

    /// <summary>Background flush and compaction threads.</summary>
    public int Parallelism { get; init; } = 2;
}
