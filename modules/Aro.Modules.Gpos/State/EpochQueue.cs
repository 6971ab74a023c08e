using System.Buffers.Binary;

namespace Aro.Modules.Gpos.State;

/// <summary>
/// Items due at one epoch, in insertion order: scope ‖ u64 epoch ‖ 0x00 → count, … ‖ 0x01 ‖ u32 i → item.
/// The epoch transition drains exactly the queue of the epoch it enters, so its cost is the number
/// of items maturing, never the number of delegators.
/// </summary>
internal readonly struct EpochQueue
{
    private readonly IRecordStore _store;
    private readonly byte _prefix;

    public EpochQueue(IRecordStore store, byte prefix)
    {
        _store = store;
        _prefix = prefix;
    }

    public void Enqueue(ulong epoch, ReadOnlySpan<byte> item)
    {
        var countKey = Key(epoch, 0x00, 0);
        var count = IndexedAddressSet.ReadNumber(_store.Get(countKey));
        _store.Set(Key(epoch, 0x01, (uint)count), item);
        _store.Set(countKey, IndexedAddressSet.Number(count + 1));
    }

    public ulong Count(ulong epoch) => IndexedAddressSet.ReadNumber(_store.Get(Key(epoch, 0x00, 0)));

    public byte[] At(ulong epoch, uint index) =>
        _store.Get(Key(epoch, 0x01, index)) ?? throw new InvalidOperationException($"queue item {index} of epoch {epoch} missing");

    /// <summary>Removes and returns the epoch's items in insertion order.</summary>
    public List<byte[]> Drain(ulong epoch)
    {
        var count = Count(epoch);
        var items = new List<byte[]>((int)Math.Min(count, 1024));
        for (uint i = 0; i < count; i++)
        {
            items.Add(At(epoch, i));
            _store.Delete(Key(epoch, 0x01, i));
        }

        _store.Delete(Key(epoch, 0x00, 0));
        return items;
    }

    private byte[] Key(ulong epoch, byte kind, uint index)
    {
        var key = new byte[kind == 0x00 ? 10 : 14];
        key[0] = _prefix;
        BinaryPrimitives.WriteUInt64BigEndian(key.AsSpan(1), epoch);
        key[9] = kind;
        if (kind != 0x00)
        {
            BinaryPrimitives.WriteUInt32BigEndian(key.AsSpan(10), index);
        }

        return key;
    }
}
