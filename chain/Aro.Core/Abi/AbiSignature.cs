using System.Text;

namespace Aro.Core.Abi;

/// <summary>Shared plumbing of functions, errors and events: canonical signature text and parameter tuples.</summary>
internal static class AbiSignature
{
    public static AbiParameter[] Copy(IReadOnlyList<AbiParameter> parameters, string what)
    {
        ArgumentNullException.ThrowIfNull(parameters, what);
        var copy = new AbiParameter[parameters.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = parameters[i] ?? throw new ArgumentNullException(what);
        }

        return copy;
    }

    public static AbiType Tuple(AbiParameter[] parameters)
    {
        var types = new AbiType[parameters.Length];
        for (var i = 0; i < types.Length; i++)
        {
            types[i] = parameters[i].Type;
        }

        return AbiType.Parameters(types);
    }

    public static string Text(string name, AbiParameter[] parameters)
    {
        var builder = new StringBuilder(name).Append('(');
        for (var i = 0; i < parameters.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(parameters[i].Type);
        }

        return builder.Append(')').ToString();
    }

    public static AbiParameter[] Unnamed(AbiType[] types)
    {
        var parameters = new AbiParameter[types.Length];
        for (var i = 0; i < types.Length; i++)
        {
            parameters[i] = new AbiParameter(string.Empty, types[i]);
        }

        return parameters;
    }

    public static AbiValue[] Values(IReadOnlyList<AbiValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var copy = new AbiValue[values.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = values[i];
        }

        return copy;
    }

    /// <summary>Strips and checks the selector, then decodes the rest strictly.</summary>
    public static AbiValue[] DecodeAfterSelector(AbiSelector selector, AbiType parameters, ReadOnlySpan<byte> data, string signature)
    {
        if (!AbiSelector.TryRead(data, out var actual))
        {
            throw new AbiFormatException($"Input of {data.Length} bytes is too short for a selector.");
        }

        if (actual != selector)
        {
            throw new AbiFormatException($"Selector {actual} is not {selector} of {signature}.");
        }

        return AbiDecoder.Decode(parameters, data[AbiSelector.Size..]);
    }
}
