using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Aro.JsonRpc.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aro.JsonRpc.Subscriptions;

/// <summary>
/// The eth_subscribe machinery. The node registers kinds (<c>AddKind&lt;Header&gt;("newHeads")</c>,
/// <c>AddKind&lt;LogFilter, Log&gt;("logs", (f, log) => ...)</c>) and publishes events; each
/// WebSocket subscriber receives <c>{"jsonrpc":"2.0","method":"eth_subscription","params":{"subscription":id,"result":...}}</c>.
/// </summary>
public sealed class SubscriptionHub : ISubscriptionHub
{
    private readonly ConcurrentDictionary<string, SubscriptionKind> _kinds = new(StringComparer.Ordinal);
    private readonly ILogger _logger;

    public SubscriptionHub(JsonSerializerOptions? serializerOptions = null, ILogger<SubscriptionHub>? logger = null)
    {
        SerializerOptions = serializerOptions ?? EthereumJson.Options;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    public JsonSerializerOptions SerializerOptions { get; }

    /// <summary>Registers a kind that takes no parameters and sends every event to every subscriber.</summary>
    public void AddKind<TPayload>(string kind) =>
        AddKind(new UnfilteredSubscriptionKind<TPayload>(kind, SerializerOptions));

    /// <summary>
    /// Registers a kind with an optional filter parameter (parsed with the serializer options,
    /// default when absent) and the predicate deciding which events a subscriber receives.
    /// The predicate runs on the publisher's thread for every subscriber: keep it cheap.
    /// </summary>
    public void AddKind<TFilter, TPayload>(string kind, Func<TFilter?, TPayload, bool> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        AddKind(new FilteredSubscriptionKind<TFilter, TPayload>(kind, SerializerOptions, matches));
    }

    public void Publish<TPayload>(string kind, TPayload payload)
    {
        if (!_kinds.TryGetValue(kind, out var entry))
        {
            throw new ArgumentException($"No subscription kind \"{kind}\" is registered.", nameof(kind));
        }

        if (entry is not SubscriptionKind<TPayload> typed)
        {
            throw new ArgumentException($"Subscription kind \"{kind}\" does not carry {typeof(TPayload).Name} payloads.", nameof(payload));
        }

        typed.Publish(payload, OnQueueFull);
    }

    public bool HasSubscribers(string kind) => _kinds.TryGetValue(kind, out var entry) && entry.Subscriptions.Length > 0;

    /// <summary>All live subscriptions, for metrics and tests.</summary>
    public int Count
    {
        get
        {
            var total = 0;
            foreach (var kind in _kinds.Values)
            {
                total += kind.Subscriptions.Length;
            }

            return total;
        }
    }

    internal Subscription Subscribe(ISubscriptionSink sink, string kind, JsonElement filter)
    {
        if (!_kinds.TryGetValue(kind, out var entry))
        {
            throw JsonRpcException.InvalidParams($"invalid argument 0: no \"{Truncate(kind)}\" subscription kind");
        }

        var parsed = entry.ParseFilter(filter);
        if (CountOf(sink) >= sink.MaxSubscriptions)
        {
            throw new JsonRpcException(
                JsonRpcErrorCodes.LimitExceeded,
                $"too many subscriptions on this connection (limit {sink.MaxSubscriptions})");
        }

        var subscription = new Subscription(NewId(), kind, sink, parsed);
        entry.Add(subscription);
        return subscription;
    }

    internal bool Unsubscribe(ISubscriptionSink sink, string id)
    {
        var removed = false;
        foreach (var kind in _kinds.Values)
        {
            removed |= kind.Remove(s => s.Sink == sink && s.Id == id);
        }

        return removed;
    }

    /// <summary>Drops every subscription of a closed connection.</summary>
    internal void RemoveAll(ISubscriptionSink sink)
    {
        foreach (var kind in _kinds.Values)
        {
            kind.Remove(s => s.Sink == sink);
        }
    }

    private int CountOf(ISubscriptionSink sink)
    {
        var count = 0;
        foreach (var kind in _kinds.Values)
        {
            foreach (var subscription in kind.Subscriptions)
            {
                count += subscription.Sink == sink ? 1 : 0;
            }
        }

        return count;
    }

    private void AddKind(SubscriptionKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind.Name);
        if (!_kinds.TryAdd(kind.Name, kind))
        {
            throw new InvalidOperationException($"Subscription kind \"{kind.Name}\" is already registered.");
        }
    }

    private void OnQueueFull(Subscription subscription)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            _logger.LogDebug("Subscription {Id} ({Kind}) dropped with its slow connection", subscription.Id, subscription.Kind);
        }

        RemoveAll(subscription.Sink);
    }

    /// <summary>
    /// 128 random bits as hex, as geth does: ids are capabilities a client should not guess. They
    /// never reach consensus state, so randomness here is fine.
    /// </summary>
    private static string NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return Aro.Core.Hex.Encode(bytes);
    }

    private static string Truncate(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 61), "...");
}
