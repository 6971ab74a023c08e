using Aro.Storage.Native;

namespace Aro.Storage.RocksDb;

internal sealed unsafe class RocksDbWriteBatch : IWriteBatch
{
    private readonly RocksDbStore _store;
    private readonly WriteBatchHandle _batch;

    internal RocksDbWriteBatch(RocksDbStore store)
    {
        _store = store;
        _batch = RocksDbNative.rocksdb_writebatch_create();
    }

    public int Count => RocksDbNative.rocksdb_writebatch_count(_batch);

    public void Put(string column, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        ObjectDisposedException.ThrowIf(_batch.IsClosed, this);
        ColumnFamilyHandle handle = _store.Column(column);
        fixed (byte* k = key)
        fixed (byte* v = value)
        {
            RocksDbNative.rocksdb_writebatch_put_cf(_batch, handle, k, (nuint)key.Length, v, (nuint)value.Length);
        }
    }

    public void Delete(string column, ReadOnlySpan<byte> key)
    {
        ObjectDisposedException.ThrowIf(_batch.IsClosed, this);
        ColumnFamilyHandle handle = _store.Column(column);
        fixed (byte* k = key)
        {
            RocksDbNative.rocksdb_writebatch_delete_cf(_batch, handle, k, (nuint)key.Length);
        }
    }

    public void Commit(bool sync = false)
    {
        ObjectDisposedException.ThrowIf(_batch.IsClosed, this);
        _store.Write(_batch, sync);
        RocksDbNative.rocksdb_writebatch_clear(_batch);
    }

    public void Dispose() => _batch.Dispose();
}
