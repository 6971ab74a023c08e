using System.Collections.Immutable;

namespace Aro.Storage.Memory;

/// <summary>Iterates a copy of the in-range entries taken when the iterator was created.</summary>
internal sealed class MemoryIterator : IKeyValueIterator
{
    private readonly KeyValuePair<byte[], byte[]>[] _entries;
    private int _index = -1;
    private bool _disposed;

    internal MemoryIterator(ImmutableSortedDictionary<byte[], byte[]> map, KeyRange range)
    {
        var entries = new List<KeyValuePair<byte[], byte[]>>();
        foreach (KeyValuePair<byte[], byte[]> entry in map)
        {
            if (range.Contains(entry.Key))
            {
                entries.Add(entry);
            }
        }

        _entries = [.. entries];
    }

    public bool Valid
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _index >= 0 && _index < _entries.Length;
        }
    }

    public ReadOnlySpan<byte> Key => Current.Key;

    public ReadOnlySpan<byte> Value => Current.Value;

    private KeyValuePair<byte[], byte[]> Current
    {
        get
        {
            EnsureValid();
            return _entries[_index];
        }
    }

    public void SeekToFirst() => Move(0);

    public void SeekToLast() => Move(_entries.Length - 1);

    public void Seek(ReadOnlySpan<byte> key) => Move(LowerBound(key));

    public void SeekForPrev(ReadOnlySpan<byte> key)
    {
        int index = LowerBound(key);
        if (index < _entries.Length && key.SequenceEqual(_entries[index].Key))
        {
            Move(index);
        }
        else
        {
            Move(index - 1);
        }
    }

    public void Next()
    {
        EnsureValid();
        Move(_index + 1);
    }

    public void Prev()
    {
        EnsureValid();
        Move(_index - 1);
    }

    public void Dispose() => _disposed = true;

    private void EnsureValid()
    {
        if (!Valid)
        {
            throw new InvalidOperationException("The iterator is not positioned on an entry.");
        }
    }

    private void Move(int index)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _index = index < 0 ? _entries.Length : index;
    }

    /// <summary>Index of the first entry whose key is not less than <paramref name="key"/>.</summary>
    private int LowerBound(ReadOnlySpan<byte> key)
    {
        int low = 0;
        int high = _entries.Length;
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            if (_entries[mid].Key.AsSpan().SequenceCompareTo(key) < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
