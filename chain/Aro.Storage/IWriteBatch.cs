namespace Aro.Storage;

/// <summary>
/// Puts and deletes across column families, applied in order and all-or-nothing by <see cref="Commit"/>.
/// Arguments are copied when recorded, so callers may reuse their buffers.
/// </summary>
public interface IWriteBatch : IDisposable
{
    /// <summary>Number of operations recorded since creation or the last commit.</summary>
    int Count { get; }

    void Put(string column, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

    void Delete(string column, ReadOnlySpan<byte> key);

    /// <summary>
    /// Applies every recorded operation atomically, then empties the batch so it can be reused.
    /// With <paramref name="sync"/> the write-ahead log is fsynced before returning, which makes the
    /// batch survive an operating-system crash, not only a process crash.
    /// </summary>
    void Commit(bool sync = false);
}
