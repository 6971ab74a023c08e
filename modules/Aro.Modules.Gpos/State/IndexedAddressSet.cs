using System.Buffers.Binary;
using Aro.Core;

namespace Aro.Modules.Gpos.State;

/// <summary>
/// A set of addresses with an explicit, deterministic order (the store cannot be iterated): a count,
/// an address per position and a position per address. Removal moves the last element into the
/// hole, so it is O(1) and the order after it is still a pure function of the operations.
/// Keys: scope ‖ 0x00 → count, scope ‖ 0x01 ‖ u64 i → address, scope ‖ 0x02 ‖ address → i + 1.
/// </summary>
internal readonly struct IndexedAddressSet
{
    private readonly IRecordStore _store;
    private readonly byte[] _scope;

    public IndexedAddressSet(IRecordStore store, byte[] scope)
    {
        _store = store;
        _scope = scope;
    }

    public ulong Count => ReadNumber(_store.Get(Key(0x00)));

    public bool Contains(in Address address) => _store.Get(PositionKey(address)) is not null;

    public Address At(ulong index)
    {
        var stored = _store.Get(AtKey(index)) ?? throw new InvalidOperationException($"index {index} out of range");
        return new Address(stored);
    }

    /// <returns>False when already present.</returns>
    public bool Add(in Address address)
    {
        if (Contains(address))
        {
            return false;
        }

        var count = Count;
        _store.Set(AtKey(count), address.Bytes);
        _store.Set(PositionKey(address), Number(count + 1));
        _store.Set(Key(0x00), Number(count + 1));
        return true;
    }

    /// <returns>False when absent.</returns>
    public bool Remove(in Address address)
    {
        var stored = _store.Get(PositionKey(address));
        if (stored is null)
        {
            return false;
        }

        var index = ReadNumber(stored) - 1;
        var last = Count - 1;
        if (index != last)
        {
            var moved = At(last);
            _store.Set(AtKey(index), moved.Bytes);
            _store.Set(PositionKey(moved), Number(index + 1));
        }

        _store.Delete(AtKey(last));
        _store.Delete(PositionKey(address));
        if (last == 0)
        {
            _store.Delete(Key(0x00));
        }
        else
        {
            _store.Set(Key(0x00), Number(last));
        }

        return true;
    }

    public Address[] ToArray()
    {
        var count = Count;
        var result = new Address[count];
        for (ulong i = 0; i < count; i++)
        {
            result[i] = At(i);
        }

        return result;
    }

    internal static byte[] Number(ulong n) => ((UInt256)n).ToBigEndianMinimal();

    internal static ulong ReadNumber(byte[]? stored) => stored is null ? 0 : (ulong)UInt256.FromBigEndian(stored);

    private byte[] Key(byte kind) => [.. _scope, kind];

    private byte[] AtKey(ulong index)
    {
        var key = new byte[_scope.Length + 9];
        _scope.CopyTo(key, 0);
        key[_scope.Length] = 0x01;
        BinaryPrimitives.WriteUInt64BigEndian(key.AsSpan(_scope.Length + 1), index);
        return key;
    }

    private byte[] PositionKey(in Address address) => [.. _scope, 0x02, .. address.Bytes];
}
