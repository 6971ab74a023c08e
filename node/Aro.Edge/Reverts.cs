using System.Collections.Frozen;
using Aro.Core;
using Aro.Core.Abi;
using Aro.Modules.Gpow.Abi;

namespace Aro.Edge;

/// <summary>Names a GPoW revert (<c>LateReport(4, 6)</c>) from its bytes; Error(string) gives its text.</summary>
internal static class Reverts
{
    private static readonly FrozenDictionary<AbiSelector, AbiError> Known = Build();

    public static string Describe(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return "(no reason)";
        }

        if (!AbiSelector.TryRead(data, out var selector) || !Known.TryGetValue(selector, out var error))
        {
            return "unrecognised revert data " + Hex.Encode(data);
        }

        try
        {
            var values = error.Decode(data);
            return error == AbiError.ErrorString
                ? values[0].AsString()
                : $"{error.Name}({string.Join(", ", values.Select(Format))})";
        }
        catch (AbiFormatException)
        {
            return error.Name + " (malformed arguments)";
        }
    }

    private static string Format(AbiValue value) => value.Kind switch
    {
        AbiValueKind.Address => value.AsAddress().ToString(),
        AbiValueKind.Bytes => Hex.Encode(value.AsBytes()),
        AbiValueKind.String => "\"" + value.AsString() + "\"",
        AbiValueKind.Bool => value.AsBool() ? "true" : "false",
        _ => value.ToString(),
    };

    private static FrozenDictionary<AbiSelector, AbiError> Build()
    {
        var table = new Dictionary<AbiSelector, AbiError> { [AbiError.ErrorString.Selector] = AbiError.ErrorString };
        foreach (var error in WorkProofAbi.Errors)
        {
            table[error.Selector] = error;
        }

        return table.ToFrozenDictionary();
    }
}
