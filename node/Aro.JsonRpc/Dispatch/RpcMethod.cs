using System.Text.Json;

namespace Aro.JsonRpc.Dispatch;

/// <summary>One registered method: binds its positional parameters and writes its result.</summary>
internal abstract class RpcMethod
{
    protected RpcMethod(string name) => Name = name;

    public string Name { get; }

    /// <summary>
    /// Binds <paramref name="parameters"/> (an array, or undefined when the request had none),
    /// runs the handler and writes the result value to <paramref name="result"/>. Throws
    /// <see cref="JsonRpcException"/> for bad parameters or handler-chosen errors.
    /// </summary>
    public abstract ValueTask InvokeAsync(JsonElement parameters, Utf8JsonWriter result, RpcCallContext context);
}
