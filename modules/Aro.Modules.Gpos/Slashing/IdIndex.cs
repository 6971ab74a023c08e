using System.Buffers.Binary;
using Aro.Modules.Gpos.State;

namespace Aro.Modules.Gpos.Slashing;

/// <summary>
/// An ordered set of entry ids under a scope (the store cannot be iterated), like
/// <see cref="IndexedAddressSet"/> for u64 ids: scope ‖ 00 → count, scope ‖ 01 ‖ u64 i → id,
/// scope ‖ 02 ‖ u64 id → i + 1. Swap-remove keeps removal O(1) and the order a pure function of the operations.
/// </summary>
internal readonly struct IdIndex(IRecordStore store, byte[] scope)
{
    public ulong Count => IndexedAddressSet.ReadNumber(store.Get(Key(0x00)));

    public ulong At(ulong index) =>
        IndexedAddressSet.ReadNumber(store.Get(NumberKey(0x01, index)) ?? throw new InvalidOperationException($"id index {index} out of range"));

    public void Add(ulong id)
    {
        if (store.Get(NumberKey(0x02, id)) is not null)
        {
            return;
        }

        var count = Count;
        store.Set(NumberKey(0x01, count), IndexedAddressSet.Number(id));
        store.Set(NumberKey(0x02, id), IndexedAddressSet.Number(count + 1));
        store.Set(Key(0x00), IndexedAddressSet.Number(count + 1));
    }

    public void Remove(ulong id)
    {
        var stored = store.Get(NumberKey(0x02, id));
        if (stored is null)
        {
            return;
        }

        var index = IndexedAddressSet.ReadNumber(stored) - 1;
        var last = Count - 1;
        if (index != last)
        {
            var moved = At(last);
            store.Set(NumberKey(0x01, index), IndexedAddressSet.Number(moved));
            store.Set(NumberKey(0x02, moved), IndexedAddressSet.Number(index + 1));
        }

        store.Delete(NumberKey(0x01, last));
        store.Delete(NumberKey(0x02, id));
        if (last == 0)
        {
            store.Delete(Key(0x00));
        }
        else
        {
            store.Set(Key(0x00), IndexedAddressSet.Number(last));
        }
    }

    public ulong[] ToArray()
    {
        var result = new ulong[Count];
        for (ulong i = 0; i < (ulong)result.Length; i++)
        {
            result[i] = At(i);
        }

        return result;
    }

    private byte[] Key(byte kind) => [.. scope, kind];

    private byte[] NumberKey(byte kind, ulong n)
    {
        var key = new byte[scope.Length + 9];
        scope.CopyTo(key, 0);
        key[scope.Length] = kind;
        BinaryPrimitives.WriteUInt64BigEndian(key.AsSpan(scope.Length + 1), n);
        return key;
    }
}
