using Aro.Core.Abi;
using Aro.Modules.Gpow.Abi;
using Aro.Testing.Modules;

namespace Aro.Modules.Gpow.Tests;

/// <summary>contracts/abi/IWorkProof.json (solc output) and the C# module agree in both directions.</summary>
public class AbiConformanceTests
{
    private static readonly AbiInterface WorkProof = AbiConformance.Load("IWorkProof.json");

    private static GpowModule NewModule() => new(new TestKeeperRegistry(10));

    [Fact]
    public void Every_ABI_function_is_dispatched_with_the_same_selector_types_and_mutability()
    {
        var module = NewModule();

        AbiConformance.AssertEveryFunctionDispatched(module.DispatchedFunctions, module.GasTable, WorkProof);
    }

    [Fact]
    public void Every_dispatched_function_is_in_the_ABI()
    {
        var module = NewModule();

        AbiConformance.AssertEveryDispatchedFunctionDeclared(module.DispatchedFunctions, module.GasTable, WorkProof);
    }

    [Fact]
    public void Every_ABI_event_has_an_emitter_with_the_same_topic_and_indexed_arguments_and_vice_versa()
    {
        AbiConformance.AssertSameEvents(WorkProof, WorkProofAbi.Events);
    }

    [Fact]
    public void Every_ABI_error_is_one_the_module_reverts_with_and_vice_versa()
    {
        AbiConformance.AssertSameErrors(WorkProof, WorkProofAbi.Errors);
    }

    [Fact]
    public void Module_sits_at_the_documented_system_address()
    {
        var readme = File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "contracts", "README.md"));

        Assert.Equal("0x000000000000000000000000000000000000a130", GpowModule.Address.ToString().ToLowerInvariant());
        Assert.Contains("| `IWorkProof.sol` | GPoW (modules/Aro.Modules.Gpow) | `0x000000000000000000000000000000000000A130`", readme, StringComparison.Ordinal);
    }
}
