using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using Aro.JsonRpc.Hosting;

namespace Aro.JsonRpc.Tests;

public sealed class ServerLifecycleTests
{
    private static JsonRpcServerOptions AnyPort() =>
        new() { EndPoint = new IPEndPoint(IPAddress.Loopback, 0) };

    [Fact]
    public void Defaults_to_loopback_8545_with_cors_off()
    {
        var options = new JsonRpcServerOptions();
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 8545), options.EndPoint);
        Assert.Empty(options.AllowedOrigins);
        Assert.Equal(5 * 1024 * 1024, options.MaxRequestBodyBytes);
    }

    [Fact]
    public async Task Port_zero_exposes_the_bound_port()
    {
        await using var server = new JsonRpcServer(Registry(), AnyPort());
        await server.StartAsync();
        Assert.NotNull(server.LocalEndPoint);
        Assert.NotEqual(0, server.LocalEndPoint!.Port);
        Assert.Equal(IPAddress.Loopback, server.LocalEndPoint.Address);
        Assert.Equal($"http://127.0.0.1:{server.LocalEndPoint.Port}/", server.HttpUri.ToString());
    }

    [Fact]
    public async Task Starting_twice_is_refused()
    {
        await using var server = new JsonRpcServer(Registry(), AnyPort());
        await server.StartAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => server.StartAsync());
    }

    [Fact]
    public async Task Stopping_closes_open_websockets_and_the_listener()
    {
        var server = new JsonRpcServer(Registry(), AnyPort());
        await server.StartAsync();
        var uri = server.HttpUri;
        var client = await WebSocketClient.ConnectAsync(server.WebSocketUri);
        await server.StopAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => client.ReceiveRawAsync());
        Assert.NotEqual(WebSocketState.Open, client.Socket.State);
        await client.DisposeAsync();
        using var http = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(uri));
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Allowed_origin_gets_cors_headers()
    {
        var options = AnyPort() with { AllowedOrigins = ["https://wallet.example"] };
        await using var server = new JsonRpcServer(Registry(), options);
        await server.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, server.HttpUri)
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"eth_chainId"}""", Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("Origin", "https://wallet.example");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("https://wallet.example", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public void Invalid_limits_are_refused_up_front() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new JsonRpcServer(Registry(), AnyPort() with { MaxBatchSize = 0 }));

    private static JsonRpcMethodRegistry Registry()
    {
        var registry = new JsonRpcMethodRegistry();
        registry.AddSync("eth_chainId", () => 1UL);
        return registry;
    }
}
