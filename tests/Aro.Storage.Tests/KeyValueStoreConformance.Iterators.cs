using Aro.Storage;

namespace Aro.Storage.Tests;

public abstract partial class KeyValueStoreConformance
{
    // Byte-wise order: "" < 00 < 01 < 01 00 < 01 FF < 01 FF FF < 02 < FF < FF FF.
    private static readonly byte[][] OrderedKeys =
    [
        [], [0x00], [0x01], [0x01, 0x00], [0x01, 0xFF], [0x01, 0xFF, 0xFF], [0x02], [0xFF], [0xFF, 0xFF],
    ];

    private IKeyValueStore OpenWithOrderedKeys()
    {
        IKeyValueStore store = Open();
        // Insert out of order, and put a decoy in another column.
        for (int i = OrderedKeys.Length - 1; i >= 0; i--)
        {
            store.Put(Columns.TrieNodes, OrderedKeys[i], [(byte)i]);
        }

        store.Put(Columns.Headers, [0x01, 0x50], [0xAA]);
        return store;
    }

    private static List<string> Hex(params byte[][] keys) => keys.Select(Convert.ToHexString).ToList();

    [Fact]
    public void Iterator_is_unpositioned_until_seek()
    {
        IKeyValueStore store = OpenWithOrderedKeys();
        using IKeyValueIterator iterator = store.Iterate(Columns.TrieNodes);
        Assert.False(iterator.Valid);
        Assert.Throws<InvalidOperationException>(() => iterator.Key.Length);
    }

    [Fact]
    public void Iterates_forward_in_bytewise_order()
    {
        IKeyValueStore store = OpenWithOrderedKeys();
        using IKeyValueIterator iterator = store.Iterate(Columns.TrieNodes);
        iterator.SeekToFirst();
        Assert.Equal(Hex(OrderedKeys), Keys(iterator));
    }

    [Fact]
    public void Iterates_in_reverse_from_last()
    {
        IKeyValueStore store = OpenWithOrderedKeys();
        using IKeyValueIterator iterator = store.Iterate(Columns.TrieNodes);
        iterator.SeekToLast();
        Assert.Equal(Hex(OrderedKeys.Reverse().ToArray()), Keys(iterator, reverse: true));
    }

    [Fact]
    public void Iterator_exposes_values()
    {
        IKeyValueStore store = OpenWithOrderedKeys();
        using IKeyValueIterator iterator = store.Iterate(Columns.TrieNodes);
        iterator.Seek([0x01, 0xFF]);
        Assert.Equal([(byte)4], iterator.Value.ToArray());
    }

    [Fact]
    public void Seek_lands_on_first_key_at_or_after_target()
    {
        IKeyValueStore store = OpenWithOrderedKeys();
        using IKeyValueIterator iterator = store.Iterate(Columns.TrieNodes);
        iterator.Seek([0x01, 0x80]);
        Assert.Equal("01FF", Convert.ToHexString(iterator.Key));
        iterator.Seek([0x01]);
        Assert.Equal("01", Convert.ToHexString(iterator.Key));
    }

    [Fact]
    public void Seek_past_last_key_is_invalid()
    {
        IKeyValueStore store = OpenWithOrderedKeys();
        using IKeyValueIterator iterator = store.Iterate(Columns.TrieNodes);
        iterator.Seek([0xFF, 0xFF, 0x00]);
        Assert.False(iterator.Valid);
    }

    [Fact]
    public void SeekForPrev_lands_on_last_key_at_or_before_target()
    {
        IKeyValueStore store = OpenWithOrderedKeys();
        using IKeyValueIterator iterator = store.Iterate(Columns.TrieNodes);
        iterator.SeekForPrev([0x01, 0x80]);
        Assert.Equal("0100", Convert.ToHexString(iterator.Key));
        iterator.SeekForPrev([0x02]);
        Assert.Equal("02", Convert.ToHexString(iterator.Key));
        iterator.Prev();
        Assert.Equal("01FFFF", Convert.ToHexString(iterator.Key));
    }

    [Fact]
    public void Empty_key_is_first()
    {
        IKeyValueStore store = OpenWithOrderedKeys();
        using IKeyValueIterator iterator = store.Iterate(Columns.TrieNodes);
        iterator.SeekForPrev([0x00]);
        Assert.Equal("00", Convert.ToHexString(iterator.Key));
        iterator.Prev();
        Assert.True(iterator.Valid);
        Assert.Equal(0, iterator.Key.Length);
        iterator.Prev();
        Assert.False(iterator.Valid);
    }

