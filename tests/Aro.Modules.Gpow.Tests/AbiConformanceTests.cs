using Aro.Core.Abi;
using Aro.Modules.Gpow.Abi;

namespace Aro.Modules.Gpow.Tests;

/// <summary>contracts/abi/IWorkProof.json (solc output) and the C# module agree in both directions.</summary>
public class AbiConformanceTests
{
    private static readonly AbiInterface WorkProof = AbiJson.Parse(File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "contracts", "abi", "IWorkProof.json")));

    private static GpowModule NewModule() => new(new TestKeeperRegistry(10));

    [Fact]
    public void Every_ABI_function_is_dispatched_with_the_same_selector_types_and_mutability()
    {
        var module = NewModule();
        var dispatched = module.DispatchedFunctions.ToDictionary(f => f.Selector);

        Assert.NotEmpty(WorkProof.Functions);
        foreach (var function in WorkProof.Functions)
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
        var module = NewModule();

        foreach (var handler in module.DispatchedFunctions)
        {
            Assert.True(WorkProof.FindFunction(handler.Selector) is not null, $"{handler.Signature} is not in IWorkProof.json");
        }

        Assert.Equal(WorkProof.Functions.Count, module.GasTable.Count);
    }

    [Fact]
    public void Every_ABI_event_has_an_emitter_with_the_same_topic_and_indexed_arguments_and_vice_versa()
    {
        Assert.Equal(WorkProof.Events.Count, WorkProofAbi.Events.Count);
        foreach (var abiEvent in WorkProof.Events)
        {
            var emitted = Assert.Single(WorkProofAbi.Events, e => e.Topic0 == abiEvent.Topic0);
            Assert.Equal(abiEvent.Signature, emitted.Signature);
            Assert.Equal(abiEvent.Inputs.Select(i => i.Indexed), emitted.Inputs.Select(i => i.Indexed));
        }
    }

    [Fact]
    public void Every_ABI_error_is_one_the_module_reverts_with_and_vice_versa()
    {
        Assert.Equal(WorkProof.Errors.Count, WorkProofAbi.Errors.Count);
        foreach (var error in WorkProof.Errors)
        {
            Assert.Single(WorkProofAbi.Errors, e => e.Selector == error.Selector && e.Signature == error.Signature);
        }
    }

    [Fact]
    public void Module_sits_at_the_documented_system_address()
    {
        var readme = File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "contracts", "README.md"));

        Assert.Equal("0x000000000000000000000000000000000000a130", GpowModule.Address.ToString().ToLowerInvariant());
        Assert.Contains("| `IWorkProof.sol` | GPoW (modules/Aro.Modules.Gpow) | `0x000000000000000000000000000000000000A130`", readme, StringComparison.Ordinal);
    }

    private static string[] Types(IReadOnlyList<AbiParameter> parameters) => [.. parameters.Select(p => p.Type.ToString())];
}
