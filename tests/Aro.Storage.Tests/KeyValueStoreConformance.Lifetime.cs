using Aro.Storage;

namespace Aro.Storage.Tests;

public abstract partial class KeyValueStoreConformance
{
    [Fact]
    public void Snapshot_does_not_see_later_writes()
    {
        IKeyValueStore store = Open();
        store.Put(Columns.Headers, A, A);
        store.Put(Columns.Headers, B, B);
        using IKeyValueSnapshot snapshot = store.CreateSnapshot();

        store.Put(Columns.Headers, A, C);
        store.Delete(Columns.Headers, B);
        store.Put(Columns.Headers, C, C);

        Assert.Equal(A, snapshot.Get(Columns.Headers, A));
        Assert.Equal(B, snapshot.Get(Columns.Headers, B));
        Assert.False(snapshot.TryGet(Columns.Headers, C, out _));
        Assert.Equal(C, store.Get(Columns.Headers, A));
    }

    [Fact]
    public void Snapshot_iterator_does_not_see_later_writes()
    {
        IKeyValueStore store = Open();
        store.Put(Columns.Headers, A, A);
        store.Put(Columns.Headers, B, B);
        using IKeyValueSnapshot snapshot = store.CreateSnapshot();

        using IWriteBatch batch = store.CreateBatch();
        batch.Delete(Columns.Headers, A);
        batch.Put(Columns.Headers, C, C);
        batch.Commit();

        using IKeyValueIterator iterator = snapshot.Iterate(Columns.Headers);
        iterator.SeekToFirst();
        Assert.Equal(["01", "02"], Keys(iterator));
    }

    [Fact]
    public void Dispose_is_idempotent()
    {
        IKeyValueStore store = Open();
        IKeyValueSnapshot snapshot = store.CreateSnapshot();
        IKeyValueIterator iterator = store.Iterate(Columns.Headers);
        IWriteBatch batch = store.CreateBatch();

        iterator.Dispose();
        iterator.Dispose();
        snapshot.Dispose();
        snapshot.Dispose();
        batch.Dispose();
        batch.Dispose();
        store.Dispose();
        store.Dispose();
    }

    [Fact]
    public void Store_use_after_dispose_throws()
    {
        IKeyValueStore store = Open();
        store.Dispose();
        Assert.Throws<ObjectDisposedException>(() => store.Get(Columns.Headers, A));
        Assert.Throws<ObjectDisposedException>(() => store.Put(Columns.Headers, A, B));
        Assert.Throws<ObjectDisposedException>(() => store.Delete(Columns.Headers, A));
        Assert.Throws<ObjectDisposedException>(() => store.CreateBatch());
        Assert.Throws<ObjectDisposedException>(() => store.CreateSnapshot());
        Assert.Throws<ObjectDisposedException>(() => store.Iterate(Columns.Headers));
        Assert.Throws<ObjectDisposedException>(store.Flush);
    }

    [Fact]
    public void Batch_commit_after_store_dispose_throws()
    {
        IKeyValueStore store = Open();
        IWriteBatch batch = store.CreateBatch();
        batch.Put(Columns.Headers, A, B);
        store.Dispose();
        Assert.Throws<ObjectDisposedException>(() => batch.Commit());
        batch.Dispose();
    }

    [Fact]
    public void Snapshot_and_iterator_use_after_dispose_throw()
    {
        IKeyValueStore store = Open();
        IKeyValueSnapshot snapshot = store.CreateSnapshot();
        IKeyValueIterator iterator = store.Iterate(Columns.Headers);
        snapshot.Dispose();
        iterator.Dispose();
        Assert.Throws<ObjectDisposedException>(() => snapshot.Get(Columns.Headers, A));
        Assert.Throws<ObjectDisposedException>(() => snapshot.Iterate(Columns.Headers));
        Assert.Throws<ObjectDisposedException>(iterator.SeekToFirst);
        Assert.Throws<ObjectDisposedException>(() => iterator.Valid);
    }

    [Fact]
    public void Snapshot_outliving_store_can_still_be_disposed()
    {
        IKeyValueStore store = Open();
        store.Put(Columns.Headers, A, B);
        IKeyValueSnapshot snapshot = store.CreateSnapshot();
        IKeyValueIterator iterator = snapshot.Iterate(Columns.Headers);
        store.Dispose();
        Assert.Throws<ObjectDisposedException>(() => snapshot.Get(Columns.Headers, A));
        iterator.Dispose();
        snapshot.Dispose();
    }
}
