using Aro.Storage.Native;

namespace Aro.Storage.RocksDb;

internal sealed unsafe class RocksDbIterator : IKeyValueIterator
{
    private readonly IteratorHandle _iterator;
    private readonly KeyRange _range;
    private bool _valid;

    internal RocksDbIterator(IteratorHandle iterator, KeyRange range)
    {
        _iterator = iterator;
        _range = range;
    }

    public bool Valid
    {
        get
        {
            ObjectDisposedException.ThrowIf(_iterator.IsClosed, this);
            return _valid;
        }
    }

    public ReadOnlySpan<byte> Key
    {
        get
        {
            EnsureValid();
            byte* key = RocksDbNative.rocksdb_iter_key(_iterator, out nuint length);
            return new ReadOnlySpan<byte>(key, (int)length);
        }
    }

    public ReadOnlySpan<byte> Value
    {
        get
        {
            EnsureValid();
            byte* value = RocksDbNative.rocksdb_iter_value(_iterator, out nuint length);
            return new ReadOnlySpan<byte>(value, (int)length);
        }
    }

    public void SeekToFirst()
    {
        RocksDbNative.rocksdb_iter_seek_to_first(_iterator);
        Settle();
    }

    public void SeekToLast()
    {
        RocksDbNative.rocksdb_iter_seek_to_last(_iterator);
        Settle();
    }

    public void Seek(ReadOnlySpan<byte> key)
    {
        // Clamp here rather than rely on RocksDB's handling of targets outside the bounds.
        if (_range.IsBelow(key))
        {
            SeekToFirst();
            return;
        }

        fixed (byte* k = key)
        {
            RocksDbNative.rocksdb_iter_seek(_iterator, k, (nuint)key.Length);
        }

        Settle();
    }

    public void SeekForPrev(ReadOnlySpan<byte> key)
    {
        if (_range.IsAtOrAbove(key))
        {
            SeekToLast();
            return;
        }

        fixed (byte* k = key)
        {
            RocksDbNative.rocksdb_iter_seek_for_prev(_iterator, k, (nuint)key.Length);
        }

        Settle();
    }

    public void Next()
    {
        EnsureValid();
        RocksDbNative.rocksdb_iter_next(_iterator);
        Settle();
    }

    public void Prev()
    {
        EnsureValid();
        RocksDbNative.rocksdb_iter_prev(_iterator);
        Settle();
    }

    public void Dispose()
    {
        _valid = false;
        _iterator.Dispose();
    }

    /// <summary>An iterator that stops being valid may have hit an I/O error rather than the end.</summary>
    private void Settle()
    {
        _valid = RocksDbNative.rocksdb_iter_valid(_iterator) != 0;
        if (!_valid)
        {
            RocksDbNative.rocksdb_iter_get_error(_iterator, out IntPtr error);
            RocksDbNative.ThrowIfError(error, "iterate");
        }
    }

    private void EnsureValid()
    {
        if (!Valid)
        {
            throw new InvalidOperationException("The iterator is not positioned on an entry.");
        }
    }
}
