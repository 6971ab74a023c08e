using System.Buffers;
using System.IO.Pipelines;
using Aro.JsonRpc.Dispatch;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Aro.JsonRpc.Hosting;

/// <summary>The single endpoint "/": JSON-RPC over HTTP POST, or a WebSocket upgrade.</summary>
internal sealed class HttpRpcEndpoint
{
    private readonly JsonRpcDispatcher _dispatcher;
    private readonly Subscriptions.SubscriptionHub? _hub;
    private readonly JsonRpcServerOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationToken _stopping;

    public HttpRpcEndpoint(
        JsonRpcDispatcher dispatcher,
        Subscriptions.SubscriptionHub? hub,
        JsonRpcServerOptions options,
        ILogger logger,
        CancellationToken stopping)
    {
        _dispatcher = dispatcher;
        _hub = hub;
        _options = options;
        _logger = logger;
        _stopping = stopping;
    }

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await ServeAsync(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away mid-request; there is no one to answer.
        }
    }

    private async Task ServeAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        if (request.Path != "/")
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var origin = request.Headers.Origin.ToString();
        var originAllowed = origin.Length == 0 || _options.IsOriginAllowed(origin);
        if (context.WebSockets.IsWebSocketRequest)
        {
            await AcceptWebSocketAsync(context, originAllowed).ConfigureAwait(false);
            return;
        }

        if (origin.Length > 0 && originAllowed)
        {
            response.Headers.AccessControlAllowOrigin = origin;
            response.Headers.Vary = "Origin";
        }

        if (HttpMethods.IsOptions(request.Method) && origin.Length > 0 && originAllowed)
        {
            response.Headers.AccessControlAllowMethods = "POST";
            response.Headers.AccessControlAllowHeaders = "Content-Type";
            response.Headers.AccessControlMaxAge = "600";
            response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            response.Headers.Allow = "POST";
            await WriteErrorAsync(response, StatusCodes.Status405MethodNotAllowed, JsonRpcErrorCodes.InvalidRequest, "JSON-RPC requests are HTTP POST").ConfigureAwait(false);
            return;
        }

        if (!IsJson(request.ContentType))
        {
            await WriteErrorAsync(response, StatusCodes.Status415UnsupportedMediaType, JsonRpcErrorCodes.InvalidRequest, "invalid content type, only application/json is supported").ConfigureAwait(false);
            return;
        }

        var limit = _options.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            await WriteTooLargeAsync(response, limit).ConfigureAwait(false);
            return;
        }

        var reader = request.BodyReader;
        ReadResult read;
        while (true)
        {
            read = await reader.ReadAsync(context.RequestAborted).ConfigureAwait(false);
            if (read.Buffer.Length > limit)
            {
                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
                await WriteTooLargeAsync(response, limit).ConfigureAwait(false);
                return;
            }

            if (read.IsCompleted || read.IsCanceled)
            {
                break;
            }

            // Keep everything and ask for more: the body is parsed as one document.
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }

        var output = new ArrayBufferWriter<byte>(1024);
        try
        {
            await _dispatcher.DispatchAsync(read.Buffer, output, RpcCallContext.Http).ConfigureAwait(false);
        }
        finally
        {
            reader.AdvanceTo(read.Buffer.End);
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.ContentLength = output.WrittenCount;
        if (output.WrittenCount > 0)
        {
            await response.Body.WriteAsync(output.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private async Task AcceptWebSocketAsync(HttpContext context, bool originAllowed)
    {
        if (!originAllowed)
        {
            if (_logger.IsEnabled(LogLevel.Information))
            {
                _logger.LogInformation("Refused WebSocket from origin {Origin}: not in the allowed origins", context.Request.Headers.Origin.ToString());
            }

            await WriteErrorAsync(context.Response, StatusCodes.Status403Forbidden, JsonRpcErrorCodes.InvalidRequest, "origin not allowed").ConfigureAwait(false);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var remote = $"{context.Connection.RemoteIpAddress}:{context.Connection.RemotePort}";
        using var connection = new WebSocketConnection(socket, _dispatcher, _hub, _options, _logger, remote);
        await connection.RunAsync(_stopping).ConfigureAwait(false);
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    private static Task WriteTooLargeAsync(HttpResponse response, long limit) =>
        WriteErrorAsync(
            response,
            StatusCodes.Status413PayloadTooLarge,
            JsonRpcErrorCodes.LimitExceeded,
            $"request body too large: the limit is {limit} bytes");

    private static async Task WriteErrorAsync(HttpResponse response, int status, int code, string message)
    {
        var output = new ArrayBufferWriter<byte>(128);
        JsonRpcDispatcher.WriteStandaloneError(output, code, message);
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength = output.WrittenCount;
        await response.Body.WriteAsync(output.WrittenMemory).ConfigureAwait(false);
    }
}
