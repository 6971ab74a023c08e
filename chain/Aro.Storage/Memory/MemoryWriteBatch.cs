namespace Aro.Storage.Memory;

internal sealed class MemoryWriteBatch : IWriteBatch
{
    private readonly MemoryStore _store;
    private readonly List<Operation> _operations = [];
    private bool _disposed;

    internal MemoryWriteBatch(MemoryStore store) => _store = store;

    public int Count => _operations.Count;

    public void Put(string column, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) => Record(column, key, value.ToArray());

    public void Delete(string column, ReadOnlySpan<byte> key) => Record(column, key, null);

    public void Commit(bool sync = false)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _store.Apply(_operations);
        _operations.Clear();
    }

    public void Dispose()
    {
        _disposed = true;
        _operations.Clear();
    }

    private void Record(string column, ReadOnlySpan<byte> key, byte[]? value)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _store.CheckColumn(column);
        _operations.Add(new Operation(column, key.ToArray(), value));
    }

    /// <summary>A put, or a delete when <see cref="Value"/> is null.</summary>
    internal readonly record struct Operation(string Column, byte[] Key, byte[]? Value);
}
