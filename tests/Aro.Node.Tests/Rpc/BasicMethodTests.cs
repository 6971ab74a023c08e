using Aro.JsonRpc;

namespace Aro.Node.Tests.Rpc;

public sealed class BasicMethodTests : IAsyncLifetime
{
    private RpcHarness _rpc = null!;

    public async Task InitializeAsync() => _rpc = await RpcHarness.StartAsync();

    public async Task DisposeAsync() => await _rpc.DisposeAsync();

    [Fact]
    public async Task Identity_methods_answer_chain_id_network_and_version()
    {
        Assert.Equal(RpcHarness.ClientVersion, (await _rpc.ResultAsync("web3_clientVersion")).GetString());
        Assert.Equal("1337", (await _rpc.ResultAsync("net_version")).GetString());
        Assert.Equal("0x539", (await _rpc.ResultAsync("eth_chainId")).GetString());
        Assert.True((await _rpc.ResultAsync("net_listening")).GetBoolean());
        Assert.Equal("0x0", (await _rpc.ResultAsync("net_peerCount")).GetString());
        Assert.False((await _rpc.ResultAsync("eth_syncing")).GetBoolean());
        Assert.Equal(0, (await _rpc.ResultAsync("eth_accounts")).GetArrayLength());
    }

    [Fact]
    public async Task Block_number_follows_committed_blocks()
    {
        Assert.Equal("0x0", (await _rpc.ResultAsync("eth_blockNumber")).GetString());
        _rpc.Chain.CommitEmptyUntil(3);
        Assert.Equal("0x3", (await _rpc.ResultAsync("eth_blockNumber")).GetString());
    }

    [Fact]
    public async Task A_batch_answers_each_call_in_order_and_one_failure_does_not_affect_the_others()
    {
        var text = await _rpc.PostAsync("""
            [{"jsonrpc":"2.0","id":1,"method":"eth_chainId"},
             {"jsonrpc":"2.0","id":2,"method":"eth_getBalance","params":["0x12"]},
             {"jsonrpc":"2.0","id":3,"method":"eth_getBlockByNumber","params":["0x0",false]}]
            """);
        var responses = System.Text.Json.JsonDocument.Parse(text).RootElement;
        Assert.Equal(3, responses.GetArrayLength());
        Assert.Equal("0x539", responses[0].GetProperty("result").GetString());
        Assert.Equal(JsonRpcErrorCodes.InvalidParams, responses[1].GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(_rpc.Chain.GenesisHash.ToString(), responses[2].GetProperty("result").GetProperty("hash").GetString());
    }

    [Theory]
    [InlineData("eth_getBalance", "[\"0x1234\"]", "invalid argument 0")]
    [InlineData("eth_getBalance", "[]", "missing value for required argument 0")]
    [InlineData("eth_getBlockByNumber", "[\"latest\"]", "missing value for required argument 1")]
    [InlineData("eth_getBlockByNumber", "[\"0x01\", false]", "invalid argument 0")]
    [InlineData("eth_getTransactionByHash", "[\"0xdead\"]", "invalid argument 0")]
    [InlineData("eth_call", "[{\"to\":\"0x01\"}]", "invalid argument 0")]
    [InlineData("eth_getLogs", "[{\"topics\":[1]}]", "invalid argument 0")]
    [InlineData("eth_sendRawTransaction", "[\"0x0\"]", "invalid argument 0")]
    public async Task Malformed_parameters_are_invalid_params_naming_the_argument(string method, string parameters, string expected)
    {
        var message = await _rpc.ErrorAsync(method, parameters, JsonRpcErrorCodes.InvalidParams);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_code_marks_module_addresses_and_answers_empty_for_accounts()
    {
        await using var rpc = await RpcHarness.StartAsync(new Aro.Execution.Tests.Modules.CounterModule());
        var module = Aro.Execution.Tests.Modules.CounterModule.DefaultAddress;
        Assert.Equal("0xfe", (await rpc.ResultAsync("eth_getCode", $"[{Wire.S(module)}, \"latest\"]")).GetString());
        Assert.Equal("0x", (await rpc.ResultAsync("eth_getCode", $"[{Wire.S(TestChain.A)}]")).GetString());
        Assert.Equal("header not found", await rpc.ErrorAsync("eth_getCode", $"[{Wire.S(TestChain.A)}, \"0x5\"]", JsonRpcErrorCodes.ServerError));
    }
}
