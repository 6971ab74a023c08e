using System.Buffers.Binary;
using Aro.Core.Abi;
using Xunit;

namespace Aro.Testing.Modules;

/// <summary>Reading a module's revert data in tests: its selector, a readable name, and the checks a reverted call must pass.</summary>
public static class ModuleReverts
{
    /// <summary>The first four bytes of <paramref name="output"/> (0 when shorter).</summary>
    public static uint Selector(byte[] output) =>
        output.Length >= 4 ? BinaryPrimitives.ReadUInt32BigEndian(output) : 0;

    /// <summary>The error's name among <paramref name="errors"/> (with its decoded arguments when asked), an <c>Error(string)</c> reason, or the hex.</summary>
    public static string Describe(byte[] output, IEnumerable<AbiError> errors, bool withArguments = false)
    {
        var selector = Selector(output);
        foreach (var error in errors)
        {
            if (error.Selector.Value == selector)
            {
                return withArguments ? error.Name + " " + string.Join(",", error.Decode(output).Select(v => v.ToString())) : error.Name;
            }
        }

        return selector == AbiError.ErrorString.Selector.Value ? AbiError.ErrorString.Decode(output)[0].AsString() : Convert.ToHexString(output);
    }

    /// <summary>The call reverted with <paramref name="error"/> and logged nothing; returns the error's arguments.</summary>
    public static AbiValue[] AssertRevertedWith(ModuleCall call, AbiError error, IEnumerable<AbiError> errors, bool withArguments = false)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(error);
        Assert.False(call.Outcome.Succeeded, "call succeeded but should revert with " + error.Name);
        Assert.True(error.Selector.Value == Selector(call.Outcome.Output), $"expected {error.Name}, got {Describe(call.Outcome.Output, errors, withArguments)}");
        Assert.Empty(call.Receipt.Logs);
        return error.Decode(call.Outcome.Output);
    }

    /// <summary>The call succeeded (else the revert, named).</summary>
    public static ModuleCall AssertSucceeded(ModuleCall call, IEnumerable<AbiError> errors, bool withArguments = false)
    {
        ArgumentNullException.ThrowIfNull(call);
        Assert.True(call.Outcome.Succeeded, "call reverted: " + Describe(call.Outcome.Output, errors, withArguments));
        return call;
    }
}
