using System.Text.Json;
using Aro.Core;
using Aro.Core.Abi;
using Aro.Core.Blocks;
using Aro.Core.Transactions;
using Aro.Execution.Chain;
using Aro.Execution.Tests;
using Aro.Execution.Tests.Modules;
using Aro.JsonRpc;
using Aro.JsonRpc.Tests;
using Aro.Node.Rpc;

namespace Aro.Node.Tests.Rpc;

/// <summary>
/// Logs of begin/end-block hooks over JSON-RPC. Counter one emits BlockBegun and BlockEnded in every block;
/// block 1 holds an increment of counter one and one of counter two, block 2 is empty.
/// </summary>
public sealed class HookLogMethodTests : IAsyncLifetime
{
    private static readonly Address CounterOne = CounterModule.DefaultAddress;
    private static readonly Address CounterTwo = Address.Parse("0x00000000000000000000000000000000000a0002");

    private Block _withTxs = null!;
    private Block _empty = null!;
    private RpcHarness _rpc = null!;

    public async Task InitializeAsync()
    {
        _rpc = await RpcHarness.StartAsync(
            new RpcOptions { MaxLogResults = 5 }, new CounterModule(hookEvents: true), new CounterModule(CounterTwo));
        _withTxs = _rpc.Chain.Commit(Increment(TestTx.KeyA, CounterOne), Increment(TestTx.KeyB, CounterTwo));
        _empty = _rpc.Chain.Commit();
    }

    public async Task DisposeAsync() => await _rpc.DisposeAsync();

    [Fact]
    public async Task Hook_logs_follow_the_transaction_logs_under_the_derived_hash_after_the_last_transaction()
    {
        var logs = await Logs($"{{\"blockHash\":{Wire.S(_withTxs.Hash)}}}");

        Assert.Equal(4, logs.GetArrayLength());
        Assert.Equal(
            [CounterModule.Incremented.Topic0, CounterModule.Incremented.Topic0, CounterModule.BlockBegun.Topic0, CounterModule.BlockEnded.Topic0],
            logs.EnumerateArray().Select(l => Wire.Hash(l.GetProperty("topics")[0])));
        Assert.Equal([0UL, 1, 2, 3], logs.EnumerateArray().Select(l => Wire.Quantity(l.GetProperty("logIndex"))));
        var hooksHash = BlockLogs.TransactionHash(_withTxs.Hash);
        foreach (var hook in logs.EnumerateArray().Skip(2))
        {
            Assert.Equal(CounterOne.ToLowerHex(), hook.GetProperty("address").GetString());
            Assert.Equal(hooksHash, Wire.Hash(hook.GetProperty("transactionHash")));
            Assert.Equal("0x2", hook.GetProperty("transactionIndex").GetString());
            Assert.Equal(_withTxs.Hash, Wire.Hash(hook.GetProperty("blockHash")));
            Assert.Equal("0x1", hook.GetProperty("blockNumber").GetString());
            Assert.Equal(Wire.Q(_withTxs.Header.Timestamp).Trim('"'), hook.GetProperty("blockTimestamp").GetString());
            Assert.False(hook.GetProperty("removed").GetBoolean());
        }
    }

    [Fact]
    public async Task The_derived_hash_is_keccak_of_the_block_hash_and_hooks()
    {
        var preimage = new byte[Hash256.Size + 5];
        _withTxs.Hash.Bytes.CopyTo(preimage);
        "hooks"u8.CopyTo(preimage.AsSpan(Hash256.Size));

        var logs = await Logs($"{{\"blockHash\":{Wire.S(_empty.Hash)}}}");

        Assert.Equal(Aro.Core.Crypto.Keccak256.Hash(preimage), BlockLogs.TransactionHash(_withTxs.Hash));
        Assert.All(logs.EnumerateArray(), l => Assert.Equal(BlockLogs.TransactionHash(_empty.Hash), Wire.Hash(l.GetProperty("transactionHash"))));
    }

    [Fact]
    public async Task A_block_with_only_hook_logs_is_found_through_its_header_bloom()
    {
        var logs = await Logs($"{{\"fromBlock\":\"0x2\",\"toBlock\":\"0x2\"}}");

        Assert.Equal(2, logs.GetArrayLength());
        Assert.Equal("0x0", logs[0].GetProperty("transactionIndex").GetString());
        Assert.Equal(["0x0", "0x1"], logs.EnumerateArray().Select(l => l.GetProperty("logIndex").GetString()));
        var header = await _rpc.ResultAsync("eth_getBlockByNumber", "[\"0x2\",false]");
        var bloom = new Bloom(Wire.Data(header.GetProperty("logsBloom")));
        Assert.True(bloom.Contains(CounterModule.BlockEnded.Topic0));
        Assert.True(bloom.Contains(CounterOne));
    }

