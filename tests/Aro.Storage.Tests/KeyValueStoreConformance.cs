using Aro.Storage;

namespace Aro.Storage.Tests;

/// <summary>The behaviour every <see cref="IKeyValueStore"/> must share; run against each implementation.</summary>
public abstract partial class KeyValueStoreConformance : IDisposable
{
    private readonly List<IDisposable> _opened = [];

    protected static readonly byte[] A = [0x01];
    protected static readonly byte[] B = [0x02];
    protected static readonly byte[] C = [0x03];

    /// <summary>A fresh, empty store with <see cref="Columns.All"/>.</summary>
    protected abstract IKeyValueStore OpenStore();

    protected IKeyValueStore Open()
    {
        IKeyValueStore store = OpenStore();
        _opened.Add(store);
        return store;
    }

    public virtual void Dispose()
    {
        foreach (IDisposable store in _opened)
        {
            store.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    protected static byte[] Bytes(params byte[] bytes) => bytes;

    protected static List<string> Keys(IKeyValueIterator iterator, bool reverse = false)
    {
        var keys = new List<string>();
        while (iterator.Valid)
        {
            keys.Add(Convert.ToHexString(iterator.Key));
            if (reverse)
            {
                iterator.Prev();
            }
            else
            {
                iterator.Next();
            }
        }

        return keys;
    }

    [Fact]
    public void Get_returns_null_for_missing_key()
    {
        IKeyValueStore store = Open();
        Assert.Null(store.Get(Columns.Headers, A));
        Assert.False(store.TryGet(Columns.Headers, A, out byte[]? value));
        Assert.Null(value);
    }

    [Fact]
    public void Put_then_get_returns_value()
    {
        IKeyValueStore store = Open();
        store.Put(Columns.Headers, A, B);
        Assert.Equal(B, store.Get(Columns.Headers, A));
        Assert.True(store.TryGet(Columns.Headers, A, out byte[]? value));
        Assert.Equal(B, value);
    }

    [Fact]
    public void Put_overwrites_existing_value()
    {
        IKeyValueStore store = Open();
        store.Put(Columns.Headers, A, B);
        store.Put(Columns.Headers, A, C);
        Assert.Equal(C, store.Get(Columns.Headers, A));
    }

    [Fact]
    public void Empty_key_and_empty_value_are_stored()
    {
        IKeyValueStore store = Open();
        store.Put(Columns.Metadata, [], []);
        Assert.Equal(Array.Empty<byte>(), store.Get(Columns.Metadata, []));
    }

    [Fact]
    public void Delete_removes_key()
    {
        IKeyValueStore store = Open();
        store.Put(Columns.Headers, A, B);
        store.Delete(Columns.Headers, A);
        Assert.Null(store.Get(Columns.Headers, A));
    }

    [Fact]
    public void Delete_of_missing_key_is_a_no_op()
    {
        IKeyValueStore store = Open();
        store.Delete(Columns.Headers, A);
        Assert.Null(store.Get(Columns.Headers, A));
    }

    [Fact]
    public void Columns_are_isolated()
    {
        IKeyValueStore store = Open();
        store.Put(Columns.Headers, A, B);
        store.Put(Columns.Blocks, A, C);
        store.Delete(Columns.Receipts, A);

        Assert.Equal(B, store.Get(Columns.Headers, A));
        Assert.Equal(C, store.Get(Columns.Blocks, A));
        Assert.Null(store.Get(Columns.Receipts, A));
    }

    [Fact]
    public void Every_chain_column_is_open()
    {
        IKeyValueStore store = Open();
        foreach (string column in Columns.All)
        {
            Assert.Contains(column, store.ColumnNames);
            store.Put(column, A, B);
            Assert.Equal(B, store.Get(column, A));
        }
    }

    [Fact]
    public void Unknown_column_is_rejected()
    {
        IKeyValueStore store = Open();
        Assert.Throws<ArgumentException>(() => store.Get("no_such_column", A));
        Assert.Throws<ArgumentException>(() => store.Put("no_such_column", A, B));
        using IWriteBatch batch = store.CreateBatch();
        Assert.Throws<ArgumentException>(() => batch.Put("no_such_column", A, B));
    }

    [Fact]
    public void Returned_value_is_a_copy()
    {
        IKeyValueStore store = Open();
        store.Put(Columns.Headers, A, B);
        byte[] first = store.Get(Columns.Headers, A)!;
        first[0] = 0xEE;
        Assert.Equal(B, store.Get(Columns.Headers, A));
    }

    [Fact]
    public void Put_copies_caller_buffers()
    {
        IKeyValueStore store = Open();
        byte[] key = [0x01];
        byte[] value = [0x02];
        store.Put(Columns.Headers, key, value);
        key[0] = 0x09;
        value[0] = 0x09;
        Assert.Equal(B, store.Get(Columns.Headers, A));
    }

    [Fact]
    public void Large_value_round_trips()
    {
        IKeyValueStore store = Open();
        byte[] value = new byte[1 << 20];
        for (int i = 0; i < value.Length; i++)
        {
            value[i] = (byte)(i * 31);
        }

        store.Put(Columns.Blocks, A, value);
        Assert.Equal(value, store.Get(Columns.Blocks, A));
    }

    [Fact]
    public void Flush_keeps_data_readable()
    {
        IKeyValueStore store = Open();
        store.Put(Columns.Headers, A, B);
        store.Flush();
        Assert.Equal(B, store.Get(Columns.Headers, A));
    }
}
