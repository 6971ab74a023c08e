namespace Aro.JsonRpc;

/// <summary>
/// Thrown by a handler to answer with a specific JSON-RPC error; the message and data go to the
/// caller as given, so they must not contain anything private.
/// </summary>
public sealed class JsonRpcException : Exception
{
    public JsonRpcException()
        : this(JsonRpcErrorCodes.ServerError, "server error")
    {
    }

    public JsonRpcException(string message)
        : this(JsonRpcErrorCodes.ServerError, message)
    {
    }

    public JsonRpcException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = JsonRpcErrorCodes.ServerError;
    }

    /// <param name="code">The error code, e.g. <see cref="JsonRpcErrorCodes.ServerError"/>.</param>
    /// <param name="message">A short sentence for the caller.</param>
    /// <param name="data">Optional payload serialized as the error's <c>data</c> (e.g. revert bytes as <see cref="byte"/>[]).</param>
    public JsonRpcException(int code, string message, object? data = null)
        : base(message)
    {
        Code = code;
        ErrorData = data;
    }

    public int Code { get; }

    /// <summary>The error's <c>data</c> member, or null to leave it out.</summary>
    public object? ErrorData { get; }

    internal static JsonRpcException InvalidParams(string message) => new(JsonRpcErrorCodes.InvalidParams, message);
}
