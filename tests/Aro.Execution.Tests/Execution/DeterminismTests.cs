using Aro.Core.Abi;
using Aro.Execution.Execution;
using Aro.Execution.Tests.Modules;
using Aro.State;
using static Aro.Execution.Tests.Execution.ExecFixture;

namespace Aro.Execution.Tests.Execution;

public class DeterminismTests
{
    [Fact]
    public void Same_block_on_two_fresh_states_gives_the_same_state_and_receipts_roots()
    {
        SenderTx[] txs =
        [
            ExecTx.From(ExecTx.Alice).Nonce(0).Value(10).Signed(),
            ExecTx.From(ExecTx.Bob).Nonce(0).To(CounterModule.DefaultAddress).Gas(60_000).Data(CounterModule.Increment.EncodeCall(AbiValue.UInt(4UL))).Signed(),
            ExecTx.From(ExecTx.Alice).Nonce(1).To(CounterModule.DefaultAddress).Gas(60_000).Data(CounterModule.Fail.EncodeCall(AbiValue.String("no"))).Signed(),
        ];

        (Aro.Core.Hash256 State, Aro.Core.Hash256 Receipts) Run()
        {
            var state = FundedState(ExecTx.Alice, ExecTx.Bob);
            var result = Executor(new CounterModule()).ValidateBlock(state, ExecTx.Block(10), txs);
            return (state.ComputeRoot(), DerivedRoots.Receipts(result.Receipts));
        }

        var first = Run();
        var second = Run();

        Assert.Equal(first, second);
        Assert.NotEqual(DerivedRoots.Receipts(Array.Empty<Aro.Core.Blocks.Receipt>()), first.Receipts);
    }
}
