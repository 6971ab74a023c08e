using Aro.Core;
using Aro.Core.Abi;
using Aro.Core.Blocks;
using Aro.Execution.Execution;
using Aro.Execution.Modules;
using Aro.Execution.Tests.Execution;
using Aro.State;
using static Aro.Execution.Tests.Execution.ExecFixture;

namespace Aro.Execution.Tests.Modules;

/// <summary>Events of begin/end-block hooks are the block's logs: ordered, in the header bloom, in no receipt.</summary>
public class HookLogTests
{
    private static readonly Address Low = Address.Parse("0x0000000000000000000000000000000000000a01");
    private static readonly Address High = Address.Parse("0x0000000000000000000000000000000000000a02");

    private static SenderTx Increment(Address module) =>
        ExecTx.From(ExecTx.Alice).To(module).Gas(100_000).Data(CounterModule.Increment.EncodeCall(AbiValue.UInt(1UL))).Signed();

    private static BlockExecutionResult Build(params IModule[] modules) =>
        Executor(modules).BuildBlock(FundedState(ExecTx.Alice), ExecTx.Block(10), [Increment(Low)]);

    [Fact]
    public void Hook_logs_come_begin_block_first_end_block_last_each_in_module_address_order()
    {
        var result = Build(new CounterModule(High, hookEvents: true), new CounterModule(Low, hookEvents: true));

        Assert.Equal(
            [(Low, CounterModule.BlockBegun.Topic0), (High, CounterModule.BlockBegun.Topic0), (Low, CounterModule.BlockEnded.Topic0), (High, CounterModule.BlockEnded.Topic0)],
            result.BlockEvents.Select(log => (log.Address, log.Topics[0])));
        Assert.All(result.BlockEvents, log => Assert.Equal((UInt256)ExecTx.Block(10).Number, UInt256.FromBigEndian(log.Data.Span)));
    }

    [Fact]
    public void Hook_logs_are_in_no_receipt()
    {
        var result = Build(new CounterModule(Low, hookEvents: true));

        var log = Assert.Single(result.Receipts[0].Logs);
        Assert.Equal(CounterModule.Incremented.Topic0, log.Topics[0]);
        Assert.DoesNotContain(CounterModule.BlockEnded.Topic0, result.Receipts[0].Logs.Select(l => l.Topics[0]));
        Assert.False(result.Receipts[0].Bloom.Contains(CounterModule.BlockEnded.Topic0));
    }

    [Fact]
    public void Header_bloom_covers_the_hook_logs()
    {
        var result = Build(new CounterModule(Low, hookEvents: true));

        Assert.True(result.LogsBloom.Contains(CounterModule.BlockBegun.Topic0));
        Assert.True(result.LogsBloom.Contains(CounterModule.BlockEnded.Topic0));
        Assert.Equal(result.Receipts[0].Bloom | Bloom.FromLogs(result.BlockEvents), result.LogsBloom);
    }

    [Fact]
    public void Hook_logs_leave_the_receipts_root_as_the_transactions_alone_make_it()
    {
        var quiet = Build(new CounterModule(Low));
        var loud = Build(new CounterModule(Low, hookEvents: true));

        Assert.Empty(quiet.BlockEvents);
        Assert.Equal(2, loud.BlockEvents.Length);
        Assert.Equal(DerivedRoots.Receipts(quiet.Receipts), DerivedRoots.Receipts(loud.Receipts));
        Assert.NotEqual(quiet.LogsBloom, loud.LogsBloom);
    }

    [Fact]
    public void A_block_without_hook_events_has_the_bloom_of_its_receipts()
    {
        var result = Build(new CounterModule(Low));

        Assert.Empty(result.BlockEvents);
        Assert.Equal(result.Receipts[0].Bloom, result.LogsBloom);
    }

    [Fact]
    public void A_failing_hook_fails_the_block_taking_every_hook_log_and_write_with_it()
    {
        var state = FundedState(ExecTx.Alice);
        var before = state.ComputeRoot();
        var executor = Executor(new CounterModule(Low, hookEvents: true), new ThrowingHookModule());

        // The throw is the whole answer: no result, so no block logs (the counter's and the failing module's
        // begin-block events included) can reach a store or a subscriber.
        Assert.Throws<InvalidOperationException>(() => executor.ValidateBlock(state, ExecTx.Block(10), [Increment(Low)]));
        Assert.Throws<InvalidOperationException>(() => executor.BuildBlock(FundedState(ExecTx.Alice), ExecTx.Block(10), [Increment(Low)]));

        Assert.Equal(before, state.ComputeRoot());
    }
}
