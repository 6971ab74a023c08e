using Aro.Core;

namespace Aro.Network.Gossip;

/// <summary>
/// The last <c>capacity</c> hashes seen, oldest forgotten first (a ring over a set). Thread-safe.
/// Bounded so a flood of distinct transactions costs fixed memory; a hash forgotten and seen again
/// is handed to the pool once more, which knows it and stops it there.
/// </summary>
internal sealed class SeenCache
{
    private readonly Hash256[] _ring;
    private readonly HashSet<Hash256> _set;
    private readonly Lock _lock = new();
    private int _next;
    private int _count;

    public SeenCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ring = new Hash256[capacity];
        _set = new HashSet<Hash256>(capacity);
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    /// <summary>True when the hash was not in the cache (and now is).</summary>
    public bool Add(in Hash256 hash)
    {
        lock (_lock)
        {
            if (!_set.Add(hash))
            {
                return false;
            }

            if (_count == _ring.Length)
            {
                _set.Remove(_ring[_next]);
            }
            else
            {
                _count++;
            }

            _ring[_next] = hash;
            _next = (_next + 1) % _ring.Length;
            return true;
        }
    }

    public bool Contains(in Hash256 hash)
    {
        lock (_lock)
        {
            return _set.Contains(hash);
        }
    }
}
