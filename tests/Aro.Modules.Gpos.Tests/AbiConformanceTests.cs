using Aro.Core.Abi;
using Aro.Modules.Gpos.Abi;

namespace Aro.Modules.Gpos.Tests;

/// <summary>contracts/abi/IStaking.json and ISettlement.json (solc output) and the C# module agree in both directions.</summary>
public class AbiConformanceTests
{
    private static readonly AbiInterface Staking = Load("IStaking.json");
    private static readonly AbiInterface Settlement = Load("ISettlement.json");

    [Fact]
    public void Every_ABI_function_is_dispatched_with_the_same_selector_types_and_mutability()
    {
        var module = new GposModule();
        var dispatched = module.DispatchedFunctions.ToDictionary(f => f.Selector);

        Assert.NotEmpty(Staking.Functions);
        Assert.NotEmpty(Settlement.Functions);
        foreach (var function in Staking.Functions.Concat(Settlement.Functions))
        {
            Assert.True(dispatched.TryGetValue(function.Selector, out var handler), $"{function.Signature} has no handler");
            Assert.Equal(function.Signature, handler.Signature);
            Assert.Equal(Types(function.Outputs), Types(handler.Outputs));
            Assert.Equal(function.StateMutability, handler.StateMutability);
            Assert.True(module.GasTable.ContainsKey(function.Selector), $"{function.Signature} has no gas price");
        }
    }

    [Fact]
    public void Every_dispatched_function_is_in_the_ABI()
    {
        var module = new GposModule();

        foreach (var handler in module.DispatchedFunctions)
        {
            Assert.True(
                Staking.FindFunction(handler.Selector) is not null || Settlement.FindFunction(handler.Selector) is not null,
                $"{handler.Signature} is in neither IStaking.json nor ISettlement.json");
        }

        Assert.Equal(Staking.Functions.Count + Settlement.Functions.Count, module.GasTable.Count);
    }

    [Fact]
    public void Every_ABI_event_has_an_emitter_with_the_same_topic_and_indexed_arguments_and_vice_versa()
    {
        Assert.Equal(Staking.Events.Count, StakingAbi.Events.Count);
        foreach (var abiEvent in Staking.Events)
        {
            var emitted = Assert.Single(StakingAbi.Events, e => e.Topic0 == abiEvent.Topic0);
            Assert.Equal(abiEvent.Signature, emitted.Signature);
            Assert.Equal(abiEvent.Inputs.Select(i => i.Indexed), emitted.Inputs.Select(i => i.Indexed));
        }
    }

    [Fact]
    public void Every_ABI_error_is_one_the_module_reverts_with_and_vice_versa()
    {
        Assert.Equal(Staking.Errors.Count, StakingAbi.Errors.Count);
        foreach (var error in Staking.Errors)
        {
            Assert.Single(StakingAbi.Errors, e => e.Selector == error.Selector && e.Signature == error.Signature);
        }
    }

    [Fact]
    public void Every_settlement_event_has_an_emitter_with_the_same_topic_and_indexed_arguments_and_vice_versa()
    {
        Assert.Equal(Settlement.Events.Count, SettlementAbi.Events.Count);
        foreach (var abiEvent in Settlement.Events)
        {
            var emitted = Assert.Single(SettlementAbi.Events, e => e.Topic0 == abiEvent.Topic0);
            Assert.Equal(abiEvent.Signature, emitted.Signature);
            Assert.Equal(abiEvent.Inputs.Select(i => i.Indexed), emitted.Inputs.Select(i => i.Indexed));
        }
    }

    [Fact]
    public void Every_settlement_error_is_one_the_module_reverts_with_and_vice_versa()
    {
        Assert.Equal(Settlement.Errors.Count, SettlementAbi.Errors.Count);
        foreach (var error in Settlement.Errors)
        {
            Assert.Single(SettlementAbi.Errors, e => e.Selector == error.Selector && e.Signature == error.Signature);
        }

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

    private static string[] Types(IReadOnlyList<AbiParameter> parameters) => [.. parameters.Select(p => p.Type.ToString())];

    private static AbiInterface Load(string file) =>
        AbiJson.Parse(File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "contracts", "abi", file)));
}
