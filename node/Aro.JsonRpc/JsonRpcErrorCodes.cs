namespace Aro.JsonRpc;

/// <summary>The error codes of JSON-RPC 2.0 and the Ethereum execution API that this server emits.</summary>
public static class JsonRpcErrorCodes
{
    /// <summary>The body is not valid JSON.</summary>
    public const int ParseError = -32700;

    /// <summary>Valid JSON that is not a request: wrong jsonrpc version, bad id, empty or oversized batch.</summary>
    public const int InvalidRequest = -32600;

    /// <summary>No handler under that name (also: subscriptions asked for over HTTP).</summary>
    public const int MethodNotFound = -32601;

    /// <summary>Missing, surplus or malformed parameters.</summary>
    public const int InvalidParams = -32602;

    /// <summary>A handler failed unexpectedly; the details go to the log, never to the caller.</summary>
    public const int InternalError = -32603;

    /// <summary>Generic server error for a well-formed request the node could not serve.</summary>
    public const int ServerError = -32000;

    /// <summary>A configured limit (body size, batch length, log range) was exceeded.</summary>
    public const int LimitExceeded = -32005;

    /// <summary>Execution reverted; <c>data</c> carries the revert bytes (execution-apis eth_call).</summary>
    public const int ExecutionReverted = 3;
}
