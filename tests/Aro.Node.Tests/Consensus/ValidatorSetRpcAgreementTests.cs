using System.Text.Json;
using Aro.Core;
using Aro.Node.Tests.Cli;

namespace Aro.Node.Tests.Consensus;

/// <summary>What <c>aro_getValidatorSet</c> and <c>query staking validators</c> report is the set consensus runs at the next height.</summary>
public sealed class ValidatorSetRpcAgreementTests : IAsyncLifetime
{
    private EpochChangeChain _chain = null!;

    public async Task InitializeAsync() => _chain = await EpochChangeChain.StartAsync(head: 12);

    public async Task DisposeAsync() => await _chain.DisposeAsync();

    [Fact]
    public async Task aro_getValidatorSet_reports_the_hash_members_and_power_consensus_uses_for_the_next_height()
    {
        var reported = await _chain.Node.ResultAsync("aro_getValidatorSet");

        AssertSame(_chain.Source().SetAt(_chain.Chain.Head.Number + 1), reported);
    }

    [Fact]
    public void query_staking_validators_reports_the_set_consensus_uses_for_the_next_height()
    {
        var result = CliResult.Run("query", "staking", "validators", "--rpc", _chain.Node.Server.HttpUri.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertSame(_chain.Source().SetAt(_chain.Chain.Head.Number + 1), JsonDocument.Parse(result.Output).RootElement);
    }

    private static void AssertSame(Aro.Consensus.Validators.ValidatorSet used, JsonElement reported)
    {
        Assert.Equal(used.Hash.ToString(), reported.GetProperty("hash").GetString());
        Assert.Equal((ulong)used.TotalPower, Quantity(reported.GetProperty("totalPower")));
        var members = reported.GetProperty("validators").EnumerateArray()
            .Select(v => (Address.Parse(v.GetProperty("consensusAddress").GetString()!), Quantity(v.GetProperty("power"))));
        Assert.Equal(used.Validators.Select(v => (v.Address, v.Power)), members);
    }

    private static ulong Quantity(JsonElement element) => Convert.ToUInt64(element.GetString()![2..], 16);
}
