using System.Collections.Frozen;
using System.Reflection;
using Aro.Core;
using Aro.Core.Abi;
using Aro.Execution.Modules;
using Aro.Modules.Gpos.Abi;

namespace Aro.Node.Modules;

/// <summary>
/// Turns a module's revert bytes into a line a person can read: <c>Error(string)</c> gives its text,
/// a named error of a hosted module its name and arguments (<c>KeeperNotFound(0x…)</c>). The error
/// table is every <see cref="AbiError"/> the module ABIs declare, so errors added later are known
/// without a change here.
/// </summary>
public static class RevertReasons
{
    private static readonly FrozenDictionary<AbiSelector, AbiError> Known = BuildTable();

    /// <summary>The readable reason; "(no reason)" for empty data, the hex for data no table knows.</summary>
    public static string Describe(ReadOnlySpan<byte> revertData)
    {
        if (revertData.IsEmpty)
        {
            return "(no reason)";
        }

        if (!AbiSelector.TryRead(revertData, out var selector) || !Known.TryGetValue(selector, out var error))
        {
            return "unrecognised revert data " + Hex.Encode(revertData);
        }

        AbiValue[] values;
        try
        {
            values = error.Decode(revertData);
        }
        catch (AbiFormatException)
        {
            return error.Name + " (malformed arguments) " + Hex.Encode(revertData);
        }

        if (error == AbiError.ErrorString)
        {
            return values[0].AsString();
        }

        var parts = new string[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            parts[i] = Format(values[i]);
        }

        return $"{error.Name}({string.Join(", ", parts)})";
    }

    internal static string Format(AbiValue value) => value.Kind switch
    {
        AbiValueKind.Address => value.AsAddress().ToString(),
        AbiValueKind.Bytes => Hex.Encode(value.AsBytes()),
        AbiValueKind.String => "\"" + value.AsString() + "\"",
        AbiValueKind.Bool => value.AsBool() ? "true" : "false",
        _ => value.ToString(),
    };

    private static FrozenDictionary<AbiSelector, AbiError> BuildTable()
    {
        var table = new Dictionary<AbiSelector, AbiError>
        {
            [AbiError.ErrorString.Selector] = AbiError.ErrorString,
            [ModuleHost.UnknownSelector.Selector] = ModuleHost.UnknownSelector,
        };
        foreach (var abi in new[] { typeof(StakingAbi), typeof(SettlementAbi) })
        {
            foreach (var field in abi.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                if (field.GetValue(null) is AbiError error)
                {
                    table[error.Selector] = error;
                }
            }
        }

        foreach (var error in Aro.Modules.Gpow.Abi.WorkProofAbi.Errors)
        {
            table.TryAdd(error.Selector, error);
        }

        return table.ToFrozenDictionary();
    }
}
