using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using Aro.Storage.Native;

namespace Aro.Storage.RocksDb;

/// <summary>A RocksDB database (Debian's librocksdb7.8) with one column family per chain table.</summary>
public sealed unsafe partial class RocksDbStore : IKeyValueStore
{
    private readonly DbHandle _db;
    private readonly Dictionary<string, ColumnFamilyHandle> _columns;
    private readonly ReadOptionsHandle _readOptions;
    private readonly WriteOptionsHandle _writeOptions;
    private readonly WriteOptionsHandle _syncWriteOptions;
    private volatile bool _disposed;

    private RocksDbStore(string path, DbHandle db, Dictionary<string, ColumnFamilyHandle> columns, IReadOnlyList<string> columnNames)
    {
        Path = path;
        _db = db;
        _columns = columns;
        ColumnNames = columnNames;
        _readOptions = RocksDbNative.rocksdb_readoptions_create();
        _writeOptions = RocksDbNative.rocksdb_writeoptions_create();
        _syncWriteOptions = RocksDbNative.rocksdb_writeoptions_create();
        RocksDbNative.rocksdb_writeoptions_set_sync(_syncWriteOptions, 1);
    }

    public string Path { get; }

    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>
    /// Opens (or creates) the database at <paramref name="path"/>, creating any missing column family
    /// from <see cref="StorageOptions.Columns"/>. Column families already in the database stay open too,
    /// because RocksDB refuses to open a database without all of them.
    /// </summary>
    /// <exception cref="StorageException">RocksDB refused, e.g. the path is a file or another handle holds the lock.</exception>
    /// <exception cref="StorageNativeLibraryMissingException">librocksdb is not installed.</exception>
    public static RocksDbStore Open(string path, StorageOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new StorageOptions();
        NativeLibraryLoader.EnsureLoaded();

        using OptionsHandle dbOptions = CreateOptions(options);
        List<string> names = ColumnsToOpen(path, dbOptions, options.Columns);

        int count = names.Count;
        IntPtr[] nativeNames = new IntPtr[count];
        IntPtr[] columnOptions = new IntPtr[count];
        IntPtr[] columnHandles = new IntPtr[count];
        IntPtr db;
        IntPtr error;
        try
        {
            for (int i = 0; i < count; i++)
            {
                nativeNames[i] = Marshal.StringToCoTaskMemUTF8(names[i]);
                columnOptions[i] = dbOptions.DangerousGetHandle();
            }

            fixed (IntPtr* namesPtr = nativeNames)
            fixed (IntPtr* optionsPtr = columnOptions)
            fixed (IntPtr* handlesPtr = columnHandles)
            {
                db = RocksDbNative.rocksdb_open_column_families(dbOptions, path, count, namesPtr, optionsPtr, handlesPtr, out error);
            }
        }
        finally
        {
            foreach (IntPtr name in nativeNames)
            {
                Marshal.FreeCoTaskMem(name);
            }
        }

        RocksDbNative.ThrowIfError(error, "open");

        DbHandle dbHandle = new();
        dbHandle.Attach(db);
        var columns = new Dictionary<string, ColumnFamilyHandle>(count, StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            ColumnFamilyHandle column = new();
            column.Attach(columnHandles[i], dbHandle);
            columns.Add(names[i], column);
        }

        return new RocksDbStore(path, dbHandle, columns, names.AsReadOnly());
    }

