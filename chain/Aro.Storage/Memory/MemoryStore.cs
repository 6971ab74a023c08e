using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Aro.Storage.Memory;

/// <summary>
/// An in-memory <see cref="IKeyValueStore"/> for unit tests only: nothing is persisted and every
/// iterator copies its range. Each column is an immutable sorted map swapped under a lock, so
/// batches apply atomically and a snapshot is just the set of maps at one moment.
/// </summary>
public sealed class MemoryStore : IKeyValueStore
{
    private readonly Lock _gate = new();
    private Dictionary<string, ImmutableSortedDictionary<byte[], byte[]>> _columns;
    private volatile bool _disposed;

    public MemoryStore(IReadOnlyList<string>? columns = null)
    {
        columns ??= Columns.All;
        _columns = new Dictionary<string, ImmutableSortedDictionary<byte[], byte[]>>(StringComparer.Ordinal);
        var names = new List<string>(columns.Count + 1);
        foreach (string name in columns)
        {
            ArgumentException.ThrowIfNullOrEmpty(name, nameof(columns));
            if (!_columns.TryAdd(name, ImmutableSortedDictionary.Create<byte[], byte[]>(ByteArrayComparer.Instance)))
            {
                throw new ArgumentException($"Column family '{name}' is listed twice.", nameof(columns));
            }

            names.Add(name);
        }

        if (_columns.TryAdd(Columns.Default, ImmutableSortedDictionary.Create<byte[], byte[]>(ByteArrayComparer.Instance)))
        {
            names.Add(Columns.Default);
        }

        ColumnNames = names.AsReadOnly();
    }

    public IReadOnlyList<string> ColumnNames { get; }

    public byte[]? Get(string column, ReadOnlySpan<byte> key) => Read(Capture(), column, key);

    public bool TryGet(string column, ReadOnlySpan<byte> key, [NotNullWhen(true)] out byte[]? value)
    {
        value = Get(column, key);
        return value is not null;
    }

    public IKeyValueIterator Iterate(string column, IteratorOptions? options = null) =>
        new MemoryIterator(Column(Capture(), column), KeyRange.From(options));

    public void Put(string column, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        using MemoryWriteBatch batch = new(this);
        batch.Put(column, key, value);
        batch.Commit();
    }

    public void Delete(string column, ReadOnlySpan<byte> key)
    {
        using MemoryWriteBatch batch = new(this);
        batch.Delete(column, key);
        batch.Commit();
    }

    public IWriteBatch CreateBatch()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new MemoryWriteBatch(this);
    }

    public IKeyValueSnapshot CreateSnapshot() => new MemorySnapshot(this, Capture());

    public void Flush() => ObjectDisposedException.ThrowIf(_disposed, this);

    public void Dispose() => _disposed = true;

    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    internal void CheckColumn(string column)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _ = Column(_columns, column);
    }

    internal void Apply(List<MemoryWriteBatch.Operation> operations)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var next = new Dictionary<string, ImmutableSortedDictionary<byte[], byte[]>>(_columns, StringComparer.Ordinal);
            foreach (MemoryWriteBatch.Operation operation in operations)
            {
                ImmutableSortedDictionary<byte[], byte[]> map = next[operation.Column];
                next[operation.Column] = operation.Value is null
                    ? map.Remove(operation.Key)
                    : map.SetItem(operation.Key, operation.Value);
            }

            // Readers see either the old or the new set of maps, never a mix.
            Volatile.Write(ref _columns, next);
        }
    }

    internal static byte[]? Read(Dictionary<string, ImmutableSortedDictionary<byte[], byte[]>> state, string column, ReadOnlySpan<byte> key) =>
        Column(state, column).TryGetValue(key.ToArray(), out byte[]? value) ? (byte[])value.Clone() : null;

    internal static ImmutableSortedDictionary<byte[], byte[]> Column(
        Dictionary<string, ImmutableSortedDictionary<byte[], byte[]>> state, string column)
    {
        if (!state.TryGetValue(column, out ImmutableSortedDictionary<byte[], byte[]>? map))
        {
            throw new ArgumentException($"Column family '{column}' is not open in this store.", nameof(column));
        }

        return map;
    }

    private Dictionary<string, ImmutableSortedDictionary<byte[], byte[]>> Capture()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Volatile.Read(ref _columns);
    }
}
