namespace Aro.JsonRpc.Subscriptions;

/// <summary>Where the node publishes events to eth_subscribe subscribers.</summary>
public interface ISubscriptionHub
{
    /// <summary>
    /// Sends <paramref name="payload"/> to every subscriber of <paramref name="kind"/> whose filter
    /// accepts it. Never blocks: a subscriber whose queue is full is disconnected.
    /// </summary>
    /// <exception cref="ArgumentException">No kind of that name and payload type is registered.</exception>
    void Publish<TPayload>(string kind, TPayload payload);

    /// <summary>Whether anyone listens to <paramref name="kind"/>, to skip building payloads nobody reads.</summary>
    bool HasSubscribers(string kind);
}
