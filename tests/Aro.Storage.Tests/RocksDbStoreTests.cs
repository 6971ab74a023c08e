using Aro.Storage.Native;
using Aro.Storage.RocksDb;
using Aro.Storage;
using Aro.Testing;

namespace Aro.Storage.Tests;

/// <summary>RocksDB behaviour the in-memory store has no counterpart for: files, locks, options.</summary>
public sealed class RocksDbStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string DbPath => Path.Combine(_directory.Path, "db");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Reopen_keeps_committed_data()
    {
        using (RocksDbStore store = RocksDbStore.Open(DbPath))
        {
            store.Put(Columns.Headers, [1], [10]);
            using IWriteBatch batch = store.CreateBatch();
            batch.Put(Columns.Receipts, [2], [20]);
            batch.Put(Columns.Metadata, "head"u8, [2]);
            batch.Commit();
        }

        using RocksDbStore reopened = RocksDbStore.Open(DbPath);
        Assert.Equal([10], reopened.Get(Columns.Headers, [1]));
        Assert.Equal([20], reopened.Get(Columns.Receipts, [2]));
        Assert.Equal([2], reopened.Get(Columns.Metadata, "head"u8));
    }

    [Fact]
    public void Reopen_after_flush_reads_from_table_files()
    {
        using (RocksDbStore store = RocksDbStore.Open(DbPath))
        {
            store.Put(Columns.TrieNodes, [1], [10]);
            store.Flush();
        }

        Assert.NotEmpty(Directory.GetFiles(DbPath, "*.sst"));
        using RocksDbStore reopened = RocksDbStore.Open(DbPath);
        Assert.Equal([10], reopened.Get(Columns.TrieNodes, [1]));
    }

    [Fact]
    public void Reopen_keeps_column_families_not_requested()
    {
        using (RocksDbStore store = RocksDbStore.Open(DbPath, new StorageOptions { Columns = [Columns.Default, "legacy"] }))
        {
            store.Put("legacy", [1], [10]);
        }

        using RocksDbStore reopened = RocksDbStore.Open(DbPath);
        Assert.Contains("legacy", reopened.ColumnNames);
        Assert.Equal([10], reopened.Get("legacy", [1]));
        Assert.Contains(Columns.Metadata, reopened.ColumnNames);
    }

    [Theory]
    [InlineData(StorageCompression.None)]
    [InlineData(StorageCompression.Snappy)]
    [InlineData(StorageCompression.Lz4)]
    [InlineData(StorageCompression.Zstd)]
    public void Compression_round_trips_through_table_files(StorageCompression compression)
    {
        byte[] value = new byte[64 * 1024];
        for (int i = 0; i < value.Length; i++)
        {
            value[i] = (byte)(i % 7);
        }

        var options = new StorageOptions { Compression = compression, BlockCacheBytes = 0, BloomBitsPerKey = 0 };
        using (RocksDbStore store = RocksDbStore.Open(DbPath, options))
        {
            store.Put(Columns.Blocks, [1], value);
            store.Flush();
        }

        using RocksDbStore reopened = RocksDbStore.Open(DbPath, options);
        Assert.Equal(value, reopened.Get(Columns.Blocks, [1]));
    }

    [Fact]
    public void Opening_a_locked_database_surfaces_rocksdb_lock_error()
    {
        using RocksDbStore first = RocksDbStore.Open(DbPath);
        StorageException error = Assert.Throws<StorageException>(() => RocksDbStore.Open(DbPath));
        Assert.Equal("open", error.Operation);
        Assert.StartsWith("IO error", error.EngineMessage);
        Assert.Contains("LOCK", error.EngineMessage);
        Assert.Contains(error.EngineMessage!, error.Message);
    }

    [Fact]
    public void Database_can_be_reopened_after_dispose_releases_the_lock()
    {
        RocksDbStore.Open(DbPath).Dispose();
        using RocksDbStore again = RocksDbStore.Open(DbPath);
        Assert.Null(again.Get(Columns.Headers, [1]));
    }

    [Fact]
    public void Opening_a_file_path_surfaces_rocksdb_io_error()
    {
        string file = Path.Combine(_directory.Path, "not-a-directory");
        File.WriteAllText(file, "x");
        StorageException error = Assert.Throws<StorageException>(() => RocksDbStore.Open(file));
        Assert.StartsWith("IO error", error.EngineMessage);
        Assert.Contains(file, error.EngineMessage);
    }

    [Fact]
    public void Opening_a_missing_database_without_create_fails()
    {
        StorageException error = Assert.Throws<StorageException>(
            () => RocksDbStore.Open(DbPath, new StorageOptions { CreateIfMissing = false }));
        Assert.StartsWith("Invalid argument", error.EngineMessage);
        Assert.Contains("does not exist", error.EngineMessage);
    }

    [Fact]
    public void Duplicate_column_names_are_rejected()
    {
        Assert.Throws<ArgumentException>(
            () => RocksDbStore.Open(DbPath, new StorageOptions { Columns = [Columns.Headers, Columns.Headers] }));
        Assert.False(Directory.Exists(DbPath));
    }

    [Fact]
    public void Missing_native_library_names_the_debian_package()
    {
        StorageNativeLibraryMissingException error = Assert.Throws<StorageNativeLibraryMissingException>(
            () => NativeLibraryLoader.Load(["libaro-no-such-library.so.0"]));
        Assert.Equal(
            "librocksdb.so.7.8 not found: install Debian package librocksdb7.8 (apt-get install -y librocksdb7.8) or run ./aro setup",
            error.Message);
    }

    [Fact]
    public void Finalized_handles_release_the_database()
    {
        OpenAndAbandon(DbPath);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        GC.WaitForPendingFinalizers();

        // Only possible once every abandoned handle, the database last, has been finalized.
        using RocksDbStore reopened = RocksDbStore.Open(DbPath);
        Assert.Equal([1], reopened.Get(Columns.Headers, [1]));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void OpenAndAbandon(string path)
    {
        RocksDbStore store = RocksDbStore.Open(path);
        store.Put(Columns.Headers, [1], [1]);
        IKeyValueSnapshot snapshot = store.CreateSnapshot();
        IKeyValueIterator iterator = snapshot.Iterate(Columns.Headers, new IteratorOptions { Prefix = [1] });
        iterator.SeekToFirst();
        Assert.True(iterator.Valid);
        _ = store.CreateBatch();
    }
}
