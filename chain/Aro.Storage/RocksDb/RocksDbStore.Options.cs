using Aro.Storage.Native;

namespace Aro.Storage.RocksDb;

public sealed partial class RocksDbStore
{
    private static OptionsHandle CreateOptions(StorageOptions options)
    {
        if (options.Columns.Count == 0)
        {
            throw new ArgumentException("At least one column family is required.", nameof(options));
        }

        OptionsHandle dbOptions = RocksDbNative.rocksdb_options_create();
        RocksDbNative.rocksdb_options_set_create_if_missing(dbOptions, options.CreateIfMissing ? (byte)1 : (byte)0);
        RocksDbNative.rocksdb_options_set_create_missing_column_families(dbOptions, 1);
        RocksDbNative.rocksdb_options_set_compression(dbOptions, (int)options.Compression);
        RocksDbNative.rocksdb_options_set_max_open_files(dbOptions, options.MaxOpenFiles);
        RocksDbNative.rocksdb_options_increase_parallelism(dbOptions, Math.Max(1, options.Parallelism));

        // The table factory copies the table options and shares the cache, so both are released here.
        using BlockBasedTableOptionsHandle table = RocksDbNative.rocksdb_block_based_options_create();
        if (options.BlockCacheBytes > 0)
        {
            using CacheHandle cache = RocksDbNative.rocksdb_cache_create_lru((nuint)options.BlockCacheBytes);
            RocksDbNative.rocksdb_block_based_options_set_block_cache(table, cache);
        }

        if (options.BloomBitsPerKey > 0)
        {
            RocksDbNative.rocksdb_block_based_options_set_filter_policy(
                table, RocksDbNative.rocksdb_filterpolicy_create_bloom(options.BloomBitsPerKey));
        }

        RocksDbNative.rocksdb_block_based_options_set_cache_index_and_filter_blocks(table, 1);
        RocksDbNative.rocksdb_options_set_block_based_table_factory(dbOptions, table);
        return dbOptions;
    }

    /// <summary>The requested families, "default" (RocksDB always has it), and any the database already holds.</summary>
    private static unsafe List<string> ColumnsToOpen(string path, OptionsHandle dbOptions, IReadOnlyList<string> requested)
    {
        var names = new List<string>(requested.Count + 1);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in requested)
        {
            ArgumentException.ThrowIfNullOrEmpty(name, nameof(requested));
            if (!seen.Add(name))
            {
                throw new ArgumentException($"Column family '{name}' is listed twice.", nameof(requested));
            }

            names.Add(name);
        }

        if (seen.Add(Columns.Default))
        {
            names.Add(Columns.Default);
        }

        // Fails when the database does not exist yet, which simply means nothing extra to open.
        IntPtr list = RocksDbNative.rocksdb_list_column_families(dbOptions, path, out nuint count, out IntPtr error);
        if (error != IntPtr.Zero)
        {
            RocksDbNative.rocksdb_free(error);
            return names;
        }

        try
        {
            var existing = (IntPtr*)list;
            for (nuint i = 0; i < count; i++)
            {
                string name = System.Runtime.InteropServices.Marshal.PtrToStringUTF8(existing[i]) ?? string.Empty;
                if (seen.Add(name))
                {
                    names.Add(name);
                }
            }
        }
        finally
        {
            RocksDbNative.rocksdb_list_column_families_destroy(list, count);
        }

        return names;
    }
}
