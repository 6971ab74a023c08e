using System.Runtime.InteropServices;

namespace Aro.Storage.Native;

/// <summary>
/// The subset of rocksdb/c.h (RocksDB 7.8) this binding uses. Error-returning calls take
/// <c>char** errptr</c>: a malloc'ed message the caller frees with rocksdb_free.
/// Destroy functions take raw pointers because they run inside SafeHandle.ReleaseHandle.
/// </summary>
internal static unsafe partial class RocksDbNative
{
    private const string Lib = NativeLibraryLoader.ImportName;

    [LibraryImport(Lib)] internal static partial void rocksdb_free(IntPtr ptr);

    // Options
    [LibraryImport(Lib)] internal static partial OptionsHandle rocksdb_options_create();
    [LibraryImport(Lib)] internal static partial void rocksdb_options_destroy(IntPtr options);
    [LibraryImport(Lib)] internal static partial void rocksdb_options_set_create_if_missing(OptionsHandle options, byte value);
    [LibraryImport(Lib)] internal static partial void rocksdb_options_set_create_missing_column_families(OptionsHandle options, byte value);
    [LibraryImport(Lib)] internal static partial void rocksdb_options_set_compression(OptionsHandle options, int compression);
    [LibraryImport(Lib)] internal static partial void rocksdb_options_set_max_open_files(OptionsHandle options, int value);
    [LibraryImport(Lib)] internal static partial void rocksdb_options_increase_parallelism(OptionsHandle options, int threads);
    [LibraryImport(Lib)] internal static partial void rocksdb_options_set_block_based_table_factory(OptionsHandle options, BlockBasedTableOptionsHandle table);

    [LibraryImport(Lib)] internal static partial BlockBasedTableOptionsHandle rocksdb_block_based_options_create();
    [LibraryImport(Lib)] internal static partial void rocksdb_block_based_options_destroy(IntPtr table);
    [LibraryImport(Lib)] internal static partial void rocksdb_block_based_options_set_block_cache(BlockBasedTableOptionsHandle table, CacheHandle cache);
    [LibraryImport(Lib)] internal static partial void rocksdb_block_based_options_set_cache_index_and_filter_blocks(BlockBasedTableOptionsHandle table, byte value);

    // Ownership of the policy passes to the table options.
    [LibraryImport(Lib)] internal static partial IntPtr rocksdb_filterpolicy_create_bloom(double bitsPerKey);
    [LibraryImport(Lib)] internal static partial void rocksdb_block_based_options_set_filter_policy(BlockBasedTableOptionsHandle table, IntPtr policy);

    [LibraryImport(Lib)] internal static partial CacheHandle rocksdb_cache_create_lru(nuint capacity);
    [LibraryImport(Lib)] internal static partial void rocksdb_cache_destroy(IntPtr cache);

    [LibraryImport(Lib)] internal static partial ReadOptionsHandle rocksdb_readoptions_create();
    [LibraryImport(Lib)] internal static partial void rocksdb_readoptions_destroy(IntPtr options);
    [LibraryImport(Lib)] internal static partial void rocksdb_readoptions_set_snapshot(ReadOptionsHandle options, IntPtr snapshot);
    [LibraryImport(Lib)] internal static partial void rocksdb_readoptions_set_iterate_lower_bound(ReadOptionsHandle options, byte* key, nuint keyLength);
    [LibraryImport(Lib)] internal static partial void rocksdb_readoptions_set_iterate_upper_bound(ReadOptionsHandle options, byte* key, nuint keyLength);

    [LibraryImport(Lib)] internal static partial WriteOptionsHandle rocksdb_writeoptions_create();
    [LibraryImport(Lib)] internal static partial void rocksdb_writeoptions_destroy(IntPtr options);
    [LibraryImport(Lib)] internal static partial void rocksdb_writeoptions_set_sync(WriteOptionsHandle options, byte value);

    [LibraryImport(Lib)] internal static partial FlushOptionsHandle rocksdb_flushoptions_create();
    [LibraryImport(Lib)] internal static partial void rocksdb_flushoptions_destroy(IntPtr options);
    [LibraryImport(Lib)] internal static partial void rocksdb_flushoptions_set_wait(FlushOptionsHandle options, byte value);

    // Database
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr rocksdb_list_column_families(OptionsHandle options, string name, out nuint count, out IntPtr errptr);

    [LibraryImport(Lib)] internal static partial void rocksdb_list_column_families_destroy(IntPtr list, nuint count);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr rocksdb_open_column_families(
        OptionsHandle options, string name, int count, IntPtr* names, IntPtr* columnOptions, IntPtr* columnHandles, out IntPtr errptr);

