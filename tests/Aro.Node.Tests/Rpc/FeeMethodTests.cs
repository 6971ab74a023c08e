using Aro.Execution.Tests;
using Aro.JsonRpc;

namespace Aro.Node.Tests.Rpc;

/// <summary>The test chain's base fee stays at its floor of 1 wei; the pool's minimum tip is 1 wei.</summary>
public sealed class FeeMethodTests : IAsyncLifetime
{
    private RpcHarness _rpc = null!;

    public async Task InitializeAsync() => _rpc = await RpcHarness.StartAsync();

    public async Task DisposeAsync() => await _rpc.DisposeAsync();

    [Fact]
    public async Task Without_recent_transactions_the_tip_is_the_poolʼs_minimum_and_the_price_adds_the_next_base_fee()
    {
        Assert.Equal("0x1", (await _rpc.ResultAsync("eth_maxPriorityFeePerGas")).GetString());
        Assert.Equal("0x2", (await _rpc.ResultAsync("eth_gasPrice")).GetString());
    }

    [Fact]
    public async Task The_suggested_tip_follows_the_tips_recently_paid()
    {
        Assert.Equal("0x1", (await _rpc.ResultAsync("eth_maxPriorityFeePerGas")).GetString());
        _rpc.Chain.Commit(
            TestTx.From(TestTx.KeyA).Nonce(0).Tip(5).MaxFee(100).Build(),
            TestTx.From(TestTx.KeyB).Nonce(0).Tip(5).MaxFee(100).Build());

        Assert.Equal("0x5", (await _rpc.ResultAsync("eth_maxPriorityFeePerGas")).GetString());
        Assert.Equal("0x6", (await _rpc.ResultAsync("eth_gasPrice")).GetString());
    }

    [Fact]
    public async Task Fee_history_has_one_more_base_fee_than_blocks_and_rewards_per_percentile()
    {
        _rpc.Chain.Commit(TestTx.From(TestTx.KeyA).Nonce(0).Tip(3).MaxFee(100).Build(), TestTx.From(TestTx.KeyB).Nonce(0).Tip(7).MaxFee(100).Build());
        _rpc.Chain.Commit();

        var history = await _rpc.ResultAsync("eth_feeHistory", "[\"0x2\", \"latest\", [10, 90]]");

        Assert.Equal("0x1", history.GetProperty("oldestBlock").GetString());
        Assert.Equal(3, history.GetProperty("baseFeePerGas").GetArrayLength());
        Assert.Equal(2, history.GetProperty("gasUsedRatio").GetArrayLength());
        Assert.Equal(42_000.0 / 30_000_000, history.GetProperty("gasUsedRatio")[0].GetDouble(), 12);
        Assert.Equal(0.0, history.GetProperty("gasUsedRatio")[1].GetDouble());
        var rewards = history.GetProperty("reward");
        Assert.Equal("0x3", rewards[0][0].GetString());
        Assert.Equal("0x7", rewards[0][1].GetString());
        Assert.Equal("0x0", rewards[1][0].GetString());
    }

    [Fact]
    public async Task Fee_history_is_clamped_to_the_chain_and_omits_reward_without_percentiles()
    {
        _rpc.Chain.CommitEmptyUntil(2);
        var history = await _rpc.ResultAsync("eth_feeHistory", "[10, \"0x1\"]");

        Assert.Equal("0x0", history.GetProperty("oldestBlock").GetString());
        Assert.Equal(3, history.GetProperty("baseFeePerGas").GetArrayLength());
        Assert.False(history.TryGetProperty("reward", out _));
    }

    [Theory]
    [InlineData("[\"0x1\", \"latest\", [101]]", "invalid reward percentile")]
    [InlineData("[\"0x1\", \"latest\", [50, 10]]", "invalid reward percentile")]
    [InlineData("[\"-1\", \"latest\"]", "invalid argument 0")]
    [InlineData("[\"0x1\", \"0x9\"]", "request beyond head block")]
    public async Task Bad_fee_history_arguments_are_invalid_params(string parameters, string expected)
    {
        var message = await _rpc.ErrorAsync("eth_feeHistory", parameters, JsonRpcErrorCodes.InvalidParams);
        Assert.StartsWith(expected, message, StringComparison.Ordinal);
    }
}
