using Aro.JsonRpc.Subscriptions;

namespace Aro.JsonRpc.Dispatch;

/// <summary>What a call knows about where it came from. One per request message; not shared.</summary>
internal sealed class RpcCallContext
{
    /// <summary>Shared by all HTTP calls: without a connection nothing is ever pending.</summary>
    public static readonly RpcCallContext Http = new(null);

    private List<Subscription>? _pending;

    public RpcCallContext(ISubscriptionSink? connection) => Connection = connection;

    /// <summary>The WebSocket connection, or null over HTTP (no subscriptions there).</summary>
    public ISubscriptionSink? Connection { get; }

    /// <summary>Holds a new subscription back until the response that names it is queued.</summary>
    public void AddPending(Subscription subscription) => (_pending ??= []).Add(subscription);

    /// <summary>Called once the response is queued: from now on events flow.</summary>
    public void ActivatePending()
    {
        if (_pending is null)
        {
            return;
        }

        foreach (var subscription in _pending)
        {
            subscription.Activate();
        }

        _pending.Clear();
    }
}