    [LibraryImport(Lib)] internal static partial void rocksdb_close(IntPtr db);
    [LibraryImport(Lib)] internal static partial void rocksdb_column_family_handle_destroy(IntPtr column);

    [LibraryImport(Lib)]
    internal static partial void rocksdb_put_cf(
        DbHandle db, WriteOptionsHandle options, ColumnFamilyHandle column, byte* key, nuint keyLength, byte* value, nuint valueLength, out IntPtr errptr);

    [LibraryImport(Lib)]
    internal static partial void rocksdb_delete_cf(
        DbHandle db, WriteOptionsHandle options, ColumnFamilyHandle column, byte* key, nuint keyLength, out IntPtr errptr);

    [LibraryImport(Lib)]
    internal static partial IntPtr rocksdb_get_pinned_cf(
        DbHandle db, ReadOptionsHandle options, ColumnFamilyHandle column, byte* key, nuint keyLength, out IntPtr errptr);

    [LibraryImport(Lib)] internal static partial byte* rocksdb_pinnableslice_value(IntPtr slice, out nuint length);
    [LibraryImport(Lib)] internal static partial void rocksdb_pinnableslice_destroy(IntPtr slice);

    [LibraryImport(Lib)] internal static partial void rocksdb_flush_cf(DbHandle db, FlushOptionsHandle options, ColumnFamilyHandle column, out IntPtr errptr);

    [LibraryImport(Lib)] internal static partial IntPtr rocksdb_create_snapshot(DbHandle db);
    [LibraryImport(Lib)] internal static partial void rocksdb_release_snapshot(IntPtr db, IntPtr snapshot);

    // Write batch
    [LibraryImport(Lib)] internal static partial WriteBatchHandle rocksdb_writebatch_create();
    [LibraryImport(Lib)] internal static partial void rocksdb_writebatch_destroy(IntPtr batch);
    [LibraryImport(Lib)] internal static partial void rocksdb_writebatch_clear(WriteBatchHandle batch);
    [LibraryImport(Lib)] internal static partial int rocksdb_writebatch_count(WriteBatchHandle batch);

    [LibraryImport(Lib)]
    internal static partial void rocksdb_writebatch_put_cf(
        WriteBatchHandle batch, ColumnFamilyHandle column, byte* key, nuint keyLength, byte* value, nuint valueLength);

    [LibraryImport(Lib)]
    internal static partial void rocksdb_writebatch_delete_cf(WriteBatchHandle batch, ColumnFamilyHandle column, byte* key, nuint keyLength);

    [LibraryImport(Lib)] internal static partial void rocksdb_write(DbHandle db, WriteOptionsHandle options, WriteBatchHandle batch, out IntPtr errptr);

    // Iterator
    [LibraryImport(Lib)] internal static partial IntPtr rocksdb_create_iterator_cf(DbHandle db, ReadOptionsHandle options, ColumnFamilyHandle column);
    [LibraryImport(Lib)] internal static partial void rocksdb_iter_destroy(IntPtr iterator);
    [LibraryImport(Lib)] internal static partial byte rocksdb_iter_valid(IteratorHandle iterator);
    [LibraryImport(Lib)] internal static partial void rocksdb_iter_seek_to_first(IteratorHandle iterator);
    [LibraryImport(Lib)] internal static partial void rocksdb_iter_seek_to_last(IteratorHandle iterator);
    [LibraryImport(Lib)] internal static partial void rocksdb_iter_seek(IteratorHandle iterator, byte* key, nuint keyLength);
    [LibraryImport(Lib)] internal static partial void rocksdb_iter_seek_for_prev(IteratorHandle iterator, byte* key, nuint keyLength);
    [LibraryImport(Lib)] internal static partial void rocksdb_iter_next(IteratorHandle iterator);
    [LibraryImport(Lib)] internal static partial void rocksdb_iter_prev(IteratorHandle iterator);
    [LibraryImport(Lib)] internal static partial byte* rocksdb_iter_key(IteratorHandle iterator, out nuint length);
    [LibraryImport(Lib)] internal static partial byte* rocksdb_iter_value(IteratorHandle iterator, out nuint length);
    [LibraryImport(Lib)] internal static partial void rocksdb_iter_get_error(IteratorHandle iterator, out IntPtr errptr);

    /// <summary>Turns a non-null errptr into a <see cref="StorageException"/>, freeing the native string.</summary>
    internal static void ThrowIfError(IntPtr error, string operation)
    {
        if (error != IntPtr.Zero)
        {
            Throw(error, operation);
        }
    }

    private static void Throw(IntPtr error, string operation)
    {
        string message = Marshal.PtrToStringUTF8(error) ?? string.Empty;
        rocksdb_free(error);
        throw new StorageException(operation, message);
    }
}
