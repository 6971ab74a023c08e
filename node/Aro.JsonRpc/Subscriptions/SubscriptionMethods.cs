using System.Text.Json;
using Aro.JsonRpc.Dispatch;

namespace Aro.JsonRpc.Subscriptions;

/// <summary>eth_subscribe(kind, filter?) → subscription id; only on connections that can receive pushes.</summary>
internal sealed class SubscribeMethod : RpcMethod
{
    private readonly SubscriptionHub _hub;

    public SubscribeMethod(SubscriptionHub hub)
        : base("eth_subscribe") => _hub = hub;

    public override ValueTask InvokeAsync(JsonElement parameters, Utf8JsonWriter result, RpcCallContext context)
    {
        var sink = RequireConnection(context);
        var count = RpcParams.Count(parameters, 1, 2);
        var kind = parameters[0].ValueKind == JsonValueKind.String ? RpcParams.TryGetString(parameters[0]) : null;
        if (kind is null)
        {
            throw JsonRpcException.InvalidParams("invalid argument 0: subscription kind must be a string");
        }

        var filter = count > 1 ? parameters[1] : default;
        var subscription = _hub.Subscribe(sink, kind, filter);
        context.AddPending(subscription);
        result.WriteStringValue(subscription.Id);
        return default;
    }

    internal static ISubscriptionSink RequireConnection(RpcCallContext context) =>
        context.Connection ?? throw new JsonRpcException(JsonRpcErrorCodes.MethodNotFound, "notifications not supported");
}

/// <summary>eth_unsubscribe(id) → whether this connection had that subscription.</summary>
internal sealed class UnsubscribeMethod : RpcMethod
{
    private readonly SubscriptionHub _hub;

    public UnsubscribeMethod(SubscriptionHub hub)
        : base("eth_unsubscribe") => _hub = hub;

    public override ValueTask InvokeAsync(JsonElement parameters, Utf8JsonWriter result, RpcCallContext context)
    {
        var sink = SubscribeMethod.RequireConnection(context);
        RpcParams.Count(parameters, 1, 1);
        var id = parameters[0].ValueKind == JsonValueKind.String ? RpcParams.TryGetString(parameters[0]) : null;
        if (id is null)
        {
            throw JsonRpcException.InvalidParams("invalid argument 0: subscription id must be a string");
        }

        result.WriteBooleanValue(_hub.Unsubscribe(sink, id));
        return default;
    }
}
