using System.Text.Json;
using Aro.Core;
using Aro.Core.Abi;
using Aro.Core.Transactions;
using Aro.Execution.Tests;
using Aro.Execution.Tests.Modules;
using Aro.JsonRpc;

namespace Aro.Node.Tests.Rpc;

public sealed class TransactionMethodTests : IAsyncLifetime
{
    private RpcHarness _rpc = null!;

    public async Task InitializeAsync() => _rpc = await RpcHarness.StartAsync(new CounterModule());

    public async Task DisposeAsync() => await _rpc.DisposeAsync();

    [Fact]
    public async Task Send_raw_transaction_pools_it_and_returns_its_hash()
    {
        var tx = TestTx.From(TestTx.KeyA).Nonce(0).Value(5).Build();
        var hash = await _rpc.ResultAsync("eth_sendRawTransaction", $"[{Wire.S(TxEncoder.Encode(tx))}]");

        Assert.Equal(tx.Hash, Wire.Hash(hash));
        Assert.True(_rpc.Chain.TxPool.TryGet(tx.Hash, out _));
    }

    [Fact]
    public async Task A_pending_transaction_has_null_block_fields_and_its_sender()
    {
        var tx = TestTx.From(TestTx.KeyA).Nonce(0).Tip(2).MaxFee(9).Build();
        await _rpc.ResultAsync("eth_sendRawTransaction", $"[{Wire.S(TxEncoder.Encode(tx))}]");

        var result = await _rpc.ResultAsync("eth_getTransactionByHash", $"[{Wire.S(tx.Hash)}]");
        Assert.Equal(JsonValueKind.Null, result.GetProperty("blockHash").ValueKind);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("blockNumber").ValueKind);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("transactionIndex").ValueKind);
        Assert.Equal(TestChain.A.ToLowerHex(), result.GetProperty("from").GetString());
        Assert.Equal("0x3", result.GetProperty("gasPrice").GetString()); // next base fee 1 + tip 2, as geth prices pending ones
        Assert.Equal("0x2", result.GetProperty("maxPriorityFeePerGas").GetString());
    }

    [Fact]
    public async Task A_mined_transaction_has_its_block_position_and_effective_price()
    {
        var first = TestTx.From(TestTx.KeyB).Nonce(0).Build();
        var tx = TestTx.From(TestTx.KeyA).Nonce(0).Tip(2).MaxFee(9).Value(3).Build();
        var block = _rpc.Chain.Commit(first, tx);

        var result = await _rpc.ResultAsync("eth_getTransactionByHash", $"[{Wire.S(tx.Hash)}]");
        Assert.Equal(block.Hash, Wire.Hash(result.GetProperty("blockHash")));
        Assert.Equal("0x1", result.GetProperty("blockNumber").GetString());
        Assert.Equal("0x1", result.GetProperty("transactionIndex").GetString());
        Assert.Equal(TestChain.A.ToLowerHex(), result.GetProperty("from").GetString());
        Assert.Equal("0x3", result.GetProperty("gasPrice").GetString()); // base fee 1 + tip 2
        Assert.Equal("0x3", result.GetProperty("value").GetString());
        Assert.Equal("0x539", result.GetProperty("chainId").GetString());
    }

    [Fact]
    public async Task A_receipt_has_gas_status_price_and_logs_indexed_across_the_block()
    {
        var increment = CounterModule.Increment.EncodeCall(AbiValue.UInt(1UL));
        var first = TestTx.From(TestTx.KeyB).Nonce(0).To(CounterModule.DefaultAddress).Gas(100_000).Data(increment).Build();
        var second = TestTx.From(TestTx.KeyA).Nonce(0).To(CounterModule.DefaultAddress).Gas(100_000).Data(increment).Tip(2).Build();
        var block = _rpc.Chain.Commit(first, second);

        var receipt = await _rpc.ResultAsync("eth_getTransactionReceipt", $"[{Wire.S(second.Hash)}]");
        var gasUsed = IntrinsicGas.Calculate(second) + CounterModule.IncrementGas;
        Assert.Equal("0x1", receipt.GetProperty("status").GetString());
        Assert.Equal(gasUsed, Wire.Quantity(receipt.GetProperty("gasUsed")));
        Assert.Equal(gasUsed * 2, Wire.Quantity(receipt.GetProperty("cumulativeGasUsed")));
        Assert.Equal("0x3", receipt.GetProperty("effectiveGasPrice").GetString());
        Assert.Equal(JsonValueKind.Null, receipt.GetProperty("contractAddress").ValueKind);
        Assert.Equal("0x2", receipt.GetProperty("type").GetString());
        var log = receipt.GetProperty("logs")[0];
        Assert.Equal("0x1", log.GetProperty("logIndex").GetString());
        Assert.Equal("0x1", log.GetProperty("transactionIndex").GetString());
        Assert.Equal(block.Hash, Wire.Hash(log.GetProperty("blockHash")));
        Assert.Equal(CounterModule.Incremented.Topic0, Wire.Hash(log.GetProperty("topics")[0]));
        Assert.False(log.GetProperty("removed").GetBoolean());
    }

    [Fact]
    public async Task A_failed_call_has_status_zero_and_no_logs()
    {
        var fail = TestTx.From(TestTx.KeyA).Nonce(0).To(CounterModule.DefaultAddress).Gas(100_000)
            .Data(CounterModule.Fail.EncodeCall(AbiValue.String("no"))).Build();
        _rpc.Chain.Commit(fail);

        var receipt = await _rpc.ResultAsync("eth_getTransactionReceipt", $"[{Wire.S(fail.Hash)}]");
        Assert.Equal("0x0", receipt.GetProperty("status").GetString());
        Assert.Equal(0, receipt.GetProperty("logs").GetArrayLength());
    }

    [Fact]
    public async Task Unknown_transactions_and_receipts_are_null()
    {
        var unknown = Wire.S(Hash256.Parse("0x00000000000000000000000000000000000000000000000000000000deadbeef"));
        Assert.Equal(JsonValueKind.Null, (await _rpc.ResultAsync("eth_getTransactionByHash", $"[{unknown}]")).ValueKind);
        Assert.Equal(JsonValueKind.Null, (await _rpc.ResultAsync("eth_getTransactionReceipt", $"[{unknown}]")).ValueKind);
    }

    [Fact]
    public async Task Bytes_that_are_no_transaction_are_invalid_params_and_change_nothing()
    {
        var message = await _rpc.ErrorAsync("eth_sendRawTransaction", "[\"0x02c0\"]", JsonRpcErrorCodes.InvalidParams);
        Assert.StartsWith("invalid transaction encoding", message, StringComparison.Ordinal);
        Assert.Equal(0, _rpc.Chain.TxPool.Count);
    }

    [Fact]
    public async Task A_transaction_for_another_chain_is_refused_with_gethʼs_message()
    {
        var tx = TestTx.From(TestTx.KeyA).Nonce(0).OnChain(1).Build();
        var message = await _rpc.ErrorAsync("eth_sendRawTransaction", $"[{Wire.S(TxEncoder.Encode(tx))}]", JsonRpcErrorCodes.ServerError);
        Assert.StartsWith("invalid chain id for signer", message, StringComparison.Ordinal);
        Assert.Equal(0, _rpc.Chain.TxPool.Count);
    }

    [Fact]
    public async Task A_replayed_nonce_is_nonce_too_low_and_changes_nothing()
    {
        var tx = TestTx.From(TestTx.KeyA).Nonce(0).Value(1).Build();
        _rpc.Chain.Commit(tx);
        var balance = await _rpc.ResultAsync("eth_getBalance", $"[{Wire.S(TestChain.A)}]");

        var message = await _rpc.ErrorAsync("eth_sendRawTransaction", $"[{Wire.S(TxEncoder.Encode(tx))}]", JsonRpcErrorCodes.ServerError);
        Assert.StartsWith("nonce too low", message, StringComparison.Ordinal);
        Assert.Equal(0, _rpc.Chain.TxPool.Count);
        Assert.Equal(balance.GetString(), (await _rpc.ResultAsync("eth_getBalance", $"[{Wire.S(TestChain.A)}]")).GetString());
    }

    [Fact]
    public async Task A_transaction_the_sender_cannot_pay_for_is_insufficient_funds_and_changes_nothing()
    {
        var tx = TestTx.From(TestTx.KeyA).Nonce(0).Value(TestChain.Funds).Build();
        var message = await _rpc.ErrorAsync("eth_sendRawTransaction", $"[{Wire.S(TxEncoder.Encode(tx))}]", JsonRpcErrorCodes.ServerError);
        Assert.StartsWith("insufficient funds for gas * price + value", message, StringComparison.Ordinal);
        Assert.Equal(0, _rpc.Chain.TxPool.Count);
        Assert.Equal(Wire.Q(TestChain.Funds).Trim('"'), (await _rpc.ResultAsync("eth_getBalance", $"[{Wire.S(TestChain.A)}, \"pending\"]")).GetString());
    }
}
