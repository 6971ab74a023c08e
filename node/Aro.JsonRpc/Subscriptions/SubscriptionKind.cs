using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Aro.JsonRpc.Subscriptions;

/// <summary>A subscription kind ("newHeads", "logs") and its current subscribers.</summary>
internal abstract class SubscriptionKind
{
    private readonly object _gate = new();
    private Subscription[] _subscriptions = [];

    protected SubscriptionKind(string name) => Name = name;

    public string Name { get; }

    /// <summary>A snapshot: publishers read it without a lock while subscribers come and go.</summary>
    public Subscription[] Subscriptions => Volatile.Read(ref _subscriptions);

    /// <summary>Parses the optional second eth_subscribe parameter; throws JsonRpcException on bad input.</summary>
    public abstract object? ParseFilter(JsonElement parameter);

    public void Add(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }
    }

    public bool Remove(Func<Subscription, bool> match)
    {
        lock (_gate)
        {
            var kept = Array.FindAll(_subscriptions, s => !match(s));
            var removed = kept.Length != _subscriptions.Length;
            _subscriptions = kept;
            return removed;
        }
    }
}

/// <summary>A kind whose events are <typeparamref name="TPayload"/> values.</summary>
internal abstract class SubscriptionKind<TPayload> : SubscriptionKind
{
    private readonly JsonTypeInfo<TPayload> _payloadType;

    protected SubscriptionKind(string name, JsonSerializerOptions options)
        : base(name) =>
        _payloadType = (JsonTypeInfo<TPayload>)options.GetTypeInfo(typeof(TPayload));

    protected abstract bool Matches(Subscription subscription, TPayload payload);

    /// <summary>Serializes the payload once and queues it to every active, matching subscriber.</summary>
    public void Publish(TPayload payload, Action<Subscription> onFull)
    {
        var subscriptions = Subscriptions;
        if (subscriptions.Length == 0)
        {
            return;
        }

        ArrayBufferWriter<byte>? serialized = null;
        foreach (var subscription in subscriptions)
        {
            if (!subscription.IsActive || !Matches(subscription, payload))
            {
                continue;
            }

            if (serialized is null)
            {
                serialized = new ArrayBufferWriter<byte>(256);
                using var writer = new Utf8JsonWriter(serialized);
                JsonSerializer.Serialize(writer, payload, _payloadType);
            }

            if (!subscription.Sink.TrySend(subscription.BuildNotification(serialized.WrittenSpan)))
            {
                onFull(subscription);
            }
        }
    }
}

/// <summary>A kind without a filter: every subscriber gets every event.</summary>
internal sealed class UnfilteredSubscriptionKind<TPayload> : SubscriptionKind<TPayload>
{
    public UnfilteredSubscriptionKind(string name, JsonSerializerOptions options)
        : base(name, options)
    {
    }

    public override object? ParseFilter(JsonElement parameter) =>
        parameter.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null
            ? null
            : throw JsonRpcException.InvalidParams($"invalid argument 1: the {Name} subscription takes no parameters");

    protected override bool Matches(Subscription subscription, TPayload payload) => true;
}

/// <summary>A kind with a typed filter and a predicate the node supplies.</summary>
internal sealed class FilteredSubscriptionKind<TFilter, TPayload> : SubscriptionKind<TPayload>
{
    private readonly JsonTypeInfo<TFilter> _filterType;
    private readonly Func<TFilter?, TPayload, bool> _matches;

    public FilteredSubscriptionKind(string name, JsonSerializerOptions options, Func<TFilter?, TPayload, bool> matches)
        : base(name, options)
    {
        _filterType = (JsonTypeInfo<TFilter>)options.GetTypeInfo(typeof(TFilter));
        _matches = matches;
    }

    public override object? ParseFilter(JsonElement parameter)
    {
        if (parameter.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return null;
        }

        try
        {
            return parameter.Deserialize(_filterType);
        }
        catch (JsonException ex)
        {
            throw JsonRpcException.InvalidParams($"invalid argument 1: {ex.Message}");
        }
    }

    protected override bool Matches(Subscription subscription, TPayload payload) =>
        _matches(subscription.Filter is TFilter filter ? filter : default, payload);
}
