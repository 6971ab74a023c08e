using System.Collections.Concurrent;
using Aro.Core;
using Aro.Core.Transactions;
using Aro.Execution.TxPool;

namespace Aro.Execution.Tests.TxPool;

/// <summary>Parallel Add from many threads: every invariant a single thread would see still holds.</summary>
public class TxPoolConcurrencyTests
{
    private static readonly ParallelOptions EightThreads = new() { MaxDegreeOfParallelism = 8 };

    [Fact]
    public void Parallel_adds_of_shuffled_nonces_end_with_every_transaction_pending_and_announced_once()
    {
        const int senders = 16, nonces = 24;
        var state = new TestState();
        var txs = new List<Transaction>();
        for (var s = 0; s < senders; s++)
        {
            var key = TestTx.Key(0x200 + s);
            state.Fund(key, TestState.Rich);
            for (ulong n = 0; n < nonces; n++)
            {
                txs.Add(TestTx.From(key).Nonce(n).Tip(n + 1).MaxFee(1_000).Build());
            }
        }

        Shuffle(txs, seed: 7);
        var pool = TestPool.Create(state);
        var announced = new ConcurrentBag<Hash256>();
        pool.NewPending += (_, e) =>
        {
            foreach (var tx in e.Transactions)
            {
                announced.Add(tx.Hash);
            }
        };

        var results = new ConcurrentBag<TxPoolAddResult>();
        Parallel.ForEach(txs, EightThreads, tx => results.Add(pool.Add(TxEncoder.Encode(tx))));

        Assert.All(results, r => Assert.True(r.IsAccepted, r.ToString()));
        Assert.Equal((senders * nonces, 0, senders * nonces), (pool.PendingCount, pool.QueuedCount, pool.Count));
        Assert.Equal(txs.Select(tx => tx.Hash).Order(), announced.Order());
        foreach (var sender in pool.GetContent().Senders)
        {
            Assert.Equal(Enumerable.Range(0, nonces).Select(n => (ulong)n), sender.Pending.Select(tx => tx.Nonce));
        }
    }

    [Fact]
    public void Parallel_duplicates_are_admitted_exactly_once()
    {
        var txs = Enumerable.Range(0, 64).Select(n => TestTx.From(TestTx.KeyA).Nonce((ulong)n).Build()).ToList();
        var submissions = txs.Concat(txs).Concat(txs).ToList();
        Shuffle(submissions, seed: 11);
        var pool = TestPool.Create(options: TestPool.Options with { MaxPerSender = 64 });

        var results = new ConcurrentBag<TxPoolAddResult>();
        Parallel.ForEach(submissions, EightThreads, tx => results.Add(pool.Add(tx)));

        Assert.Equal(64, results.Count(r => r.IsAccepted));
        Assert.Equal(128, results.Count(r => r.Error == TxPoolError.AlreadyKnown));
        Assert.Equal((64, 0), (pool.PendingCount, pool.QueuedCount));
    }

    [Fact]
    public void Parallel_adds_into_a_full_pool_keep_exactly_the_best_paying_transactions()
    {
        const int capacity = 50, offered = 200;
        var state = new TestState();
        var txs = new List<Transaction>();
        for (var s = 0; s < offered; s++)
        {
            var key = TestTx.Key(0x400 + s);
            state.Fund(key, TestState.Rich);
            txs.Add(TestTx.From(key).Tip((ulong)s + 1).MaxFee(10_000).Build());
        }

        var best = txs.Skip(offered - capacity).Select(tx => tx.Hash).Order().ToList();
        Shuffle(txs, seed: 3);
        var pool = TestPool.Create(state, TestPool.Options with { MaxPoolSize = capacity });

        Parallel.ForEach(txs, EightThreads, tx =>
        {
            var result = pool.Add(tx);
            Assert.True(result.IsAccepted || result.Error == TxPoolError.TxPoolFull, result.ToString());
            Assert.True(pool.Count <= capacity);
        });

        Assert.Equal(best, pool.GetContent().Senders.SelectMany(s => s.Pending).Select(tx => tx.Hash).Order());
        Assert.Equal((capacity, 0), (pool.PendingCount, pool.QueuedCount));
    }

    private static void Shuffle<T>(List<T> items, int seed)
    {
        var random = new Random(seed);
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
