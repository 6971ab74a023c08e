using System.Buffers;
using System.Collections.Frozen;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Aro.JsonRpc.Dispatch;

/// <summary>
/// Turns one request body (a single call or a batch) into its response body. Transport-free, so
/// HTTP and WebSocket share it. Batch entries run in order and answer in order.
/// </summary>
internal sealed class JsonRpcDispatcher
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    private readonly FrozenDictionary<string, RpcMethod> _methods;
    private readonly JsonSerializerOptions _serializerOptions;
    private readonly int _maxBatchSize;
    private readonly ILogger _logger;

    public JsonRpcDispatcher(JsonRpcMethodRegistry registry, int maxBatchSize, ILogger logger)
    {
        _methods = registry.Freeze();
        _serializerOptions = registry.SerializerOptions;
        _maxBatchSize = maxBatchSize;
        _logger = logger;
    }

    /// <summary>
    /// Dispatches <paramref name="body"/> and writes the response to <paramref name="output"/>.
    /// Writes nothing when every call was a notification.
    /// </summary>
    public async ValueTask DispatchAsync(ReadOnlySequence<byte> body, IBufferWriter<byte> output, RpcCallContext context)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException)
        {
            WriteStandaloneError(output, JsonRpcErrorCodes.ParseError, "parse error");
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                await DispatchBatchAsync(root, output, context).ConfigureAwait(false);
                return;
            }

            await HandleCallAsync(root, output, new ArrayBufferWriter<byte>(256), context).ConfigureAwait(false);
        }
    }

    /// <summary>A complete error response with a null id, for failures before any call is known.</summary>
    public static void WriteStandaloneError(IBufferWriter<byte> output, int code, string message)
    {
        using var writer = new Utf8JsonWriter(output);
        WriteError(writer, default, code, message, null);
    }

    private async ValueTask DispatchBatchAsync(JsonElement batch, IBufferWriter<byte> output, RpcCallContext context)
    {
        var length = batch.GetArrayLength();
        if (length == 0)
        {
            WriteStandaloneError(output, JsonRpcErrorCodes.InvalidRequest, "empty batch");
            return;
        }

        if (length > _maxBatchSize)
        {
            WriteStandaloneError(
                output,
                JsonRpcErrorCodes.InvalidRequest,
                $"batch too large: {length} requests, the limit is {_maxBatchSize}");
            return;
        }

        var scratch = new ArrayBufferWriter<byte>(256);
        var response = new ArrayBufferWriter<byte>(256);
        var written = 0;
        foreach (var call in batch.EnumerateArray())
        {
            response.ResetWrittenCount();
            if (!await HandleCallAsync(call, response, scratch, context).ConfigureAwait(false))
            {
                continue;
            }

            // The array opens with the first answer: a batch of notifications gets no response.
            output.Write(written++ == 0 ? "["u8 : ","u8);
            output.Write(response.WrittenSpan);
        }

        if (written > 0)
        {
            output.Write("]"u8);
        }
    }

    /// <summary>Handles one call; returns whether a response was written (false for a notification).</summary>
    private async ValueTask<bool> HandleCallAsync(
        JsonElement call, IBufferWriter<byte> output, ArrayBufferWriter<byte> scratch, RpcCallContext context)
    {
        using var writer = new Utf8JsonWriter(output);
        if (call.ValueKind != JsonValueKind.Object)
        {
            WriteError(writer, default, JsonRpcErrorCodes.InvalidRequest, "invalid request: not a JSON object", null);
            return true;
        }

        var hasId = call.TryGetProperty("id"u8, out var id);
        if (hasId && id.ValueKind is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.Null))
        {
            WriteError(writer, default, JsonRpcErrorCodes.InvalidRequest, "invalid request: id must be a string, number or null", null);
            return true;
        }

        if (!call.TryGetProperty("jsonrpc"u8, out var version) || version.ValueKind != JsonValueKind.String || !version.ValueEquals("2.0"u8))
        {
            WriteError(writer, id, JsonRpcErrorCodes.InvalidRequest, "invalid request: jsonrpc must be \"2.0\"", null);
            return true;
        }

        if (!call.TryGetProperty("method"u8, out var methodElement) || methodElement.ValueKind != JsonValueKind.String)
        {
            WriteError(writer, id, JsonRpcErrorCodes.InvalidRequest, "invalid request: method must be a string", null);
            return true;
        }

        var name = RpcParams.TryGetString(methodElement);
        if (name is null)
        {
            WriteError(writer, id, JsonRpcErrorCodes.InvalidRequest, "invalid request: method is not valid UTF-8", null);
            return true;
        }

        JsonElement parameters = default;
        if (call.TryGetProperty("params"u8, out var paramsElement))
        {
            switch (paramsElement.ValueKind)
            {
                case JsonValueKind.Array:
                    parameters = paramsElement;
                    break;
                case JsonValueKind.Null:
                    break;
                default:
                    if (!hasId)
                    {
                        return false;
                    }

                    WriteError(writer, id, JsonRpcErrorCodes.InvalidParams, "invalid params: params must be an array (positional)", null);
                    return true;
            }
        }

        if (!_methods.TryGetValue(name, out var method))
        {
            if (!hasId)
            {
                return false;
            }

            WriteError(writer, id, JsonRpcErrorCodes.MethodNotFound, $"the method {Truncate(name)} does not exist/is not available", null);
            return true;
        }

        scratch.ResetWrittenCount();
        var resultWriter = new Utf8JsonWriter(scratch);
        try
        {
            await method.InvokeAsync(parameters, resultWriter, context).ConfigureAwait(false);
            resultWriter.Flush();
        }
        catch (JsonRpcException ex)
        {
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                _logger.LogDebug("RPC {Method} failed with {Code}: {Message}", name, ex.Code, ex.Message);
            }

            if (hasId)
            {
                WriteError(writer, id, ex.Code, ex.Message, SerializeData(name, ex.ErrorData));
            }

            return hasId;
        }
        catch (Exception ex)
        {
            // The caller learns only that it failed; the details are for the operator.
            _logger.LogError(ex, "RPC {Method} threw an unexpected exception", name);
            if (hasId)
            {
                WriteError(writer, id, JsonRpcErrorCodes.InternalError, "internal error", null);
            }

            return hasId;
        }
        finally
        {
            await resultWriter.DisposeAsync().ConfigureAwait(false);
        }

        if (!hasId)
        {
            return false;
        }

        writer.WriteStartObject();
        writer.WriteString("jsonrpc"u8, "2.0"u8);
        WriteId(writer, id);
        writer.WritePropertyName("result"u8);
        writer.WriteRawValue(scratch.WrittenSpan, skipInputValidation: true);
        writer.WriteEndObject();
        return true;
    }

    /// <summary>
    /// The error's data as JSON, serialized before the response starts so a type the options cannot
    /// write costs only the data member, not the whole response.
    /// </summary>
    private byte[]? SerializeData(string method, object? data)
    {
        if (data is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.SerializeToUtf8Bytes(data, data.GetType(), _serializerOptions);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            _logger.LogError(ex, "RPC {Method}: error data of type {Type} cannot be serialized; left out", method, data.GetType().Name);
            return null;
        }
    }

    private static void WriteError(Utf8JsonWriter writer, JsonElement id, int code, string message, byte[]? data)
    {
        writer.WriteStartObject();
        writer.WriteString("jsonrpc"u8, "2.0"u8);
        WriteId(writer, id);

        writer.WriteStartObject("error"u8);
        writer.WriteNumber("code"u8, code);
        writer.WriteString("message"u8, message);
        if (data is not null)
        {
            writer.WritePropertyName("data"u8);
            writer.WriteRawValue(data, skipInputValidation: true);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The id's original bytes: re-encoding could change "1.50" or an escaped string.</summary>
    private static void WriteId(Utf8JsonWriter writer, JsonElement id)
    {
        writer.WritePropertyName("id"u8);
        if (id.ValueKind == JsonValueKind.Undefined)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(id), skipInputValidation: true);
        }
    }

    /// <summary>Never echo a megabyte method name back.</summary>
    private static string Truncate(string name) => name.Length <= 64 ? name : string.Concat(name.AsSpan(0, 61), "...");
}
