using System.Text.Json;

namespace Aro.Core.Abi;

/// <summary>
/// Reads Solidity ABI JSON (the compiler's <c>abi</c> output): an array of function, event and
/// error entries with <c>inputs</c>/<c>outputs</c> of <c>{name, type, components, indexed}</c>.
/// Tuples are <c>"type": "tuple"</c> (optionally with array suffixes, <c>tuple[2][]</c>) plus
/// <c>components</c>. Constructor, fallback and receive entries carry no selector and are skipped.
/// </summary>
public static class AbiJson
{
    /// <exception cref="AbiFormatException">Not valid JSON, or an entry that is not a valid ABI description.</exception>
    public static AbiInterface Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new AbiFormatException("ABI JSON is not valid JSON.", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                throw new AbiFormatException("ABI JSON must be an array of entries.");
            }

            var functions = new List<AbiFunction>();
            var events = new List<AbiEvent>();
            var errors = new List<AbiError>();
            foreach (var entry in root.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.Object)
                {
                    throw new AbiFormatException("An ABI JSON entry must be an object.");
                }

                // "type" defaults to "function" per the specification.
                var kind = OptionalString(entry, "type") ?? "function";
                switch (kind)
                {
                    case "function":
                        functions.Add(new AbiFunction(
                            RequiredString(entry, "name"),
                            Parameters(entry, "inputs", allowIndexed: false),
                            Parameters(entry, "outputs", allowIndexed: false),
                            Mutability(entry)));
                        break;
                    case "event":
                        events.Add(new AbiEvent(
                            RequiredString(entry, "name"),
                            Parameters(entry, "inputs", allowIndexed: true),
                            OptionalBool(entry, "anonymous")));
                        break;
                    case "error":
                        errors.Add(new AbiError(RequiredString(entry, "name"), Parameters(entry, "inputs", allowIndexed: false)));
                        break;
                    case "constructor" or "fallback" or "receive":
                        break;
                    default:
                        throw new AbiFormatException($"Unknown ABI entry type '{kind}'.");
                }
            }

            return new AbiInterface(functions, events, errors);
        }
    }

    /// <summary>The type of one JSON parameter object, resolving <c>tuple</c> through its components.</summary>
    /// <exception cref="AbiFormatException">Malformed parameter.</exception>
    public static AbiType ParseParameterType(JsonElement parameter) => ParameterType(parameter, 0);

    private static AbiParameter[] Parameters(JsonElement entry, string property, bool allowIndexed)
    {
        if (!entry.TryGetProperty(property, out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new AbiFormatException($"'{property}' must be an array.");
        }

        var parameters = new List<AbiParameter>();
        foreach (var parameter in list.EnumerateArray())
        {
            var indexed = OptionalBool(parameter, "indexed");
            if (indexed && !allowIndexed)
            {
                throw new AbiFormatException("Only event inputs may be indexed.");
            }

            parameters.Add(new AbiParameter(OptionalString(parameter, "name") ?? string.Empty, ParameterType(parameter, 0), indexed));
        }

        return parameters.ToArray();
    }

    private static AbiType ParameterType(JsonElement parameter, int depth)
    {
        if (parameter.ValueKind != JsonValueKind.Object)
        {
            throw new AbiFormatException("An ABI parameter must be an object.");
        }

        if (depth > AbiType.MaxDepth)
        {
            throw new AbiFormatException($"ABI type nests deeper than {AbiType.MaxDepth} levels.");
        }

        var type = RequiredString(parameter, "type");
        var hasComponents = parameter.TryGetProperty("components", out var components) && components.ValueKind != JsonValueKind.Null;
        if (!type.StartsWith("tuple", StringComparison.Ordinal))
        {
            if (hasComponents)
            {
                throw new AbiFormatException($"Type '{type}' is not a tuple but has components.");
            }

            return AbiType.Parse(type);
        }

        if (!hasComponents || components.ValueKind != JsonValueKind.Array)
        {
            throw new AbiFormatException($"Tuple type '{type}' needs a 'components' array.");
        }

        var types = new List<AbiType>();
        foreach (var component in components.EnumerateArray())
        {
            if (component.TryGetProperty("indexed", out _))
            {
                throw new AbiFormatException("Tuple components may not be indexed.");
            }

            types.Add(ParameterType(component, depth + 1));
        }

        return AbiTypeParser.ApplyArraySuffixes(AbiType.Tuple(types.ToArray()), type["tuple".Length..]);
    }

    private static AbiStateMutability Mutability(JsonElement entry)
    {
        var text = OptionalString(entry, "stateMutability");
        if (text is null)
        {
            // Pre-0.5 compilers wrote "constant" and "payable" flags instead.
            return OptionalBool(entry, "payable") ? AbiStateMutability.Payable
                : OptionalBool(entry, "constant") ? AbiStateMutability.View
                : AbiStateMutability.NonPayable;
        }

        return text switch
        {
            "nonpayable" => AbiStateMutability.NonPayable,
            "payable" => AbiStateMutability.Payable,
            "view" => AbiStateMutability.View,
            "pure" => AbiStateMutability.Pure,
            _ => throw new AbiFormatException($"Unknown stateMutability '{text}'."),
        };
    }

    private static string RequiredString(JsonElement element, string property) =>
        OptionalString(element, property) ?? throw new AbiFormatException($"ABI JSON entry lacks '{property}'.");

    private static string? OptionalString(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new AbiFormatException($"'{property}' must be a string.");
    }

    private static bool OptionalBool(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var value))
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new AbiFormatException($"'{property}' must be true or false."),
        };
    }
}
