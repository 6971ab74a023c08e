using Aro.Core;
using Aro.Core.Abi;
using Aro.Core.Crypto;
using Aro.Core.Transactions;
using Aro.Execution.Execution;
using Aro.Execution.Modules;
using Aro.Execution.Tests.Execution;
using static Aro.Execution.Tests.Execution.ExecFixture;

namespace Aro.Execution.Tests.Modules;

public class ModuleCallTests
{
    private static readonly Address Module = CounterModule.DefaultAddress;
    private static readonly Address AliceAddress = ExecTx.AddressOf(ExecTx.Alice);

    private static SenderTx CallTx(byte[] calldata, ulong nonce = 0, UInt256 value = default, ulong gas = 100_000) =>
        ExecTx.From(ExecTx.Alice).Nonce(nonce).To(Module).Value(value).Gas(gas).Data(calldata).Signed();

    private static BlockExecutionResult Run(Aro.State.World.WorldState state, params SenderTx[] txs) =>
        Executor(new CounterModule()).BuildBlock(state, ExecTx.Block(10), txs);

    [Fact]
    public void Call_is_dispatched_by_selector_and_charges_intrinsic_plus_method_gas()
    {
        var state = FundedState(ExecTx.Alice);
        var tx = CallTx(CounterModule.Increment.EncodeCall(AbiValue.UInt(5UL)));

        var result = Run(state, tx);

        var outcome = Assert.Single(result.Transactions);
        Assert.True(outcome.Succeeded);
        Assert.Equal(IntrinsicGas.Calculate(tx.Transaction) + CounterModule.IncrementGas, outcome.GasUsed);
        Assert.Equal((UInt256)5UL, CounterModule.Increment.DecodeResult(outcome.Output)[0].AsUInt256());
        Assert.Equal(Funds - (outcome.GasUsed * 12UL), state.GetBalance(AliceAddress));
    }

    [Fact]
    public void Event_becomes_a_receipt_log_with_topic0_the_keccak_of_its_signature()
    {
        var state = FundedState(ExecTx.Alice);

        var result = Run(state, CallTx(CounterModule.Increment.EncodeCall(AbiValue.UInt(5UL))));

        var log = Assert.Single(result.Receipts[0].Logs);
        Assert.Equal(Module, log.Address);
        Assert.Equal(Keccak256.Hash("Incremented(address,uint256)"u8), log.Topics[0]);
        Assert.Equal(AliceAddress, CounterModule.Incremented.Decode(log.Topics, log.Data.Span)[0].AsAddress());
        Assert.True(result.Receipts[0].Bloom.Contains(Module));
        Assert.True(result.LogsBloom.Contains(log.Topics[0]));
    }

    [Fact]
    public void Failed_call_reverts_module_state_events_and_value_but_charges_the_fee()
    {
        var state = FundedState(ExecTx.Alice);
        Run(state, CallTx(CounterModule.Increment.EncodeCall(AbiValue.UInt(5UL))));
        var aliceBefore = state.GetBalance(AliceAddress);
        var tx = CallTx(CounterModule.Fail.EncodeCall(AbiValue.String("nope")), nonce: 1, value: 1_000UL);

        var result = Run(state, tx);

        var outcome = Assert.Single(result.Transactions);
        Assert.False(outcome.Succeeded);
        Assert.False(result.Receipts[0].Succeeded);
        Assert.Empty(result.Receipts[0].Logs);
        Assert.Equal("nope", AbiError.ErrorString.Decode(outcome.Output)[0].AsString());
        Assert.Equal(IntrinsicGas.Calculate(tx.Transaction) + CounterModule.FailGas, outcome.GasUsed);
        Assert.Equal(aliceBefore - (outcome.GasUsed * 12UL), state.GetBalance(AliceAddress));
        Assert.True(state.GetBalance(Module).IsZero);
        Assert.Equal(2UL, state.GetNonce(AliceAddress));
        Assert.Equal((UInt256)5UL, Query(state));
    }

    [Fact]
    public void Unknown_selector_reverts_with_UnknownSelector()
    {
        var state = FundedState(ExecTx.Alice);

        var outcome = Run(state, CallTx([0xde, 0xad, 0xbe, 0xef, 0x00])).Transactions[0];

        Assert.False(outcome.Succeeded);
        Assert.Equal(new byte[] { 0xde, 0xad, 0xbe, 0xef }, ModuleHost.UnknownSelector.Decode(outcome.Output)[0].AsBytes());
    }

    [Fact]
    public void Malformed_arguments_revert()
    {
        var state = FundedState(ExecTx.Alice);

        var outcome = Run(state, CallTx([.. CounterModule.Increment.Selector.ToArray(), 0x01])).Transactions[0];

        Assert.False(outcome.Succeeded);
        Assert.StartsWith("malformed calldata", AbiError.ErrorString.Decode(outcome.Output)[0].AsString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Running_out_of_gas_in_a_method_uses_all_the_gas()
    {
        var state = FundedState(ExecTx.Alice);

        var outcome = Run(state, CallTx(CounterModule.Burn.EncodeCall(), gas: 40_000)).Transactions[0];

        Assert.False(outcome.Succeeded);
        Assert.Equal(40_000UL, outcome.GasUsed);
    }

    [Fact]
    public void Method_gas_beyond_the_transaction_gas_fails_the_call()
    {
        var state = FundedState(ExecTx.Alice);
        var tx = CallTx(CounterModule.Increment.EncodeCall(AbiValue.UInt(1UL)), gas: 21_000 + 500);

        var outcome = Run(state, tx).Transactions[0];

        Assert.False(outcome.Succeeded);
        Assert.Equal(tx.Transaction.GasLimit, outcome.GasUsed);
        Assert.True(Query(state).IsZero);
    }

    [Fact]
    public void Plain_value_to_a_module_that_refuses_it_reverts()
    {
        var state = FundedState(ExecTx.Alice);

        var outcome = Run(state, CallTx([], value: 50UL)).Transactions[0];

        Assert.False(outcome.Succeeded);
        Assert.True(state.GetBalance(Module).IsZero);
    }

    [Fact]
    public void Plain_value_to_a_module_that_accepts_it_credits_its_account()
    {
        var state = FundedState(ExecTx.Alice);
        var executor = Executor(new CounterModule(acceptsPlainValue: true));

        var outcome = executor.BuildBlock(state, ExecTx.Block(10), [CallTx([], value: 50UL)]).Transactions[0];

        Assert.True(outcome.Succeeded);
        Assert.Equal((UInt256)50UL, state.GetBalance(Module));
    }

    [Fact]
    public void Query_answers_a_view_without_changing_state()
    {
        var state = FundedState(ExecTx.Alice);
        Run(state, CallTx(CounterModule.Increment.EncodeCall(AbiValue.UInt(3UL))));
        var root = state.ComputeRoot();

        Assert.Equal((UInt256)3UL, Query(state));
        Assert.Equal(root, state.ComputeRoot());
    }

    [Fact]
    public void Query_with_an_unknown_selector_reverts()
    {
        var host = new ModuleHost([new CounterModule()]);

        var result = host.Query(FundedState(), ExecTx.Block(10), Module, [1, 2, 3, 4]);

        Assert.False(result.Succeeded);
    }

    private static UInt256 Query(Aro.State.World.WorldState state)
    {
        var result = new ModuleHost([new CounterModule()]).Query(state, ExecTx.Block(10), Module, CounterModule.Get.EncodeCall());
        Assert.True(result.Succeeded);
        return CounterModule.Get.DecodeResult(result.Output)[0].AsUInt256();
    }
}
