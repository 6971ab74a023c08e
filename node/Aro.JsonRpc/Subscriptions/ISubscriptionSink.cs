namespace Aro.JsonRpc.Subscriptions;

/// <summary>A connection that can receive pushed notifications (a WebSocket).</summary>
internal interface ISubscriptionSink
{
    /// <summary>
    /// Queues a complete message without waiting. False means the queue is full: the consumer is
    /// too slow and the sink has dropped the connection.
    /// </summary>
    bool TrySend(byte[] message);

    /// <summary>How many subscriptions this connection may hold at once.</summary>
    int MaxSubscriptions { get; }
}
