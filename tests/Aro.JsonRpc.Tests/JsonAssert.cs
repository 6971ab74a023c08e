using System.Text.Json;

namespace Aro.JsonRpc.Tests;

internal static class JsonAssert
{
    /// <summary>Asserts an error response and returns its error object.</summary>
    public static JsonElement Error(JsonElement response, int code)
    {
        Assert.Equal("2.0", response.GetProperty("jsonrpc").GetString());
        Assert.False(response.TryGetProperty("result", out _), "an error response has no result");
        var error = response.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        return error;
    }

    /// <summary>Asserts a success response and returns its result.</summary>
    public static JsonElement Result(JsonElement response)
    {
        Assert.Equal("2.0", response.GetProperty("jsonrpc").GetString());
        Assert.False(response.TryGetProperty("error", out var error), "unexpected error: " + error);
        return response.GetProperty("result");
    }

    public static string Message(JsonElement error) => error.GetProperty("message").GetString()!;
}
