using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Aro.JsonRpc.Tests;

/// <summary>A thin test client over ClientWebSocket: send text, receive whole messages.</summary>
internal sealed class WebSocketClient : IAsyncDisposable
{
    private static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(20);

    private WebSocketClient(ClientWebSocket socket) => Socket = socket;

    public ClientWebSocket Socket { get; }

    public static async Task<WebSocketClient> ConnectAsync(Uri uri, string? origin = null)
    {
        var socket = new ClientWebSocket();
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        await socket.ConnectAsync(uri, CancellationToken.None);
        return new WebSocketClient(socket);
    }

    public Task SendAsync(string text) =>
        Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    public async Task<JsonElement> ReceiveAsync()
    {
        var (type, text) = await ReceiveRawAsync();
        Assert.Equal(WebSocketMessageType.Text, type);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<(WebSocketMessageType Type, string Text)> ReceiveRawAsync()
    {
        using var timeout = new CancellationTokenSource(ReceiveTimeout);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await Socket.ReceiveAsync(buffer, timeout.Token);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return (result.MessageType, Encoding.UTF8.GetString(message.ToArray()));
    }

    /// <summary>Sends a call and returns the next message, which must be its response.</summary>
    public async Task<JsonElement> CallAsync(string json)
    {
        await SendAsync(json);
        return await ReceiveAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (WebSocketException)
            {
                // The server may already have gone.
            }
        }

        Socket.Dispose();
    }
}
