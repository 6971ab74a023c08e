using System.Text;

namespace Aro.JsonRpc.Subscriptions;

/// <summary>One eth_subscribe registration, bound to the connection that made it.</summary>
internal sealed class Subscription
{
    private volatile bool _active;

    public Subscription(string id, string kind, ISubscriptionSink sink, object? filter)
    {
        Id = id;
        Kind = kind;
        Sink = sink;
        Filter = filter;
        Prefix = Encoding.UTF8.GetBytes(
            "{\"jsonrpc\":\"2.0\",\"method\":\"eth_subscription\",\"params\":{\"subscription\":\"" + id + "\",\"result\":");
    }

    public string Id { get; }

    public string Kind { get; }

    public ISubscriptionSink Sink { get; }

    /// <summary>The parsed filter the kind's predicate receives, or null.</summary>
    public object? Filter { get; }

    /// <summary>The bytes of a notification up to its result, so each publish only appends.</summary>
    public byte[] Prefix { get; }

    /// <summary>
    /// False until the eth_subscribe response is queued, so the subscriber never sees a
    /// notification before it knows the subscription id.
    /// </summary>
    public bool IsActive => _active;

    public void Activate() => _active = true;

    public byte[] BuildNotification(ReadOnlySpan<byte> result)
    {
        var message = new byte[Prefix.Length + result.Length + 2];
        Prefix.CopyTo(message, 0);
        result.CopyTo(message.AsSpan(Prefix.Length));
        message[^2] = (byte)'}';
        message[^1] = (byte)'}';
        return message;
    }
}
