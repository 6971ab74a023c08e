using Aro.Core.Abi;
using Aro.Modules.Gpos.Abi;
using Aro.Testing.Modules;

namespace Aro.Modules.Gpos.Tests;

/// <summary>contracts/abi/IStaking.json and ISettlement.json (solc output) and the C# module agree in both directions.</summary>
public class AbiConformanceTests
{
    private static readonly AbiInterface Staking = AbiConformance.Load("IStaking.json");
    private static readonly AbiInterface Settlement = AbiConformance.Load("ISettlement.json");

    [Fact]
    public void Every_ABI_function_is_dispatched_with_the_same_selector_types_and_mutability()
    {
        var module = new GposModule();

        AbiConformance.AssertEveryFunctionDispatched(module.DispatchedFunctions, module.GasTable, Staking, Settlement);
    }

    [Fact]
    public void Every_dispatched_function_is_in_the_ABI()
    {
        var module = new GposModule();

        AbiConformance.AssertEveryDispatchedFunctionDeclared(module.DispatchedFunctions, module.GasTable, Staking, Settlement);
    }

    [Fact]
    public void Every_ABI_event_has_an_emitter_with_the_same_topic_and_indexed_arguments_and_vice_versa()
    {
        AbiConformance.AssertSameEvents(Staking, StakingAbi.Events);
    }

    [Fact]
    public void Every_ABI_error_is_one_the_module_reverts_with_and_vice_versa()
    {
        AbiConformance.AssertSameErrors(Staking, StakingAbi.Errors);
    }

    [Fact]
    public void Every_settlement_event_has_an_emitter_with_the_same_topic_and_indexed_arguments_and_vice_versa()
    {
        AbiConformance.AssertSameEvents(Settlement, SettlementAbi.Events);
    }

    [Fact]
    public void Every_settlement_error_is_one_the_module_reverts_with_and_vice_versa()
    {
        AbiConformance.AssertSameErrors(Settlement, SettlementAbi.Errors);
        Assert.DoesNotContain(Settlement.Errors, e => Staking.Errors.Any(s => s.Selector == e.Selector));
    }

    [Fact]
    public void Settlement_selectors_do_not_collide_with_staking_selectors_at_the_shared_address()
    {
        Assert.NotEmpty(Settlement.Functions);
        foreach (var function in Settlement.Functions)
        {
            Assert.Null(Staking.FindFunction(function.Selector));
        }

        foreach (var abiEvent in Settlement.Events)
        {
            Assert.DoesNotContain(Staking.Events, e => e.Topic0 == abiEvent.Topic0);
        }
    }

    [Fact]
    public void Module_sits_at_the_documented_system_address()
    {
        var readme = File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "contracts", "README.md"));

        Assert.Equal("0x000000000000000000000000000000000000a120", GposModule.Address.ToString().ToLowerInvariant());
        Assert.Contains("0x000000000000000000000000000000000000A120", readme, StringComparison.Ordinal);
    }
}
