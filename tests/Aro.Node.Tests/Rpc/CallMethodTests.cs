using Aro.Core;
using Aro.Core.Abi;
using Aro.Core.Transactions;
using Aro.Execution.Tests;
using Aro.Execution.Tests.Modules;
using Aro.JsonRpc;

namespace Aro.Node.Tests.Rpc;

public sealed class CallMethodTests : IAsyncLifetime
{
    private static readonly string Counter = Wire.S(CounterModule.DefaultAddress);

    private RpcHarness _rpc = null!;

    public async Task InitializeAsync() => _rpc = await RpcHarness.StartAsync(new CounterModule());

    public async Task DisposeAsync() => await _rpc.DisposeAsync();

    [Fact]
    public async Task Call_returns_a_module_methodʼs_result_against_the_named_block()
    {
        _rpc.Chain.Commit(IncrementTx(nonce: 0, by: 5));
        var get = Wire.S(CounterModule.Get.EncodeCall());

        var latest = await _rpc.ResultAsync("eth_call", $"[{{\"to\":{Counter},\"input\":{get}}}, \"latest\"]");
        var genesis = await _rpc.ResultAsync("eth_call", $"[{{\"to\":{Counter},\"data\":{get}}}, \"earliest\"]");

        Assert.Equal((UInt256)5UL, CounterModule.Get.DecodeResult(Wire.Data(latest))[0].AsUInt256());
        Assert.Equal(UInt256.Zero, CounterModule.Get.DecodeResult(Wire.Data(genesis))[0].AsUInt256());
    }

    [Fact]
    public async Task Call_simulates_a_state_changing_method_without_committing_it()
    {
        var increment = Wire.S(CounterModule.Increment.EncodeCall(AbiValue.UInt(3UL)));
        var head = _rpc.Chain.Head.StateRoot;

        var result = await _rpc.ResultAsync("eth_call", $"[{{\"from\":{Wire.S(TestChain.A)},\"to\":{Counter},\"input\":{increment}}}]");

        Assert.Equal((UInt256)3UL, CounterModule.Increment.DecodeResult(Wire.Data(result))[0].AsUInt256());
        Assert.Equal(head, _rpc.Chain.Head.StateRoot);
        var get = await _rpc.ResultAsync("eth_call", $"[{{\"to\":{Counter},\"input\":{Wire.S(CounterModule.Get.EncodeCall())}}}]");
        Assert.Equal(UInt256.Zero, CounterModule.Get.DecodeResult(Wire.Data(get))[0].AsUInt256());
    }

    [Fact]
    public async Task A_reverting_call_is_code_3_with_the_reason_and_the_revert_bytes()
    {
        var fail = Wire.S(CounterModule.Fail.EncodeCall(AbiValue.String("user error")));

        var error = await _rpc.ErrorObjectAsync("eth_call", $"[{{\"to\":{Counter},\"input\":{fail}}}, \"latest\"]", JsonRpcErrorCodes.ExecutionReverted);

        Assert.Equal("execution reverted: user error", error.GetProperty("message").GetString());
        Assert.Equal(AbiError.EncodeErrorString("user error"), Wire.Data(error.GetProperty("data")));
    }

    [Fact]
    public async Task An_unknown_selector_reverts_with_the_moduleʼs_error_data()
    {
        var error = await _rpc.ErrorObjectAsync("eth_call", $"[{{\"to\":{Counter},\"input\":\"0xff030405\"}}]", JsonRpcErrorCodes.ExecutionReverted);
        Assert.Equal("execution reverted", error.GetProperty("message").GetString());
        Assert.True(AbiSelector.TryRead(Wire.Data(error.GetProperty("data")), out var selector));
        Assert.Equal(Aro.Execution.Modules.ModuleHost.UnknownSelector.Selector, selector);
    }

    [Fact]
    public async Task A_plain_transfer_call_returns_empty_data()
    {
        var result = await _rpc.ResultAsync("eth_call", $"[{{\"from\":{Wire.S(TestChain.A)},\"to\":{Wire.S(TestTx.Recipient)},\"value\":\"0x10\"}}]");
        Assert.Equal("0x", result.GetString());
    }