    [Fact]
    public void Bounds_restrict_to_lower_inclusive_upper_exclusive()
    {
        IKeyValueStore store = OpenWithOrderedKeys();
        using IKeyValueIterator iterator = store.Iterate(
            Columns.TrieNodes, new IteratorOptions { LowerBound = [0x01, 0x00], UpperBound = [0x02] });
        iterator.SeekToFirst();
        Assert.Equal(Hex([0x01, 0x00], [0x01, 0xFF], [0x01, 0xFF, 0xFF]), Keys(iterator));
        iterator.SeekToLast();
        Assert.Equal(Hex([0x01, 0xFF, 0xFF], [0x01, 0xFF], [0x01, 0x00]), Keys(iterator, reverse: true));
    }

    [Fact]
    public void Seek_outside_bounds_clamps_into_range()
    {
        IKeyValueStore store = OpenWithOrderedKeys();
        using IKeyValueIterator iterator = store.Iterate(
            Columns.TrieNodes, new IteratorOptions { LowerBound = [0x01, 0x00], UpperBound = [0x02] });
        iterator.Seek([0x00]);
        Assert.Equal("0100", Convert.ToHexString(iterator.Key));
        iterator.SeekForPrev([0xFF]);
        Assert.Equal("01FFFF", Convert.ToHexString(iterator.Key));
        iterator.Seek([0x02]);
        Assert.False(iterator.Valid);
    }

    [Fact]
    public void Prefix_selects_keys_starting_with_it()
    {
        IKeyValueStore store = OpenWithOrderedKeys();
        using IKeyValueIterator iterator = store.Iterate(Columns.TrieNodes, new IteratorOptions { Prefix = [0x01] });
        iterator.SeekToFirst();
        Assert.Equal(Hex([0x01], [0x01, 0x00], [0x01, 0xFF], [0x01, 0xFF, 0xFF]), Keys(iterator));
        iterator.SeekToLast();
        Assert.Equal("01FFFF", Convert.ToHexString(iterator.Key));
    }

    [Fact]
    public void Prefix_ending_in_FF_carries_into_previous_byte()
    {
        IKeyValueStore store = OpenWithOrderedKeys();
        using IKeyValueIterator iterator = store.Iterate(Columns.TrieNodes, new IteratorOptions { Prefix = [0x01, 0xFF] });
        iterator.SeekToFirst();
        Assert.Equal(Hex([0x01, 0xFF], [0x01, 0xFF, 0xFF]), Keys(iterator));
    }

    [Fact]
    public void Prefix_of_all_FF_has_no_upper_bound()
    {
        IKeyValueStore store = OpenWithOrderedKeys();
        using IKeyValueIterator iterator = store.Iterate(Columns.TrieNodes, new IteratorOptions { Prefix = [0xFF] });
        iterator.SeekToLast();
        Assert.Equal(Hex([0xFF, 0xFF], [0xFF]), Keys(iterator, reverse: true));
    }

    [Fact]
    public void Prefix_and_bounds_intersect()
    {
        IKeyValueStore store = OpenWithOrderedKeys();
        using IKeyValueIterator iterator = store.Iterate(
            Columns.TrieNodes, new IteratorOptions { Prefix = [0x01], LowerBound = [0x01, 0x01], UpperBound = [0x01, 0xFF, 0xFF] });
        iterator.SeekToFirst();
        Assert.Equal(Hex([0x01, 0xFF]), Keys(iterator));
    }

    [Fact]
    public void Empty_range_yields_nothing()
    {
        IKeyValueStore store = OpenWithOrderedKeys();
        using IKeyValueIterator iterator = store.Iterate(Columns.TrieNodes, new IteratorOptions { Prefix = [0x03] });
        iterator.SeekToFirst();
        Assert.False(iterator.Valid);
        iterator.SeekToLast();
        Assert.False(iterator.Valid);
    }

    [Fact]
    public void Iterator_sees_data_as_of_its_creation()
    {
        IKeyValueStore store = OpenWithOrderedKeys();
        using IKeyValueIterator iterator = store.Iterate(Columns.TrieNodes);
        store.Put(Columns.TrieNodes, [0x01, 0x01], [0x77]);
        store.Delete(Columns.TrieNodes, [0x02]);
        iterator.SeekToFirst();
        Assert.Equal(Hex(OrderedKeys), Keys(iterator));
    }

    [Fact]
    public void Next_on_invalid_iterator_throws()
    {
        IKeyValueStore store = OpenWithOrderedKeys();
        using IKeyValueIterator iterator = store.Iterate(Columns.TrieNodes);
        Assert.Throws<InvalidOperationException>(iterator.Next);
        Assert.Throws<InvalidOperationException>(iterator.Prev);
    }
}
