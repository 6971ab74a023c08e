using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Aro.JsonRpc.Dispatch;

// One class per arity keeps binding free of reflection and boxing: the parameter types are
// resolved to JsonTypeInfo once, at registration.

internal sealed class RpcMethod<TResult> : RpcMethod
{
    private readonly Func<ValueTask<TResult>> _handler;
    private readonly int _required;
    private readonly JsonTypeInfo<TResult> _result;

    public RpcMethod(string name, Func<ValueTask<TResult>> handler, int required, JsonSerializerOptions options)
        : base(name)
    {
        _handler = handler;
        _required = required;
        _result = (JsonTypeInfo<TResult>)options.GetTypeInfo(typeof(TResult));
    }

    public override ValueTask InvokeAsync(JsonElement parameters, Utf8JsonWriter result, RpcCallContext context)
    {
        RpcParams.Count(parameters, _required, 0);
        return RpcParams.WriteAsync(_handler(), result, _result);
    }
}

internal sealed class RpcMethod<T1, TResult> : RpcMethod
{
    private readonly Func<T1, ValueTask<TResult>> _handler;
    private readonly int _required;
    private readonly JsonTypeInfo<T1> _p1;
    private readonly JsonTypeInfo<TResult> _result;

    public RpcMethod(string name, Func<T1, ValueTask<TResult>> handler, int required, JsonSerializerOptions options)
        : base(name)
    {
        _handler = handler;
        _required = required;
        _p1 = (JsonTypeInfo<T1>)options.GetTypeInfo(typeof(T1));
        _result = (JsonTypeInfo<TResult>)options.GetTypeInfo(typeof(TResult));
    }

    public override ValueTask InvokeAsync(JsonElement parameters, Utf8JsonWriter result, RpcCallContext context)
    {
        var count = RpcParams.Count(parameters, _required, 1);
        var a1 = RpcParams.Bind(parameters, 0, count, _required, _p1);
        return RpcParams.WriteAsync(_handler(a1), result, _result);
    }
}

internal sealed class RpcMethod<T1, T2, TResult> : RpcMethod
{
    private readonly Func<T1, T2, ValueTask<TResult>> _handler;
    private readonly int _required;
    private readonly JsonTypeInfo<T1> _p1;
    private readonly JsonTypeInfo<T2> _p2;
    private readonly JsonTypeInfo<TResult> _result;

    public RpcMethod(string name, Func<T1, T2, ValueTask<TResult>> handler, int required, JsonSerializerOptions options)
        : base(name)
    {
        _handler = handler;
        _required = required;
        _p1 = (JsonTypeInfo<T1>)options.GetTypeInfo(typeof(T1));
        _p2 = (JsonTypeInfo<T2>)options.GetTypeInfo(typeof(T2));
        _result = (JsonTypeInfo<TResult>)options.GetTypeInfo(typeof(TResult));
    }

    public override ValueTask InvokeAsync(JsonElement parameters, Utf8JsonWriter result, RpcCallContext context)
    {
        var count = RpcParams.Count(parameters, _required, 2);
        var a1 = RpcParams.Bind(parameters, 0, count, _required, _p1);
        var a2 = RpcParams.Bind(parameters, 1, count, _required, _p2);
        return RpcParams.WriteAsync(_handler(a1, a2), result, _result);
    }
}

internal sealed class RpcMethod<T1, T2, T3, TResult> : RpcMethod
{
    private readonly Func<T1, T2, T3, ValueTask<TResult>> _handler;
    private readonly int _required;
    private readonly JsonTypeInfo<T1> _p1;
    private readonly JsonTypeInfo<T2> _p2;
    private readonly JsonTypeInfo<T3> _p3;
    private readonly JsonTypeInfo<TResult> _result;

    public RpcMethod(string name, Func<T1, T2, T3, ValueTask<TResult>> handler, int required, JsonSerializerOptions options)
        : base(name)
    {
        _handler = handler;
        _required = required;
        _p1 = (JsonTypeInfo<T1>)options.GetTypeInfo(typeof(T1));
        _p2 = (JsonTypeInfo<T2>)options.GetTypeInfo(typeof(T2));
        _p3 = (JsonTypeInfo<T3>)options.GetTypeInfo(typeof(T3));
        _result = (JsonTypeInfo<TResult>)options.GetTypeInfo(typeof(TResult));
    }

    public override ValueTask InvokeAsync(JsonElement parameters, Utf8JsonWriter result, RpcCallContext context)
    {
        var count = RpcParams.Count(parameters, _required, 3);
        var a1 = RpcParams.Bind(parameters, 0, count, _required, _p1);
        var a2 = RpcParams.Bind(parameters, 1, count, _required, _p2);
        var a3 = RpcParams.Bind(parameters, 2, count, _required, _p3);
        return RpcParams.WriteAsync(_handler(a1, a2, a3), result, _result);
    }
}

internal sealed class RpcMethod<T1, T2, T3, T4, TResult> : RpcMethod
{
    private readonly Func<T1, T2, T3, T4, ValueTask<TResult>> _handler;
    private readonly int _required;
    private readonly JsonTypeInfo<T1> _p1;
    private readonly JsonTypeInfo<T2> _p2;
    private readonly JsonTypeInfo<T3> _p3;
    private readonly JsonTypeInfo<T4> _p4;
    private readonly JsonTypeInfo<TResult> _result;

    public RpcMethod(string name, Func<T1, T2, T3, T4, ValueTask<TResult>> handler, int required, JsonSerializerOptions options)
        : base(name)
    {
        _handler = handler;
        _required = required;
        _p1 = (JsonTypeInfo<T1>)options.GetTypeInfo(typeof(T1));
        _p2 = (JsonTypeInfo<T2>)options.GetTypeInfo(typeof(T2));
        _p3 = (JsonTypeInfo<T3>)options.GetTypeInfo(typeof(T3));
        _p4 = (JsonTypeInfo<T4>)options.GetTypeInfo(typeof(T4));
        _result = (JsonTypeInfo<TResult>)options.GetTypeInfo(typeof(TResult));
    }

    public override ValueTask InvokeAsync(JsonElement parameters, Utf8JsonWriter result, RpcCallContext context)
    {
        var count = RpcParams.Count(parameters, _required, 4);
        var a1 = RpcParams.Bind(parameters, 0, count, _required, _p1);
        var a2 = RpcParams.Bind(parameters, 1, count, _required, _p2);
        var a3 = RpcParams.Bind(parameters, 2, count, _required, _p3);
        var a4 = RpcParams.Bind(parameters, 3, count, _required, _p4);
        return RpcParams.WriteAsync(_handler(a1, a2, a3, a4), result, _result);
    }
}
