using Aro.Core;
using Aro.Core.Abi;
using Aro.Core.Transactions;
using Aro.Execution.Execution;
using Aro.Execution.Modules;
using Aro.Execution.Tests.Execution;
using static Aro.Execution.Tests.Execution.ExecFixture;

namespace Aro.Execution.Tests.Modules;

public class CrossModuleCallTests
{
    private static SenderTx CallTx(byte[] calldata) =>
        ExecTx.From(ExecTx.Alice).To(ForwardingModule.DefaultAddress).Gas(100_000).Data(calldata).Signed();

    private static (BlockExecutionResult Result, UInt256 Counter) Run(byte[] calldata)
    {
        var counter = new CounterModule();
        var host = new ModuleHost([counter, new ForwardingModule(counter)]);
        var state = FundedState(ExecTx.Alice);
        var result = new BlockExecutor(new ExecutionParameters(), host).BuildBlock(state, ExecTx.Block(10), [CallTx(calldata)]);
        var query = host.Query(state, ExecTx.Block(10), CounterModule.DefaultAddress, CounterModule.Get.EncodeCall());
        return (result, CounterModule.Get.DecodeResult(query.Output)[0].AsUInt256());
    }

    [Fact]
    public void A_module_writes_another_modules_store_through_its_keeper_and_the_event_carries_the_callees_address()
    {
        var (result, counter) = Run(ForwardingModule.Forward.EncodeCall(AbiValue.UInt(7UL)));

        Assert.True(result.Transactions[0].Succeeded);
        Assert.Equal((UInt256)7UL, counter);
        Assert.Equal(CounterModule.DefaultAddress, Assert.Single(result.Receipts[0].Logs).Address);
    }

    [Fact]
    public void A_failed_call_reverts_what_it_wrote_into_another_module()
    {
        var (result, counter) = Run(ForwardingModule.ForwardThenFail.EncodeCall(AbiValue.UInt(7UL)));

        Assert.False(result.Transactions[0].Succeeded);
        Assert.True(counter.IsZero);
        Assert.Empty(result.Receipts[0].Logs);
    }
}
