using Aro.Storage;

namespace Aro.Storage.Tests;

public abstract partial class KeyValueStoreConformance
{
    [Fact]
    public void Batch_is_invisible_until_commit()
    {
        IKeyValueStore store = Open();
        using IWriteBatch batch = store.CreateBatch();
        batch.Put(Columns.Headers, A, B);
        Assert.Null(store.Get(Columns.Headers, A));
        Assert.Equal(1, batch.Count);

        batch.Commit();
        Assert.Equal(B, store.Get(Columns.Headers, A));
    }

    [Fact]
    public void Batch_applies_across_columns()
    {
        IKeyValueStore store = Open();
        store.Put(Columns.Receipts, C, C);
        using IWriteBatch batch = store.CreateBatch();
        batch.Put(Columns.Headers, A, A);
        batch.Put(Columns.Blocks, B, B);
        batch.Delete(Columns.Receipts, C);
        batch.Commit(sync: true);

        Assert.Equal(A, store.Get(Columns.Headers, A));
        Assert.Equal(B, store.Get(Columns.Blocks, B));
        Assert.Null(store.Get(Columns.Receipts, C));
    }

    [Fact]
    public void Batch_put_then_delete_of_same_key_leaves_it_absent()
    {
        IKeyValueStore store = Open();
        store.Put(Columns.Headers, A, C);
        using IWriteBatch batch = store.CreateBatch();
        batch.Put(Columns.Headers, A, B);
        batch.Delete(Columns.Headers, A);
        batch.Commit();
        Assert.Null(store.Get(Columns.Headers, A));
    }

    [Fact]
    public void Batch_delete_then_put_of_same_key_keeps_the_put()
    {
        IKeyValueStore store = Open();
        using IWriteBatch batch = store.CreateBatch();
        batch.Delete(Columns.Headers, A);
        batch.Put(Columns.Headers, A, B);
        batch.Commit();
        Assert.Equal(B, store.Get(Columns.Headers, A));
    }

    [Fact]
    public void Batch_last_put_of_same_key_wins()
    {
        IKeyValueStore store = Open();
        using IWriteBatch batch = store.CreateBatch();
        batch.Put(Columns.Headers, A, B);
        batch.Put(Columns.Headers, A, C);
        batch.Commit();
        Assert.Equal(C, store.Get(Columns.Headers, A));
    }

    [Fact]
    public void Batch_is_empty_and_reusable_after_commit()
    {
        IKeyValueStore store = Open();
        using IWriteBatch batch = store.CreateBatch();
        batch.Put(Columns.Headers, A, B);
        batch.Commit();
        Assert.Equal(0, batch.Count);

        store.Delete(Columns.Headers, A);
        batch.Commit();
        Assert.Null(store.Get(Columns.Headers, A));

        batch.Put(Columns.Headers, B, C);
        batch.Commit();
        Assert.Equal(C, store.Get(Columns.Headers, B));
    }

    [Fact]
    public void Disposed_batch_is_never_applied()
    {
        IKeyValueStore store = Open();
        IWriteBatch batch = store.CreateBatch();
        batch.Put(Columns.Headers, A, B);
        batch.Dispose();
        Assert.Null(store.Get(Columns.Headers, A));
        Assert.Throws<ObjectDisposedException>(() => batch.Commit());
    }

    [Fact]
    public void Batch_copies_caller_buffers()
    {
        IKeyValueStore store = Open();
        byte[] key = [0x01];
        byte[] value = [0x02];
        using IWriteBatch batch = store.CreateBatch();
        batch.Put(Columns.Headers, key, value);
        key[0] = 0x09;
        value[0] = 0x09;
        batch.Commit();
        Assert.Equal(B, store.Get(Columns.Headers, A));
    }

    [Fact]
    public async Task Concurrent_batches_are_never_seen_half_applied()
    {
        IKeyValueStore store = Open();
        const int Keys = 20;
        const int Rounds = 200;
        using var done = new CancellationTokenSource();
        Task writer = Task.Run(() =>
        {
            using IWriteBatch batch = store.CreateBatch();
            for (int round = 1; round <= Rounds; round++)
            {
                for (byte i = 0; i < Keys; i++)
                {
                    batch.Put(i % 2 == 0 ? Columns.Headers : Columns.Blocks, [i], [(byte)round]);
                }

                batch.Commit();
            }

            done.Cancel();
        });

        int checks = 0;
        while (!done.IsCancellationRequested || checks == 0)
        {
            using IKeyValueSnapshot snapshot = store.CreateSnapshot();
            byte[]? first = snapshot.Get(Columns.Headers, [0]);
            for (byte i = 1; i < Keys; i++)
            {
                Assert.Equal(first, snapshot.Get(i % 2 == 0 ? Columns.Headers : Columns.Blocks, [i]));
            }

            checks++;
        }

        await writer;
    }
}
