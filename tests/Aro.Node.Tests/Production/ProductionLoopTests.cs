using Aro.Node.Chain;
using Aro.Node.Production;
using Aro.Node.Tests.Chain;
using Aro.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aro.Node.Tests.Production;

/// <summary>The loop's decisions, one tick at a time, on a clock the test moves.</summary>
public sealed class ProductionLoopTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds((long)Devnet.Spec.Timestamp + 1_000);

    private readonly TempDirectory _home = new();
    private readonly ChainNode _node;
    private readonly ManualTime _time = new(Now);

    public ProductionLoopTests()
    {
        _node = ChainNode.Open(_home.Path, Devnet.Spec);
    }

    public void Dispose()
    {
        _node.Dispose();
        _home.Dispose();
    }

    [Fact]
    public void Makes_no_block_while_the_pool_is_empty_without_an_empty_block_interval()
    {
        var loop = Loop(new ProductionOptions());
        _time.Advance(TimeSpan.FromHours(1));

        Assert.Null(loop.Tick());
        Assert.Equal(0UL, _node.Head.Number);
    }

    [Fact]
    public void Makes_a_block_as_soon_as_transactions_wait()
    {
        var loop = Loop(new ProductionOptions { EmptyBlockInterval = TimeSpan.FromMinutes(1) });
        Assert.True(_node.TxPool.Add(Devnet.Transfer(0, 0, Devnet.AccountAddress(1), 1)).IsAccepted);

        var produced = loop.Tick();

        Assert.Single(produced!.Block.Body.Transactions);
    }

    [Fact]
    public void Makes_an_empty_block_once_the_empty_block_interval_has_passed_since_the_last_block()
    {
        var loop = Loop(new ProductionOptions { EmptyBlockInterval = TimeSpan.FromSeconds(10) });

        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.Null(loop.Tick());
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.NotNull(loop.Tick());
        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.Null(loop.Tick());
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2UL, loop.Tick()!.Block.Number);
    }

    [Fact]
    public void Counts_a_tick_that_arrives_a_little_early_as_on_time()
    {
        var loop = Loop(new ProductionOptions { BlockInterval = TimeSpan.FromSeconds(1), EmptyBlockInterval = TimeSpan.FromSeconds(1) });

        _time.Advance(TimeSpan.FromMilliseconds(999));

        Assert.NotNull(loop.Tick());
    }

    [Fact]
    public void Stamps_blocks_with_the_clock_in_unix_seconds()
    {
        var loop = Loop(new ProductionOptions { EmptyBlockInterval = TimeSpan.FromSeconds(1) });
        _time.Advance(TimeSpan.FromSeconds(1.5));

        var header = loop.Tick()!.Block.Header;

        Assert.Equal((ulong)Now.ToUnixTimeSeconds() + 1, header.Timestamp);
    }

    [Fact]
    public async Task Stops_when_asked_and_leaves_the_head_on_a_committed_block()
    {
        var loop = new ProductionLoop(
            new BlockProducer(_node, Devnet.Validator),
            new ProductionOptions { BlockInterval = TimeSpan.FromMilliseconds(5), EmptyBlockInterval = TimeSpan.FromMilliseconds(5) },
            NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var committed = new TaskCompletionSource();
        _node.BlockCommitted += (_, e) =>
        {
            if (e.Block.Number == 3)
            {
                committed.TrySetResult();
            }
        };

        var running = loop.RunAsync(stop.Token);
        await committed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await running;

        var head = _node.Head;
        Assert.True(head.Number >= 3);
        Assert.Equal(head.Hash, _node.Store.GetCommit(head.Number)!.BlockHash);
    }

    private ProductionLoop Loop(ProductionOptions options) =>
        new(new BlockProducer(_node, Devnet.Validator), options, NullLogger.Instance, _time);

    private sealed class ManualTime(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override DateTimeOffset GetUtcNow() => _now;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by)
        {
            _now += by;
            _ticks += by.Ticks;
        }
    }
}
