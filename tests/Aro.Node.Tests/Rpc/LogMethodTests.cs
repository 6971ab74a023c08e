using System.Text.Json;
using Aro.Core;
using Aro.Core.Abi;
using Aro.Core.Blocks;
using Aro.Core.Transactions;
using Aro.Execution.Tests;
using Aro.Execution.Tests.Modules;
using Aro.JsonRpc;
using Aro.Node.Rpc;

namespace Aro.Node.Tests.Rpc;

/// <summary>
/// Blocks 1..3 each hold increments of counter one (by A) and counter two (by B); block 4 holds a transfer.
/// </summary>
public sealed class LogMethodTests : IAsyncLifetime
{
    private static readonly Address CounterOne = CounterModule.DefaultAddress;
    private static readonly Address CounterTwo = Address.Parse("0x00000000000000000000000000000000000a0002");
    private static readonly string Incremented = Wire.S(CounterModule.Incremented.Topic0);
    // Incremented(address indexed, uint256): topic 1 is the caller, left-padded.
    private static readonly string SenderA = "\"0x000000000000000000000000" + TestChain.A.ToLowerHex()[2..] + "\"";
    private static readonly string OtherTopic = Wire.S(Hash256.Parse("0x" + new string('e', 64)));

    private readonly List<Block> _blocks = [];
    private RpcHarness _rpc = null!;

    public async Task InitializeAsync()
    {
        _rpc = await RpcHarness.StartAsync(new RpcOptions { MaxLogBlockRange = 3, MaxLogResults = 5 }, new CounterModule(), new CounterModule(CounterTwo));
        for (ulong i = 0; i < 3; i++)
        {
            _blocks.Add(_rpc.Chain.Commit(Increment(TestTx.KeyA, CounterOne, i), Increment(TestTx.KeyB, CounterTwo, i)));
        }

        _blocks.Add(_rpc.Chain.Commit(TestTx.From(TestTx.KeyA).Nonce(3).Build()));
    }

    public async Task DisposeAsync() => await _rpc.DisposeAsync();