    public byte[]? Get(string column, ReadOnlySpan<byte> key)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Get(_readOptions, Column(column), key);
    }

    public bool TryGet(string column, ReadOnlySpan<byte> key, [NotNullWhen(true)] out byte[]? value)
    {
        value = Get(column, key);
        return value is not null;
    }

    public IKeyValueIterator Iterate(string column, IteratorOptions? options = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return CreateIterator(Column(column), snapshot: null, options);
    }

    public void Put(string column, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ColumnFamilyHandle handle = Column(column);
        IntPtr error;
        fixed (byte* k = key)
        fixed (byte* v = value)
        {
            RocksDbNative.rocksdb_put_cf(_db, _writeOptions, handle, k, (nuint)key.Length, v, (nuint)value.Length, out error);
        }

        RocksDbNative.ThrowIfError(error, "put");
    }

    public void Delete(string column, ReadOnlySpan<byte> key)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ColumnFamilyHandle handle = Column(column);
        IntPtr error;
        fixed (byte* k = key)
        {
            RocksDbNative.rocksdb_delete_cf(_db, _writeOptions, handle, k, (nuint)key.Length, out error);
        }

        RocksDbNative.ThrowIfError(error, "delete");
    }

    public IWriteBatch CreateBatch()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new RocksDbWriteBatch(this);
    }

    public IKeyValueSnapshot CreateSnapshot()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new RocksDbSnapshot(this);
    }

    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using FlushOptionsHandle flushOptions = RocksDbNative.rocksdb_flushoptions_create();
        RocksDbNative.rocksdb_flushoptions_set_wait(flushOptions, 1);
        foreach (string name in ColumnNames)
        {
            RocksDbNative.rocksdb_flush_cf(_db, flushOptions, _columns[name], out IntPtr error);
            RocksDbNative.ThrowIfError(error, "flush " + name);
        }
    }

    /// <summary>
    /// Releases the store's handles. The database itself closes once every snapshot and iterator
    /// created from it is disposed as well.
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _readOptions.Dispose();
        _writeOptions.Dispose();
        _syncWriteOptions.Dispose();
        foreach (ColumnFamilyHandle column in _columns.Values)
        {
            column.Dispose();
        }

        _db.Dispose();
    }

    internal void Write(WriteBatchHandle batch, bool sync)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        RocksDbNative.rocksdb_write(_db, sync ? _syncWriteOptions : _writeOptions, batch, out IntPtr error);
        RocksDbNative.ThrowIfError(error, "write");
    }

    internal ColumnFamilyHandle Column(string name)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_columns.TryGetValue(name, out ColumnFamilyHandle? handle))
        {
            throw new ArgumentException($"Column family '{name}' is not open in this store.", nameof(name));
        }

        return handle;
    }

    internal SnapshotHandle TakeSnapshot()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        SnapshotHandle snapshot = new();
        snapshot.Attach(RocksDbNative.rocksdb_create_snapshot(_db), _db);
        return snapshot;
    }

    internal static ReadOptionsHandle CreateReadOptions(SnapshotHandle? snapshot)
    {
        ReadOptionsHandle readOptions = RocksDbNative.rocksdb_readoptions_create();
        if (snapshot is not null)
        {
            readOptions.KeepAlive(snapshot);
            RocksDbNative.rocksdb_readoptions_set_snapshot(readOptions, snapshot.DangerousGetHandle());
        }

        return readOptions;
    }

    internal byte[]? Get(ReadOptionsHandle readOptions, ColumnFamilyHandle column, ReadOnlySpan<byte> key)
    {
        IntPtr slice;
        IntPtr error;
        fixed (byte* k = key)
        {
            slice = RocksDbNative.rocksdb_get_pinned_cf(_db, readOptions, column, k, (nuint)key.Length, out error);
        }

        RocksDbNative.ThrowIfError(error, "get");
        if (slice == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            byte* value = RocksDbNative.rocksdb_pinnableslice_value(slice, out nuint length);
            return new ReadOnlySpan<byte>(value, checked((int)length)).ToArray();
        }
        finally
        {
            RocksDbNative.rocksdb_pinnableslice_destroy(slice);
        }
    }

    internal IKeyValueIterator CreateIterator(ColumnFamilyHandle column, SnapshotHandle? snapshot, IteratorOptions? options)
    {
        KeyRange range = KeyRange.From(options);
        ReadOptionsHandle readOptions = CreateReadOptions(snapshot);
        try
        {
            readOptions.SetBounds(range.Lower, range.Upper);
            IteratorHandle iterator = new();
            iterator.Attach(RocksDbNative.rocksdb_create_iterator_cf(_db, readOptions, column), column, readOptions);
            return new RocksDbIterator(iterator, range);
        }
        finally
        {
            // The iterator holds its own reference on the read options.
            readOptions.Dispose();
        }
    }
}
