using System.Net;

namespace Aro.JsonRpc.Hosting;

/// <summary>Where the server listens and the limits it enforces. Every limit answers with a clear error.</summary>
public sealed record JsonRpcServerOptions
{
    public const int DefaultPort = 8545;

    /// <summary>127.0.0.1:8545: local only unless the operator opens it. Port 0 picks a free port.</summary>
    public IPEndPoint EndPoint { get; init; } = new(IPAddress.Loopback, DefaultPort);

    /// <summary>Largest HTTP request body; larger bodies get HTTP 413 and a -32005 error. 5 MiB.</summary>
    public long MaxRequestBodyBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>Most calls in one batch (geth's default); more gets one -32600 error. 1000.</summary>
    public int MaxBatchSize { get; init; } = 1000;

    /// <summary>Largest WebSocket message; larger closes the socket with status 1009. 5 MiB.</summary>
    public int MaxWebSocketMessageBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>Most open TCP connections (HTTP and WebSocket together). 1000.</summary>
    public long MaxConnections { get; init; } = 1000;

    /// <summary>
    /// Messages a WebSocket may have waiting to be sent. A client that lets more pile up is too
    /// slow and is disconnected, so publishers never wait on it. 4096.
    /// </summary>
    public int WebSocketSendQueueCapacity { get; init; } = 4096;

    /// <summary>Most live subscriptions per WebSocket connection. 128.</summary>
    public int MaxSubscriptionsPerConnection { get; init; } = 128;

    /// <summary>
    /// Browser origins allowed to call (CORS for HTTP, the Origin check for WebSocket). Empty by
    /// default: CORS is off and browser pages cannot reach the node. "*" allows any origin.
    /// </summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary>WebSocket ping interval, so dead peers are noticed. 30 s.</summary>
    public TimeSpan WebSocketKeepAlive { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long stopping waits for in-flight requests before cutting connections. 5 s.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(5);

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(EndPoint);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRequestBodyBytes, 1, nameof(MaxRequestBodyBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchSize, 1, nameof(MaxBatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxWebSocketMessageBytes, 1, nameof(MaxWebSocketMessageBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConnections, 1, nameof(MaxConnections));
        ArgumentOutOfRangeException.ThrowIfLessThan(WebSocketSendQueueCapacity, 1, nameof(WebSocketSendQueueCapacity));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxSubscriptionsPerConnection, nameof(MaxSubscriptionsPerConnection));
        ArgumentNullException.ThrowIfNull(AllowedOrigins);
    }

    internal bool IsOriginAllowed(string origin)
    {
        foreach (var allowed in AllowedOrigins)
        {
            if (allowed == "*" || string.Equals(allowed, origin, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