    [Fact]
    public async Task An_address_filter_returns_only_that_addressʼs_logs_in_chain_order()
    {
        var logs = await Logs($"{{\"fromBlock\":\"0x1\",\"toBlock\":\"0x3\",\"address\":{Wire.S(CounterTwo)}}}");
        Assert.Equal(3, logs.GetArrayLength());
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(CounterTwo.ToLowerHex(), logs[i].GetProperty("address").GetString());
            Assert.Equal(Wire.Q((ulong)i + 1).Trim('"'), logs[i].GetProperty("blockNumber").GetString());
            Assert.Equal("0x1", logs[i].GetProperty("logIndex").GetString());
            Assert.Equal(_blocks[i].Body.Transactions[1].Hash, Wire.Hash(logs[i].GetProperty("transactionHash")));
        }
    }

    [Fact]
    public async Task An_address_list_matches_any_of_its_addresses()
    {
        var logs = await Logs($"{{\"fromBlock\":\"0x2\",\"toBlock\":\"0x2\",\"address\":[{Wire.S(CounterOne)},{Wire.S(CounterTwo)}]}}");
        Assert.Equal(2, logs.GetArrayLength());
        Assert.Equal("0x0", logs[0].GetProperty("logIndex").GetString());
        Assert.Equal("0x1", logs[1].GetProperty("logIndex").GetString());
    }

    [Theory]
    [InlineData("[INC]", 4)]
    [InlineData("[OTHER]", 0)]
    [InlineData("[null]", 4)]
    [InlineData("[[OTHER, INC]]", 4)]
    [InlineData("[[OTHER]]", 0)]
    [InlineData("[INC, null]", 4)]
    [InlineData("[null, SENDER_A]", 2)]
    [InlineData("[INC, [SENDER_A, OTHER]]", 2)]
    [InlineData("[INC, null, null]", 0)] // a position the logs do not have never matches
    [InlineData("[]", 4)]
    public async Task Topics_filter_by_position_with_null_wildcards_and_or_lists(string topics, int expected)
    {
        var filter = topics.Replace("INC", Incremented, StringComparison.Ordinal).Replace("OTHER", OtherTopic, StringComparison.Ordinal)
            .Replace("SENDER_A", SenderA, StringComparison.Ordinal);
        var logs = await Logs($"{{\"fromBlock\":\"0x2\",\"toBlock\":\"0x4\",\"topics\":{filter}}}");
        Assert.Equal(expected, logs.GetArrayLength());
    }

    [Fact]
    public async Task A_block_hash_filter_reads_that_block_only()
    {
        var logs = await Logs($"{{\"blockHash\":{Wire.S(_blocks[1].Hash)}}}");
        Assert.Equal(2, logs.GetArrayLength());
        Assert.All(logs.EnumerateArray(), log => Assert.Equal(_blocks[1].Hash, Wire.Hash(log.GetProperty("blockHash"))));
    }

    [Fact]
    public async Task Omitted_bounds_mean_the_head_block()
    {
        Assert.Equal(0, (await Logs("{}")).GetArrayLength()); // block 4 has only a transfer
        Assert.Equal(2, (await Logs("{\"fromBlock\":\"0x3\"}")).GetArrayLength());
    }

    [Fact]
    public async Task A_range_beyond_the_head_is_gethʼs_invalid_params()
    {
        Assert.Equal(
            "block range extends beyond current head block",
            await _rpc.ErrorAsync("eth_getLogs", "[{\"fromBlock\":\"0x2\",\"toBlock\":\"0x9\"}]", JsonRpcErrorCodes.InvalidParams));
    }

    [Fact]
    public async Task A_reversed_range_is_gethʼs_invalid_params()
    {
        Assert.Equal(
            "invalid block range params",
            await _rpc.ErrorAsync("eth_getLogs", "[{\"fromBlock\":\"0x3\",\"toBlock\":\"0x2\"}]", JsonRpcErrorCodes.InvalidParams));
    }

    [Fact]
    public async Task A_block_hash_with_a_range_is_gethʼs_invalid_params()
    {
        Assert.Equal(
            "invalid argument 0: cannot specify both BlockHash and FromBlock/ToBlock, choose one or the other",
            await _rpc.ErrorAsync("eth_getLogs", $"[{{\"blockHash\":{Wire.S(_blocks[0].Hash)},\"fromBlock\":\"0x1\"}}]", JsonRpcErrorCodes.InvalidParams));
    }

    [Fact]
    public async Task An_unknown_block_hash_is_unknown_block()
    {
        Assert.Equal("unknown block", await _rpc.ErrorAsync("eth_getLogs", $"[{{\"blockHash\":{Wire.S(Hash256.Zero)}}}]", JsonRpcErrorCodes.ServerError));
    }

    [Fact]
    public async Task A_range_over_the_limit_is_refused_with_the_limit_code()
    {
        var message = await _rpc.ErrorAsync("eth_getLogs", "[{\"fromBlock\":\"0x1\",\"toBlock\":\"0x4\"}]", JsonRpcErrorCodes.LimitExceeded);
        Assert.StartsWith("exceed maximum block range: 3", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_results_than_the_limit_are_refused_with_the_limit_code()
    {
        // Blocks 1..3 hold six logs.
        var message = await _rpc.ErrorAsync("eth_getLogs", "[{\"fromBlock\":\"0x1\",\"toBlock\":\"0x3\"}]", JsonRpcErrorCodes.LimitExceeded);
        Assert.StartsWith("query returned more than 5 results", message, StringComparison.Ordinal);
    }

    private async Task<JsonElement> Logs(string filter) => await _rpc.ResultAsync("eth_getLogs", $"[{filter}]");

    private static Transaction Increment(byte[] key, Address counter, ulong nonce) =>
        TestTx.From(key).Nonce(nonce).To(counter).Gas(100_000).Data(CounterModule.Increment.EncodeCall(AbiValue.UInt(1UL))).Build();
}
