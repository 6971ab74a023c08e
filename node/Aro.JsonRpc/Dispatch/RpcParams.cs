using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Aro.JsonRpc.Dispatch;

/// <summary>Positional parameter binding shared by the typed methods.</summary>
internal static class RpcParams
{
    /// <summary>Checks the parameter count against the method's arity and returns it.</summary>
    public static int Count(JsonElement parameters, int required, int max)
    {
        var count = parameters.ValueKind == JsonValueKind.Array ? parameters.GetArrayLength() : 0;
        if (count > max)
        {
            throw JsonRpcException.InvalidParams($"too many arguments, want at most {max}");
        }

        if (count < required)
        {
            throw JsonRpcException.InvalidParams($"missing value for required argument {count}");
        }

        return count;
    }

    /// <summary>
    /// Binds parameter <paramref name="index"/>. An absent or null optional parameter is
    /// default(T) (for <see cref="BlockParameter"/> that is "latest"); a null required one is missing.
    /// </summary>
    public static T Bind<T>(JsonElement parameters, int index, int count, int required, JsonTypeInfo<T> type)
    {
        if (index >= count)
        {
            return default!;
        }

        var element = parameters[index];
        if (element.ValueKind == JsonValueKind.Null)
        {
            return index < required
                ? throw JsonRpcException.InvalidParams($"missing value for required argument {index}")
                : default!;
        }

        try
        {
            var value = element.Deserialize(type);
            return value is null
                ? throw JsonRpcException.InvalidParams($"missing value for required argument {index}")
                : value;
        }
        catch (JsonException ex)
        {
            throw JsonRpcException.InvalidParams($"invalid argument {index}: {ex.Message}");
        }
    }

    /// <summary>The string value, or null when it holds invalid UTF-8 (JSON parsing does not check inside strings).</summary>
    public static string? TryGetString(JsonElement element)
    {
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Writes a result, synchronously when the handler already finished (no state machine).</summary>
    public static ValueTask WriteAsync<TResult>(ValueTask<TResult> pending, Utf8JsonWriter writer, JsonTypeInfo<TResult> type)
    {
        if (pending.IsCompletedSuccessfully)
        {
            JsonSerializer.Serialize(writer, pending.Result, type);
            return default;
        }

        return Await(pending, writer, type);

        static async ValueTask Await(ValueTask<TResult> pending, Utf8JsonWriter writer, JsonTypeInfo<TResult> type)
        {
            var result = await pending.ConfigureAwait(false);
            JsonSerializer.Serialize(writer, result, type);
        }
    }
}
