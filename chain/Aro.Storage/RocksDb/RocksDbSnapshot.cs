using System.Diagnostics.CodeAnalysis;
using Aro.Storage.Native;

namespace Aro.Storage.RocksDb;

internal sealed class RocksDbSnapshot : IKeyValueSnapshot
{
    private readonly RocksDbStore _store;
    private readonly SnapshotHandle _snapshot;
    private readonly ReadOptionsHandle _readOptions;

    internal RocksDbSnapshot(RocksDbStore store)
    {
        _store = store;
        _snapshot = store.TakeSnapshot();
        _readOptions = RocksDbStore.CreateReadOptions(_snapshot);
    }

    public byte[]? Get(string column, ReadOnlySpan<byte> key)
    {
        ObjectDisposedException.ThrowIf(_snapshot.IsClosed, this);
        return _store.Get(_readOptions, _store.Column(column), key);
    }

    public bool TryGet(string column, ReadOnlySpan<byte> key, [NotNullWhen(true)] out byte[]? value)
    {
        value = Get(column, key);
        return value is not null;
    }

    public IKeyValueIterator Iterate(string column, IteratorOptions? options = null)
    {
        ObjectDisposedException.ThrowIf(_snapshot.IsClosed, this);
        return _store.CreateIterator(_store.Column(column), _snapshot, options);
    }

    public void Dispose()
    {
        // The read options keep the snapshot referenced, so the snapshot is released after them.
        _readOptions.Dispose();
        _snapshot.Dispose();
    }
}