    [Fact]
    public async Task Topic_and_address_filters_apply_to_hook_logs_as_to_receipt_logs()
    {
        var ended = await Logs($"{{\"fromBlock\":\"0x1\",\"toBlock\":\"0x2\",\"topics\":[{Wire.S(CounterModule.BlockEnded.Topic0)}]}}");
        var otherModule = await Logs($"{{\"fromBlock\":\"0x1\",\"toBlock\":\"0x2\",\"address\":{Wire.S(CounterTwo)}}}");
        var either = await Logs(
            $"{{\"blockHash\":{Wire.S(_withTxs.Hash)},\"topics\":[[{Wire.S(CounterModule.BlockBegun.Topic0)},{Wire.S(CounterModule.Incremented.Topic0)}]]}}");

        Assert.Equal(["0x1", "0x2"], ended.EnumerateArray().Select(l => l.GetProperty("blockNumber").GetString()));
        Assert.Equal(CounterModule.Incremented.Topic0, Wire.Hash(Assert.Single(otherModule.EnumerateArray()).GetProperty("topics")[0]));
        Assert.Equal(3, either.GetArrayLength());
    }

    [Fact]
    public async Task Hook_logs_count_toward_the_result_limit()
    {
        // Blocks 1 and 2 hold two transaction logs and four hook logs.
        var message = await _rpc.ErrorAsync("eth_getLogs", "[{\"fromBlock\":\"0x1\",\"toBlock\":\"0x2\"}]", JsonRpcErrorCodes.LimitExceeded);

        Assert.StartsWith("query returned more than 5 results", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_derived_hash_has_no_transaction_and_no_receipt()
    {
        var hash = Wire.S(BlockLogs.TransactionHash(_withTxs.Hash));

        Assert.Equal(JsonValueKind.Null, (await _rpc.ResultAsync("eth_getTransactionReceipt", $"[{hash}]")).ValueKind);
        Assert.Equal(JsonValueKind.Null, (await _rpc.ResultAsync("eth_getTransactionByHash", $"[{hash}]")).ValueKind);
    }

    [Fact]
    public async Task Block_receipts_and_receipts_root_cover_the_transactions_only()
    {
        var receipts = await _rpc.ResultAsync("eth_getBlockReceipts", "[\"0x1\"]");

        Assert.Equal(2, receipts.GetArrayLength());
        Assert.All(receipts.EnumerateArray(), r => Assert.Single(r.GetProperty("logs").EnumerateArray()));
        Assert.Equal(Aro.State.DerivedRoots.Receipts(_rpc.Chain.Store.GetReceipts(1)!), _withTxs.Header.ReceiptsRoot);
    }

    [Fact]
    public async Task The_logs_subscription_delivers_hook_logs_after_the_transaction_logs()
    {
        await using var client = await WebSocketClient.ConnectAsync(_rpc.Server.WebSocketUri);
        var filter = $"{{\"address\":{Wire.S(CounterOne)}}}";
        JsonAssert.Result(await client.CallAsync($$"""{"jsonrpc":"2.0","id":1,"method":"eth_subscribe","params":["logs",{{filter}}]}"""));

        var increment = Increment(TestTx.KeyA, CounterOne, nonce: 1);
        var block = _rpc.Chain.Commit(increment);

        var published = new List<JsonElement>();
        for (var i = 0; i < 3; i++)
        {
            published.Add((await client.ReceiveAsync()).GetProperty("params").GetProperty("result"));
        }

        Assert.Equal(
            [increment.Hash, BlockLogs.TransactionHash(block.Hash), BlockLogs.TransactionHash(block.Hash)],
            published.Select(l => Wire.Hash(l.GetProperty("transactionHash"))));
        Assert.Equal(["0x0", "0x1", "0x2"], published.Select(l => l.GetProperty("logIndex").GetString()));
        Assert.Equal(["0x0", "0x1", "0x1"], published.Select(l => l.GetProperty("transactionIndex").GetString()));
        var fromGetLogs = await Logs($"{{\"blockHash\":{Wire.S(block.Hash)}}}");
        Assert.Equal(fromGetLogs.EnumerateArray().Select(l => l.GetRawText()), published.Select(l => l.GetRawText()));
    }

    private async Task<JsonElement> Logs(string filter) => await _rpc.ResultAsync("eth_getLogs", $"[{filter}]");

    private static Transaction Increment(byte[] key, Address counter, ulong nonce = 0) =>
        TestTx.From(key).Nonce(nonce).To(counter).Gas(100_000).Data(CounterModule.Increment.EncodeCall(AbiValue.UInt(1UL))).Build();
}
