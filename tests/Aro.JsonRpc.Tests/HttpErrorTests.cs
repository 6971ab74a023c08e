using System.Net;
using System.Text.Json;

namespace Aro.JsonRpc.Tests;

/// <summary>Every error path of a single HTTP call, over a real socket.</summary>
public sealed class HttpErrorTests : IClassFixture<RpcServerFixture>
{
    private readonly RpcServerFixture _server;

    public HttpErrorTests(RpcServerFixture server) => _server = server;

    [Fact]
    public async Task Answers_a_call_with_result_and_echoed_id()
    {
        var response = await _server.CallAsync("""{"jsonrpc":"2.0","id":7,"method":"eth_chainId"}""");
        Assert.Equal("0x539", JsonAssert.Result(response).GetString());
        Assert.Equal(7, response.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Response_has_exactly_jsonrpc_id_and_result_in_that_order()
    {
        var (_, body) = await _server.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"web3_clientVersion","params":[]}""");
        Assert.Equal("""{"jsonrpc":"2.0","id":1,"result":"Aro/test"}""", body);
    }

    [Theory]
    [InlineData("\"abc\"")]
    [InlineData("null")]
    [InlineData("12345678901234567890123456789")]
    [InlineData("1.50")]
    [InlineData("-3")]
    [InlineData("\"\\u00e9\"")]
    public async Task Echoes_the_id_exactly(string id)
    {
        var (_, body) = await _server.PostAsync($$"""{"jsonrpc":"2.0","id":{{id}},"method":"web3_clientVersion"}""");
        Assert.Equal($$"""{"jsonrpc":"2.0","id":{{id}},"result":"Aro/test"}""", body);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"")]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"} trailing")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",}")]
    public async Task Invalid_json_is_a_parse_error_with_null_id(string body)
    {
        var response = await _server.CallAsync(body);
        JsonAssert.Error(response, JsonRpcErrorCodes.ParseError);
        Assert.Equal(JsonValueKind.Null, response.GetProperty("id").ValueKind);
    }

    [Fact]
    public async Task Nesting_deeper_than_64_levels_is_a_parse_error()
    {
        var deep = new string('[', 65) + new string(']', 65);
        var response = await _server.CallAsync($$"""{"jsonrpc":"2.0","id":1,"method":"test_echo","params":{{deep}}}""");
        JsonAssert.Error(response, JsonRpcErrorCodes.ParseError);
    }

    [Fact]
    public async Task Invalid_utf8_in_a_string_param_is_invalid_params()
    {
        var response = await PostBytesAsync([.. "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":[\""u8, 0xff, 0xfe, .. "\"]}"u8]);
        JsonAssert.Error(response, JsonRpcErrorCodes.InvalidParams);
    }

    [Fact]
    public async Task Invalid_utf8_in_the_method_name_is_an_invalid_request()
    {
        var response = await PostBytesAsync([.. "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_"u8, 0xff, .. "\"}"u8]);
        JsonAssert.Error(response, JsonRpcErrorCodes.InvalidRequest);
        Assert.Equal(1, response.GetProperty("id").GetInt32());
    }

    [Theory]
    [InlineData("42")]
    [InlineData("\"eth_chainId\"")]
    [InlineData("true")]
    [InlineData("null")]
    public async Task Json_that_is_not_an_object_or_array_is_an_invalid_request(string body)
    {
        var response = await _server.CallAsync(body);
        JsonAssert.Error(response, JsonRpcErrorCodes.InvalidRequest);
        Assert.Equal(JsonValueKind.Null, response.GetProperty("id").ValueKind);
    }

    [Theory]
    [InlineData("""{"id":1,"method":"eth_chainId"}""")]
    [InlineData("""{"jsonrpc":"1.0","id":1,"method":"eth_chainId"}""")]
    [InlineData("""{"jsonrpc":2.0,"id":1,"method":"eth_chainId"}""")]
    public async Task Wrong_or_missing_version_is_an_invalid_request_that_keeps_the_id(string body)
    {
        var response = await _server.CallAsync(body);
        JsonAssert.Error(response, JsonRpcErrorCodes.InvalidRequest);
        Assert.Equal(1, response.GetProperty("id").GetInt32());
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":{"a":1},"method":"eth_chainId"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":[1],"method":"eth_chainId"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":true,"method":"eth_chainId"}""")]
    public async Task Id_of_invalid_type_is_an_invalid_request_with_null_id(string body)
    {
        var response = await _server.CallAsync(body);
        JsonAssert.Error(response, JsonRpcErrorCodes.InvalidRequest);
        Assert.Equal(JsonValueKind.Null, response.GetProperty("id").ValueKind);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":5}""")]
    public async Task Missing_or_non_string_method_is_an_invalid_request(string body) =>
        JsonAssert.Error(await _server.CallAsync(body), JsonRpcErrorCodes.InvalidRequest);

    [Fact]
    public async Task Unknown_method_names_the_method()
    {
        var response = await _server.CallAsync("""{"jsonrpc":"2.0","id":1,"method":"eth_mine"}""");
        var error = JsonAssert.Error(response, JsonRpcErrorCodes.MethodNotFound);
        Assert.Equal("the method eth_mine does not exist/is not available", JsonAssert.Message(error));
    }

    [Fact]
    public async Task Named_params_are_invalid_params()
    {
        var response = await _server.CallAsync("""{"jsonrpc":"2.0","id":1,"method":"test_echo","params":{"text":"x"}}""");
        JsonAssert.Error(response, JsonRpcErrorCodes.InvalidParams);
    }

    [Fact]
    public async Task Wrong_param_type_names_the_index()
    {
        var response = await _server.CallAsync("""{"jsonrpc":"2.0","id":1,"method":"test_add","params":["0x1",2]}""");
        var error = JsonAssert.Error(response, JsonRpcErrorCodes.InvalidParams);
        Assert.StartsWith("invalid argument 1: ", JsonAssert.Message(error));
    }

    [Fact]
    public async Task Leading_zero_quantity_is_invalid_params()
    {
        var response = await _server.CallAsync("""{"jsonrpc":"2.0","id":1,"method":"test_add","params":["0x01","0x2"]}""");
        var error = JsonAssert.Error(response, JsonRpcErrorCodes.InvalidParams);
        Assert.Equal("invalid argument 0: hex number with leading zero digits", JsonAssert.Message(error));
    }

    [Fact]
    public async Task Odd_length_data_is_invalid_params()
    {
        var response = await _server.CallAsync("""{"jsonrpc":"2.0","id":1,"method":"test_bytes","params":["0xabc"]}""");
        var error = JsonAssert.Error(response, JsonRpcErrorCodes.InvalidParams);
        Assert.Equal("invalid argument 0: hex string of odd length", JsonAssert.Message(error));
    }

    [Fact]
    public async Task Too_many_params_is_invalid_params()
    {
        var response = await _server.CallAsync("""{"jsonrpc":"2.0","id":1,"method":"test_add","params":["0x1","0x2","0x3"]}""");
        var error = JsonAssert.Error(response, JsonRpcErrorCodes.InvalidParams);
        Assert.Equal("too many arguments, want at most 2", JsonAssert.Message(error));
    }

    [Fact]
    public async Task Missing_required_param_is_invalid_params()
    {
        var response = await _server.CallAsync("""{"jsonrpc":"2.0","id":1,"method":"test_add","params":["0x1"]}""");
        var error = JsonAssert.Error(response, JsonRpcErrorCodes.InvalidParams);
        Assert.Equal("missing value for required argument 1", JsonAssert.Message(error));
    }

    [Fact]
    public async Task Null_for_a_required_param_is_invalid_params()
    {
        var response = await _server.CallAsync("""{"jsonrpc":"2.0","id":1,"method":"test_add","params":[null,"0x1"]}""");
        var error = JsonAssert.Error(response, JsonRpcErrorCodes.InvalidParams);
        Assert.Equal("missing value for required argument 0", JsonAssert.Message(error));
    }

    [Fact]
    public async Task Missing_optional_block_param_means_latest()
    {
        var response = await _server.CallAsync("""{"jsonrpc":"2.0","id":1,"method":"eth_getBalance","params":["0x7dcd17433742f4c0ca53122ab541d0ba67fc27df"]}""");
        var result = JsonAssert.Result(response);
        Assert.Equal("0x7dcd17433742f4c0ca53122ab541d0ba67fc27df", result.GetProperty("address").GetString());
        Assert.Equal("latest", result.GetProperty("block").GetString());
    }

    [Fact]
    public async Task Handler_exception_is_an_internal_error_that_leaks_nothing_and_is_logged()
    {
        var (status, body) = await _server.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"test_throw"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"jsonrpc":"2.0","id":1,"error":{"code":-32603,"message":"internal error"}}""", body);
        Assert.DoesNotContain("secret", body, StringComparison.Ordinal);
        Assert.Contains(_server.Logs.Entries, e => e.Exception is InvalidOperationException && e.Message.Contains("test_throw", StringComparison.Ordinal));
    }

    [Fact]
    public async Task JsonRpcException_gives_its_code_message_and_data()
    {
        var (_, body) = await _server.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"test_revert"}""");
        Assert.Equal("""{"jsonrpc":"2.0","id":1,"error":{"code":3,"message":"execution reverted: user error","data":"0x08c379a0"}}""", body);
    }

    [Fact]
    public async Task JsonRpcException_without_data_has_no_data_member()
    {
        var (_, body) = await _server.PostAsync("""{"jsonrpc":"2.0","id":"a","method":"test_serverError"}""");
        Assert.Equal("""{"jsonrpc":"2.0","id":"a","error":{"code":-32000,"message":"nonce too low"}}""", body);
    }

    [Fact]
    public async Task Unserializable_error_data_is_left_out_and_logged()
    {
        var (_, body) = await _server.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"test_badData"}""");
        Assert.Equal("""{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"bad data"}}""", body);
        Assert.Contains(_server.Logs.Entries, e => e.Message.Contains("test_badData", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Requests_are_not_logged_at_information()
    {
        await _server.CallAsync("""{"jsonrpc":"2.0","id":1,"method":"eth_chainId"}""");
        await _server.CallAsync("""{"jsonrpc":"2.0","id":2,"method":"eth_nope"}""");
        Assert.DoesNotContain(
            _server.Logs.Entries,
            e => e.Level == Microsoft.Extensions.Logging.LogLevel.Information && !e.Message.StartsWith("JSON-RPC ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Asynchronous_handlers_complete()
    {
        var response = await _server.CallAsync("""{"jsonrpc":"2.0","id":1,"method":"test_async","params":["0x5"]}""");
        Assert.Equal("done", JsonAssert.Result(response).GetString());
    }

    [Fact]
    public async Task Null_result_is_written_as_null()
    {
        var (_, body) = await _server.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"test_null"}""");
        Assert.Equal("""{"jsonrpc":"2.0","id":1,"result":null}""", body);
    }

    [Fact]
    public async Task Notification_gets_an_empty_response_but_runs()
    {
        var before = Volatile.Read(ref _server.HandlerCalls);
        var (status, body) = await _server.PostAsync("""{"jsonrpc":"2.0","method":"test_count"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(string.Empty, body);
        Assert.Equal(before + 1, Volatile.Read(ref _server.HandlerCalls));
    }

    [Fact]
    public async Task Oversized_body_is_413_with_an_error_naming_the_limit()
    {
        var padding = new string('a', (int)RpcServerFixture.MaxBodyBytes);
        var (status, body) = await _server.PostAsync($$"""{"jsonrpc":"2.0","id":1,"method":"test_echo","params":["{{padding}}"]}""");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        var error = JsonAssert.Error(JsonDocument.Parse(body).RootElement, JsonRpcErrorCodes.LimitExceeded);
        Assert.Contains(RpcServerFixture.MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), JsonAssert.Message(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oversized_chunked_body_without_length_is_413()
    {
        var padding = new string('a', (int)RpcServerFixture.MaxBodyBytes);
        using var content = new PushContent($$"""{"jsonrpc":"2.0","id":1,"method":"test_echo","params":["{{padding}}"]}""");
        using var response = await _server.Http.PostAsync(_server.Server.HttpUri, content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        JsonAssert.Error(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement, JsonRpcErrorCodes.LimitExceeded);
    }

    [Fact]
    public async Task Body_just_under_the_limit_is_served()
    {
        var envelope = """{"jsonrpc":"2.0","id":1,"method":"test_echo","params":[""]}""".Length;
        var padding = new string('a', (int)RpcServerFixture.MaxBodyBytes - envelope);
        var response = await _server.CallAsync($$"""{"jsonrpc":"2.0","id":1,"method":"test_echo","params":["{{padding}}"]}""");
        Assert.Equal(padding.Length, JsonAssert.Result(response).GetString()!.Length);
    }

    [Fact]
    public async Task Non_json_content_type_is_415()
    {
        var (status, body) = await _server.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"eth_chainId"}""", "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        JsonAssert.Error(JsonDocument.Parse(body).RootElement, JsonRpcErrorCodes.InvalidRequest);
    }

    [Fact]
    public async Task Get_is_405()
    {
        using var response = await _server.Http.GetAsync(_server.Server.HttpUri);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Cors_is_off_by_default()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, _server.Server.HttpUri);
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        using var response = await _server.Http.SendAsync(request);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Subscribing_over_http_is_refused()
    {
        var response = await _server.CallAsync("""{"jsonrpc":"2.0","id":1,"method":"eth_subscribe","params":["newHeads"]}""");
        var error = JsonAssert.Error(response, JsonRpcErrorCodes.MethodNotFound);
        Assert.Equal("notifications not supported", JsonAssert.Message(error));
    }

    private async Task<JsonElement> PostBytesAsync(byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await _server.Http.PostAsync(_server.Server.HttpUri, content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync()).RootElement.Clone();
    }

    /// <summary>Content with no length, so the client sends it chunked.</summary>
    private sealed class PushContent : HttpContent
    {
        private readonly string text;

        public PushContent(string text)
        {
            this.text = text;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text));

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
            stream.Write(System.Text.Encoding.UTF8.GetBytes(text));
    }
}
