using System.Collections.Frozen;
using System.Text.Json;
using Aro.JsonRpc.Dispatch;
using Aro.JsonRpc.Json;

namespace Aro.JsonRpc;

/// <summary>
/// The methods a server answers. Handlers register by wire name with typed positional parameters,
/// bound by the Ethereum JSON converters:
/// <c>registry.Add("eth_getBalance", (Address a, BlockParameter b) => ..., requiredParams: 1)</c>.
/// Trailing parameters beyond <c>requiredParams</c> are optional: absent or null gives default(T),
/// which for <see cref="BlockParameter"/> is "latest". Registration ends when a server starts.
/// </summary>
public sealed class JsonRpcMethodRegistry
{
    private readonly Dictionary<string, RpcMethod> _methods = new(StringComparer.Ordinal);
    private FrozenDictionary<string, RpcMethod>? _frozen;

    /// <param name="serializerOptions">Options for parameters and results; <see cref="EthereumJson.Options"/> by default.</param>
    public JsonRpcMethodRegistry(JsonSerializerOptions? serializerOptions = null)
    {
        SerializerOptions = serializerOptions ?? EthereumJson.Options;
        SerializerOptions.MakeReadOnly();
    }

    public JsonSerializerOptions SerializerOptions { get; }

    /// <summary>The registered method names, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _methods.Keys.Order(StringComparer.Ordinal)];

    public bool Contains(string name) => _methods.ContainsKey(name);

    /// <summary>Registers an asynchronous handler with 0 positional parameters.</summary>
    public void Add<TResult>(string name, Func<ValueTask<TResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Register(new RpcMethod<TResult>(name, handler, 0, SerializerOptions));
    }

    /// <summary>Registers a synchronous handler with 0 positional parameters.</summary>
    public void AddSync<TResult>(string name, Func<TResult> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add<TResult>(name, () => new ValueTask<TResult>(handler()));
    }

    /// <summary>Registers an asynchronous handler with 1 positional parameter.</summary>
    public void Add<T1, TResult>(string name, Func<T1, ValueTask<TResult>> handler, int? requiredParams = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Register(new RpcMethod<T1, TResult>(name, handler, Required(requiredParams, 1), SerializerOptions));
    }

    /// <summary>Registers a synchronous handler with 1 positional parameter.</summary>
    public void AddSync<T1, TResult>(string name, Func<T1, TResult> handler, int? requiredParams = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add<T1, TResult>(name, (a1) => new ValueTask<TResult>(handler(a1)), requiredParams);
    }

    /// <summary>Registers an asynchronous handler with 2 positional parameters.</summary>
    public void Add<T1, T2, TResult>(string name, Func<T1, T2, ValueTask<TResult>> handler, int? requiredParams = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Register(new RpcMethod<T1, T2, TResult>(name, handler, Required(requiredParams, 2), SerializerOptions));
    }

    /// <summary>Registers a synchronous handler with 2 positional parameters.</summary>
    public void AddSync<T1, T2, TResult>(string name, Func<T1, T2, TResult> handler, int? requiredParams = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add<T1, T2, TResult>(name, (a1, a2) => new ValueTask<TResult>(handler(a1, a2)), requiredParams);
    }

    /// <summary>Registers an asynchronous handler with 3 positional parameters.</summary>
    public void Add<T1, T2, T3, TResult>(string name, Func<T1, T2, T3, ValueTask<TResult>> handler, int? requiredParams = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Register(new RpcMethod<T1, T2, T3, TResult>(name, handler, Required(requiredParams, 3), SerializerOptions));
    }

    /// <summary>Registers a synchronous handler with 3 positional parameters.</summary>
    public void AddSync<T1, T2, T3, TResult>(string name, Func<T1, T2, T3, TResult> handler, int? requiredParams = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add<T1, T2, T3, TResult>(name, (a1, a2, a3) => new ValueTask<TResult>(handler(a1, a2, a3)), requiredParams);
    }

    /// <summary>Registers an asynchronous handler with 4 positional parameters.</summary>
    public void Add<T1, T2, T3, T4, TResult>(string name, Func<T1, T2, T3, T4, ValueTask<TResult>> handler, int? requiredParams = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Register(new RpcMethod<T1, T2, T3, T4, TResult>(name, handler, Required(requiredParams, 4), SerializerOptions));
    }

    /// <summary>Registers a synchronous handler with 4 positional parameters.</summary>
    public void AddSync<T1, T2, T3, T4, TResult>(string name, Func<T1, T2, T3, T4, TResult> handler, int? requiredParams = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add<T1, T2, T3, T4, TResult>(name, (a1, a2, a3, a4) => new ValueTask<TResult>(handler(a1, a2, a3, a4)), requiredParams);
    }

    /// <summary>Stops registration and returns the lookup table the dispatcher reads without locks.</summary>
    internal FrozenDictionary<string, RpcMethod> Freeze()
    {
        lock (_methods)
        {
            return _frozen ??= _methods.ToFrozenDictionary(StringComparer.Ordinal);
        }
    }

    internal void Register(RpcMethod method)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method.Name);
        lock (_methods)
        {
            if (_frozen is not null)
            {
                throw new InvalidOperationException($"Cannot add {method.Name}: the registry is in use by a running server.");
            }

            if (!_methods.TryAdd(method.Name, method))
            {
                throw new InvalidOperationException($"The method {method.Name} is already registered.");
            }
        }
    }

    private static int Required(int? requiredParams, int arity)
    {
        var required = requiredParams ?? arity;
        ArgumentOutOfRangeException.ThrowIfNegative(required, nameof(requiredParams));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(required, arity, nameof(requiredParams));
        return required;
    }
}
