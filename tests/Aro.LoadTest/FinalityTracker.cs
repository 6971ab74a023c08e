using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;

namespace Aro.LoadTest;

/// <summary>
/// Submission and finality times of every transfer of a plan (client clock), matched by hash against
/// the committed blocks a <see cref="HeadWatcher"/> delivers; prints the run's figures.
/// </summary>
internal sealed class FinalityTracker
{
    private readonly Dictionary<string, int> _index;
    private readonly long[] _submittedTicks;
    private readonly long[] _finalTicks;
    private readonly Stopwatch _clock;
    private readonly List<(ulong Number, TimeSpan At, int Ours, int All)> _heads = [];
    private int _finalized;
    private long _lastProgressTicks;

    public FinalityTracker(string[] hashes, Stopwatch clock)
    {
        _clock = clock;
        _index = new Dictionary<string, int>(hashes.Length, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < hashes.Length; i++)
        {
            _index.Add(hashes[i], i);
        }

        _submittedTicks = new long[hashes.Length];
        _finalTicks = new long[hashes.Length];
        Array.Fill(_submittedTicks, -1);
        Array.Fill(_finalTicks, -1);
        _lastProgressTicks = clock.Elapsed.Ticks;
    }

    public int Finalized => Volatile.Read(ref _finalized);

    public void Submitted(int[] indexes, TimeSpan at)
    {
        foreach (var i in indexes)
        {
            _submittedTicks[i] = at.Ticks;
        }
    }

    public void Refused(int index) => _submittedTicks[index] = -1;

    /// <summary>Consumes committed blocks until the watcher ends; completes faulted when it failed.</summary>
    public async Task FollowAsync(ChannelReader<CommittedHead> heads)
    {
        await foreach (var head in heads.ReadAllAsync())
        {
            var ours = 0;
            foreach (var hash in head.TransactionHashes)
            {
                if (_index.TryGetValue(hash, out var i) && _finalTicks[i] < 0)
                {
                    _finalTicks[i] = head.ArrivedAt.Ticks;
                    ours++;
                }
            }

            lock (_heads)
            {
                _heads.Add((head.Number, head.ArrivedAt, ours, head.TransactionHashes.Length));
            }

            if (ours > 0)
            {
                Interlocked.Add(ref _finalized, ours);
                Volatile.Write(ref _lastProgressTicks, _clock.Elapsed.Ticks);
            }
        }
    }

    /// <summary>Null once <paramref name="expected"/> transfers are final; else why the run cannot finish.</summary>
    public async Task<string?> WaitAllAsync(int expected, TimeSpan stallTimeout, Task following)
    {
        Volatile.Write(ref _lastProgressTicks, Math.Max(Volatile.Read(ref _lastProgressTicks), _clock.Elapsed.Ticks));
        while (Finalized < expected)
        {
            if (following.IsCompleted)
            {
                return $"lost the newHeads subscription after {Finalized} of {expected} transfers were committed: {following.Exception?.GetBaseException().Message ?? "the node closed it"}";
            }

            if (_clock.Elapsed - TimeSpan.FromTicks(Volatile.Read(ref _lastProgressTicks)) > stallTimeout)
            {
                return $"only {Finalized} of {expected} accepted transfers committed; none for {stallTimeout.TotalSeconds:F0} s (see the node logs)";
            }

            await Task.Delay(20);
        }

        return null;
    }

    /// <summary>Only the committed count and rate (the warm-up pass).</summary>
    public void ReportCommitted(TimeSpan firstSend)
    {
        var (latencies, lastCommit) = Latencies();
        Console.WriteLine(CommittedLine(latencies.Count, lastCommit - firstSend));
    }

    public void Report(TimeSpan firstSend, string loadBefore, string loadAfter)
    {
        var (latencies, lastCommit) = Latencies();
        var window = lastCommit - firstSend;
        List<(ulong Number, TimeSpan At, int Ours, int All)> heads;
        lock (_heads)
        {
            heads = [.. _heads];
        }

        var intervals = new List<double>();
        var perBlock = new List<int>();
        for (var h = 1; h < heads.Count; h++)
        {
            if (heads[h].At > firstSend && heads[h].At <= lastCommit && heads[h].Number == heads[h - 1].Number + 1)
            {
                intervals.Add((heads[h].At - heads[h - 1].At).TotalMilliseconds);
            }
        }

        foreach (var head in heads)
        {
            if (head.Ours > 0)
            {
                perBlock.Add(head.All);
            }
        }

        intervals.Sort();
        perBlock.Sort();
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(CommittedLine(latencies.Count, window));
        Console.WriteLine(string.Create(c, $"submission → finality: p50 {Percentile(latencies, 50):F0} ms, p99 {Percentile(latencies, 99):F0} ms, max {(latencies.Count > 0 ? latencies[^1] : 0):F0} ms"));
        Console.WriteLine(string.Create(c, $"block interval: mean {(intervals.Count > 0 ? intervals.Average() : 0):F0} ms, p50 {Percentile(intervals, 50):F0} ms, max {(intervals.Count > 0 ? intervals[^1] : 0):F0} ms over {intervals.Count} intervals"));
        Console.WriteLine(string.Create(c, $"txs per block: mean {(perBlock.Count > 0 ? perBlock.Average() : 0):F0}, p50 {Percentile(perBlock.ConvertAll(x => (double)x), 50):F0}, max {(perBlock.Count > 0 ? perBlock[^1] : 0)} over {perBlock.Count} blocks"));
        Console.WriteLine($"load average (1/5/15 min): before {loadBefore}, after {loadAfter}");
    }

    /// <summary>Submission → finality of every committed transfer, sorted, and the last commit's time.</summary>
    private (List<double> Sorted, TimeSpan LastCommit) Latencies()
    {
        var latencies = new List<double>(_finalTicks.Length);
        var lastCommit = TimeSpan.Zero;
        for (var i = 0; i < _finalTicks.Length; i++)
        {
            if (_finalTicks[i] >= 0 && _submittedTicks[i] >= 0)
            {
                latencies.Add(TimeSpan.FromTicks(_finalTicks[i] - _submittedTicks[i]).TotalMilliseconds);
                lastCommit = TimeSpan.FromTicks(Math.Max(lastCommit.Ticks, _finalTicks[i]));
            }
        }

        latencies.Sort();
        return (latencies, lastCommit);
    }

    private static string CommittedLine(int count, TimeSpan window) =>
        string.Create(CultureInfo.InvariantCulture, $"committed {count} transfers in {window.TotalSeconds:F2} s (first submission → last commit) = {count / window.TotalSeconds:F0} tx/s");

    private static double Percentile(List<double> sorted, int percent) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(sorted.Count * percent / 100.0) - 1)];
}
