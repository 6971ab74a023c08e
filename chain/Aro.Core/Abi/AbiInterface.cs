namespace Aro.Core.Abi;

/// <summary>The functions, events and errors of one contract or module interface, in ABI JSON order.</summary>
public sealed class AbiInterface
{
    private readonly AbiFunction[] _functions;
    private readonly AbiEvent[] _events;
    private readonly AbiError[] _errors;
    private readonly Dictionary<uint, AbiFunction> _bySelector = [];

    /// <exception cref="AbiFormatException">Two functions or two errors share a selector, or two events a signature.</exception>
    public AbiInterface(IReadOnlyList<AbiFunction> functions, IReadOnlyList<AbiEvent> events, IReadOnlyList<AbiError> errors)
    {
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(errors);
        _functions = [.. functions];
        _events = [.. events];
        _errors = [.. errors];
        foreach (var function in _functions)
        {
            if (!_bySelector.TryAdd(function.Selector.Value, function))
            {
                throw new AbiFormatException($"Function {function.Signature} repeats selector {function.Selector}.");
            }
        }

        var errorSelectors = new HashSet<uint>();
        foreach (var error in _errors)
        {
            if (!errorSelectors.Add(error.Selector.Value))
            {
                throw new AbiFormatException($"Error {error.Signature} repeats selector {error.Selector}.");
            }
        }

        var signatures = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in _events)
        {
            if (!signatures.Add(e.Signature))
            {
                throw new AbiFormatException($"Event {e.Signature} is declared twice.");
            }
        }
    }

    public IReadOnlyList<AbiFunction> Functions => _functions;

    public IReadOnlyList<AbiEvent> Events => _events;

    public IReadOnlyList<AbiError> Errors => _errors;

    /// <summary>The function with this selector, or null; the dispatcher's lookup, so it is a hash probe.</summary>
    public AbiFunction? FindFunction(AbiSelector selector) => _bySelector.GetValueOrDefault(selector.Value);

    /// <summary>The function with this canonical signature, or null.</summary>
    public AbiFunction? FindFunction(string signature)
    {
        foreach (var function in _functions)
        {
            if (string.Equals(function.Signature, signature, StringComparison.Ordinal))
            {
                return function;
            }
        }

        return null;
    }

    /// <summary>The event with this canonical signature, or null.</summary>
    public AbiEvent? FindEvent(string signature)
    {
        foreach (var e in _events)
        {
            if (string.Equals(e.Signature, signature, StringComparison.Ordinal))
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>The error with this canonical signature, or null.</summary>
    public AbiError? FindError(string signature)
    {
        foreach (var error in _errors)
        {
            if (string.Equals(error.Signature, signature, StringComparison.Ordinal))
            {
                return error;
            }
        }

        return null;
    }
}
