using Aro.Core;
using Aro.Core.Abi;
using Aro.Execution.Execution;
using Aro.Execution.Tests.Execution;
using static Aro.Execution.Tests.Execution.ExecFixture;

namespace Aro.Execution.Tests.Modules;

public class ModuleBalanceTests
{
    private static readonly Address Module = CounterModule.DefaultAddress;
    private static readonly Address Payee = Address.Parse("0x0000000000000000000000000000000000000e0e");

    private static SenderTx Tx(ulong nonce, byte[] calldata, UInt256 value = default) =>
        ExecTx.From(ExecTx.Alice).Nonce(nonce).To(Module).Value(value).Gas(100_000).Data(calldata).Signed();

    private static BlockExecutionResult Run(Aro.State.World.WorldState state, params SenderTx[] txs) =>
        Executor(new CounterModule(acceptsPlainValue: true)).BuildBlock(state, ExecTx.Block(10), txs);

    [Fact]
    public void Module_pays_out_of_its_own_account()
    {
        var state = FundedState(ExecTx.Alice);

        var result = Run(state, Tx(0, [], value: 100UL), Tx(1, CounterModule.Withdraw.EncodeCall(AbiValue.Address(Payee), AbiValue.UInt(60UL))));

        Assert.True(result.Transactions[1].Succeeded);
        Assert.Equal((UInt256)40UL, state.GetBalance(Module));
        Assert.Equal((UInt256)60UL, state.GetBalance(Payee));
    }

    [Fact]
    public void Paying_more_than_the_module_holds_reverts()
    {
        var state = FundedState(ExecTx.Alice);

        var result = Run(state, Tx(0, [], value: 100UL), Tx(1, CounterModule.Withdraw.EncodeCall(AbiValue.Address(Payee), AbiValue.UInt(101UL))));

        Assert.False(result.Transactions[1].Succeeded);
        Assert.Equal((UInt256)100UL, state.GetBalance(Module));
        Assert.True(state.GetBalance(Payee).IsZero);
    }

    [Fact]
    public void Supply_is_conserved_up_to_the_burnt_base_fee_across_module_calls()
    {
        var state = FundedState(ExecTx.Alice);

        var result = Run(
            state,
            Tx(0, [], value: 100UL),
            Tx(1, CounterModule.Withdraw.EncodeCall(AbiValue.Address(Payee), AbiValue.UInt(30UL))),
            Tx(2, CounterModule.Fail.EncodeCall(AbiValue.String("x")), value: 5UL));

        var total = state.GetBalance(ExecTx.AddressOf(ExecTx.Alice)) + state.GetBalance(Module)
            + state.GetBalance(Payee) + state.GetBalance(ExecTx.Proposer);
        Assert.Equal(Funds, total + result.BaseFeeBurnt);
    }
}
