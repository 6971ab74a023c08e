using System.Net;
using Aro.JsonRpc.Dispatch;
using Aro.JsonRpc.Subscriptions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aro.JsonRpc.Hosting;

/// <summary>
/// The JSON-RPC server: Kestrel on one endpoint serving HTTP POST and WebSocket on "/".
/// Register methods (and subscription kinds) first, then <see cref="StartAsync"/>.
/// </summary>
public sealed class JsonRpcServer : IAsyncDisposable
{
    private readonly JsonRpcMethodRegistry _registry;
    private readonly SubscriptionHub? _hub;
    private readonly JsonRpcServerOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private WebApplication? _app;

    /// <param name="registry">The methods to serve; frozen when the server starts.</param>
    /// <param name="options">Endpoint and limits; defaults to 127.0.0.1:8545.</param>
    /// <param name="subscriptions">When given, eth_subscribe/eth_unsubscribe are served over WebSocket.</param>
    /// <param name="loggerFactory">The node's logging; ASP.NET Core's own chatter is held to Warning.</param>
    public JsonRpcServer(
        JsonRpcMethodRegistry registry,
        JsonRpcServerOptions? options = null,
        SubscriptionHub? subscriptions = null,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
        _options = options ?? new JsonRpcServerOptions();
        _options.Validate();
        _hub = subscriptions;
        _loggerFactory = new QuietLoggerFactory(loggerFactory ?? NullLoggerFactory.Instance);
        _logger = _loggerFactory.CreateLogger("Aro.JsonRpc");
        if (_hub is not null)
        {
            registry.Register(new SubscribeMethod(_hub));
            registry.Register(new UnsubscribeMethod(_hub));
        }
    }

    /// <summary>The address actually bound (the real port when 0 was asked for). Set by <see cref="StartAsync"/>.</summary>
    public IPEndPoint? LocalEndPoint { get; private set; }

    public Uri HttpUri => new($"http://{Require().ToString()}/");

    public Uri WebSocketUri => new($"ws://{Require().ToString()}/");

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("The server is already started.");
        }

        var dispatcher = new JsonRpcDispatcher(_registry, _options.MaxBatchSize, _logger);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(_loggerFactory);
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = _options.ShutdownTimeout);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(_options.EndPoint);
            kestrel.Limits.MaxConcurrentConnections = _options.MaxConnections;
            kestrel.Limits.MaxConcurrentUpgradedConnections = _options.MaxConnections;
            // The endpoint enforces the body limit itself, to answer with a JSON-RPC error body.
            kestrel.Limits.MaxRequestBodySize = null;
        });

        var app = builder.Build();
        var endpoint = new HttpRpcEndpoint(dispatcher, _hub, _options, _logger, app.Lifetime.ApplicationStopping);
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = _options.WebSocketKeepAlive });
        app.Run(endpoint.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;
        LocalEndPoint = BoundEndPoint(app);
        if (_logger.IsEnabled(LogLevel.Information))
        {
            _logger.LogInformation("JSON-RPC listening on {EndPoint} (HTTP and WebSocket)", LocalEndPoint);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        var app = _app;
        if (app is null)
        {
            return;
        }

        _app = null;
        await app.StopAsync(cancellationToken).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        _logger.LogInformation("JSON-RPC stopped");
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private IPEndPoint Require() =>
        LocalEndPoint ?? throw new InvalidOperationException("The server is not started.");

    private IPEndPoint BoundEndPoint(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        foreach (var address in addresses?.Addresses ?? [])
        {
            var uri = new Uri(address);
            return new IPEndPoint(_options.EndPoint.Address, uri.Port);
        }

        return _options.EndPoint;
    }
}
