namespace Aro.Storage;

/// <summary>
/// A database of named column families with byte-wise ordered keys. Implementations are safe for
/// concurrent use; a write batch is the only way to change several keys atomically.
/// </summary>
public interface IKeyValueStore : IKeyValueReader, IDisposable
{
    IReadOnlyList<string> ColumnNames { get; }

    void Put(string column, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

    void Delete(string column, ReadOnlySpan<byte> key);

    IWriteBatch CreateBatch();

    /// <summary>A consistent point-in-time view; later writes are invisible through it.</summary>
    IKeyValueSnapshot CreateSnapshot();

    /// <summary>Persists memtables of every column family to table files.</summary>
    void Flush();
}

/// <summary>A point-in-time view of a store. Dispose it promptly: it pins old data.</summary>
public interface IKeyValueSnapshot : IKeyValueReader, IDisposable
{
}
