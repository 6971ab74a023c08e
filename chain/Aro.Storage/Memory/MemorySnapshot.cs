using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Aro.Storage.Memory;

internal sealed class MemorySnapshot : IKeyValueSnapshot
{
    private readonly MemoryStore _store;
    private readonly Dictionary<string, ImmutableSortedDictionary<byte[], byte[]>> _state;
    private bool _disposed;

    internal MemorySnapshot(MemoryStore store, Dictionary<string, ImmutableSortedDictionary<byte[], byte[]>> state)
    {
        _store = store;
        _state = state;
    }

    public byte[]? Get(string column, ReadOnlySpan<byte> key)
    {
        ThrowIfDisposed();
        return MemoryStore.Read(_state, column, key);
    }

    public bool TryGet(string column, ReadOnlySpan<byte> key, [NotNullWhen(true)] out byte[]? value)
    {
        value = Get(column, key);
        return value is not null;
    }

    public IKeyValueIterator Iterate(string column, IteratorOptions? options = null)
    {
        ThrowIfDisposed();
        return new MemoryIterator(MemoryStore.Column(_state, column), KeyRange.From(options));
    }

    public void Dispose() => _disposed = true;

    private void ThrowIfDisposed()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        // Mirrors RocksDB, where reads through a snapshot need the open database.
        _store.ThrowIfDisposed();
    }
}
