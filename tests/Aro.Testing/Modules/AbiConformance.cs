using Aro.Core.Abi;
using Xunit;

namespace Aro.Testing.Modules;

/// <summary>
/// Checks that a native module and the solc-generated ABI files in <c>contracts/abi</c> agree in
/// both directions: functions (selector, types, mutability, gas price), events (topic, indexed
/// arguments) and errors.
/// </summary>
public static class AbiConformance
{
    /// <summary>Parses <c>contracts/abi/<paramref name="file"/></c>.</summary>
    public static AbiInterface Load(string file) =>
        AbiJson.Parse(File.ReadAllText(System.IO.Path.Combine(TestData.RepositoryRoot, "contracts", "abi", file)));

    /// <summary>Every function of <paramref name="abis"/> has a handler with its signature, output types and mutability, and a gas price.</summary>
    public static void AssertEveryFunctionDispatched(IEnumerable<AbiFunction> dispatched, IReadOnlyDictionary<AbiSelector, ulong> gasTable, params AbiInterface[] abis)
    {
        var handlers = dispatched.ToDictionary(f => f.Selector);
        foreach (var abi in abis)
        {
            Assert.NotEmpty(abi.Functions);
            foreach (var function in abi.Functions)
            {
                Assert.True(handlers.TryGetValue(function.Selector, out var handler), $"{function.Signature} has no handler");
                Assert.Equal(function.Signature, handler.Signature);
                Assert.Equal(Types(function.Outputs), Types(handler.Outputs));
                Assert.Equal(function.StateMutability, handler.StateMutability);
                Assert.True(gasTable.ContainsKey(function.Selector), $"{function.Signature} has no gas price");
            }
        }
    }

    /// <summary>Every handler is a function of one of <paramref name="abis"/>, and the gas table prices exactly those functions.</summary>
    public static void AssertEveryDispatchedFunctionDeclared(IEnumerable<AbiFunction> dispatched, IReadOnlyDictionary<AbiSelector, ulong> gasTable, params AbiInterface[] abis)
    {
        foreach (var handler in dispatched)
        {
            Assert.True(abis.Any(abi => abi.FindFunction(handler.Selector) is not null), $"{handler.Signature} is in none of the module's ABI files");
        }

        Assert.Equal(abis.Sum(abi => abi.Functions.Count), gasTable.Count);
    }

    /// <summary>The module emits exactly the events of <paramref name="abi"/>, each with its topic, signature and indexed arguments.</summary>
    public static void AssertSameEvents(AbiInterface abi, IReadOnlyList<AbiEvent> emitted)
    {
        Assert.Equal(abi.Events.Count, emitted.Count);
        foreach (var abiEvent in abi.Events)
        {
            var match = Assert.Single(emitted, e => e.Topic0 == abiEvent.Topic0);
            Assert.Equal(abiEvent.Signature, match.Signature);
            Assert.Equal(abiEvent.Inputs.Select(i => i.Indexed), match.Inputs.Select(i => i.Indexed));
        }
    }

    /// <summary>The module reverts with exactly the errors of <paramref name="abi"/> (selector and signature).</summary>
    public static void AssertSameErrors(AbiInterface abi, IReadOnlyList<AbiError> errors)
    {
        Assert.Equal(abi.Errors.Count, errors.Count);
        foreach (var error in abi.Errors)
        {
            Assert.Single(errors, e => e.Selector == error.Selector && e.Signature == error.Signature);
        }
    }

    private static string[] Types(IReadOnlyList<AbiParameter> parameters) => [.. parameters.Select(p => p.Type.ToString())];
}
