using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Aro.JsonRpc.Json;

/// <summary>The serializer settings of the Ethereum JSON-RPC wire format.</summary>
public static class EthereumJson
{
    /// <summary>
    /// Options with the wire-type converters (Hash256, Address, UInt256 and ulong as QUANTITY,
    /// byte[] as DATA, BlockParameter, StorageKey), camelCase property names and strict reading.
    /// Pass a source-generated resolver to avoid reflection for result types; types it does not
    /// know fall back to the reflection-based resolver.
    /// </summary>
    public static JsonSerializerOptions CreateOptions(IJsonTypeInfoResolver? resolver = null)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            // A given (source-generated) resolver goes first; reflection only covers what it lacks.
            TypeInfoResolver = resolver is null
                ? new DefaultJsonTypeInfoResolver()
                : JsonTypeInfoResolver.Combine(resolver, new DefaultJsonTypeInfoResolver()),
            MaxDepth = 64,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
        };
        options.Converters.Add(new Hash256JsonConverter());
        options.Converters.Add(new AddressJsonConverter());
        options.Converters.Add(new UInt256QuantityJsonConverter());
        options.Converters.Add(new UInt64QuantityJsonConverter());
        options.Converters.Add(new HexBytesJsonConverter());
        options.Converters.Add(new BlockParameterJsonConverter());
        options.Converters.Add(new StorageKeyJsonConverter());
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Shared default options (read-only).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();
}
