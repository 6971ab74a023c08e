namespace Aro.Storage;

/// <summary>
/// A cursor over one column family in byte-wise key order. <see cref="Key"/> and <see cref="Value"/>
/// are views into storage memory that stay valid only until the next move or disposal.
/// </summary>
public interface IKeyValueIterator : IDisposable
{
    bool Valid { get; }

    /// <exception cref="InvalidOperationException">The iterator is not <see cref="Valid"/>.</exception>
    ReadOnlySpan<byte> Key { get; }

    /// <exception cref="InvalidOperationException">The iterator is not <see cref="Valid"/>.</exception>
    ReadOnlySpan<byte> Value { get; }

    void SeekToFirst();

    void SeekToLast();

    /// <summary>Positions at the first key at or after <paramref name="key"/>.</summary>
    void Seek(ReadOnlySpan<byte> key);

    /// <summary>Positions at the last key at or before <paramref name="key"/>; for reverse scans.</summary>
    void SeekForPrev(ReadOnlySpan<byte> key);

    void Next();

    void Prev();
}