    [Fact]
    public async Task A_priced_call_the_sender_cannot_afford_is_insufficient_funds()
    {
        var poor = Address.Parse("0x00000000000000000000000000000000000000b0");
        var message = await _rpc.ErrorAsync(
            "eth_call", $"[{{\"from\":{Wire.S(poor)},\"to\":{Counter},\"gasPrice\":\"0x5\",\"input\":{Wire.S(CounterModule.Get.EncodeCall())}}}]", JsonRpcErrorCodes.ServerError);
        Assert.StartsWith("insufficient funds for gas * price + value", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Estimate_of_a_transfer_is_21000()
    {
        var result = await _rpc.ResultAsync("eth_estimateGas", $"[{{\"from\":{Wire.S(TestChain.A)},\"to\":{Wire.S(TestTx.Recipient)},\"value\":\"0x1\"}}]");
        Assert.Equal("0x5208", result.GetString());
    }

    [Fact]
    public async Task Estimate_of_a_module_call_is_the_least_gas_that_succeeds()
    {
        var increment = CounterModule.Increment.EncodeCall(AbiValue.UInt(1UL));
        var estimate = Wire.Quantity(await _rpc.ResultAsync(
            "eth_estimateGas", $"[{{\"from\":{Wire.S(TestChain.A)},\"to\":{Counter},\"input\":{Wire.S(increment)}}}]"));

        Assert.Equal(IntrinsicGas.Calculate(IncrementTx(0, 1)) + CounterModule.IncrementGas, estimate);
        var block = _rpc.Chain.Commit(IncrementTx(nonce: 0, by: 1, gas: estimate));
        var receipt = await _rpc.ResultAsync("eth_getTransactionReceipt", $"[{Wire.S(block.Body.Transactions[0].Hash)}]");
        Assert.Equal("0x1", receipt.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Estimate_of_a_reverting_call_is_code_3_with_the_revert_bytes()
    {
        var fail = Wire.S(CounterModule.Fail.EncodeCall(AbiValue.String("no")));
        var error = await _rpc.ErrorObjectAsync(
            "eth_estimateGas", $"[{{\"from\":{Wire.S(TestChain.A)},\"to\":{Counter},\"input\":{fail}}}]", JsonRpcErrorCodes.ExecutionReverted);
        Assert.Equal("execution reverted: no", error.GetProperty("message").GetString());
        Assert.Equal(AbiError.EncodeErrorString("no"), Wire.Data(error.GetProperty("data")));
    }

    [Fact]
    public async Task Estimate_of_a_call_that_runs_out_of_any_gas_says_it_exceeds_the_allowance()
    {
        var burn = Wire.S(CounterModule.Burn.EncodeCall());
        var message = await _rpc.ErrorAsync(
            "eth_estimateGas", $"[{{\"from\":{Wire.S(TestChain.A)},\"to\":{Counter},\"input\":{burn},\"gas\":\"0x186a0\"}}]", JsonRpcErrorCodes.ServerError);
        Assert.Equal("gas required exceeds allowance (100000)", message);
    }

    [Fact]
    public async Task Call_with_data_and_input_that_differ_is_invalid_params()
    {
        var message = await _rpc.ErrorAsync("eth_call", $"[{{\"to\":{Counter},\"input\":\"0x01\",\"data\":\"0x02\"}}]", JsonRpcErrorCodes.InvalidParams);
        Assert.StartsWith("both \"data\" and \"input\" are set and not equal", message, StringComparison.Ordinal);
    }

    private static Transaction IncrementTx(ulong nonce, ulong by, ulong gas = 100_000) =>
        TestTx.From(TestTx.KeyA).Nonce(nonce).To(CounterModule.DefaultAddress).Gas(gas).Data(CounterModule.Increment.EncodeCall(AbiValue.UInt(by))).Build();
}
