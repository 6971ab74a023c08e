using System.Text.Json;
using System.Text.Json.Serialization;
using Aro.Core;
using Aro.JsonRpc;

namespace Aro.Node.Rpc.Dto;

/// <summary>
/// The filter object of eth_getLogs and the logs subscription: fromBlock/toBlock or blockHash, address
/// (one or an array: any of them), topics (per position: null = any, a hash, or an array = any of them).
/// Parsed strictly with geth's messages; unknown members are ignored, as geth does.
/// </summary>
[JsonConverter(typeof(LogFilterRequestJsonConverter))]
internal sealed class LogFilterRequest
{
    public BlockParameter? FromBlock { get; init; }

    public BlockParameter? ToBlock { get; init; }

    public Hash256? BlockHash { get; init; }

    /// <summary>Empty: any address.</summary>
    public IReadOnlyList<Address> Addresses { get; init; } = [];

    /// <summary>Per position: null (or empty) matches any topic; otherwise any of the listed ones.</summary>
    public IReadOnlyList<Hash256[]?> Topics { get; init; } = [];

    private LogFilter? _criteria;

    /// <summary>The address/topic criteria, built once (the logs subscription matches every log against it).</summary>
    public LogFilter Criteria => _criteria ??= LogFilter.From(this);
}

internal sealed class LogFilterRequestJsonConverter : JsonConverter<LogFilterRequest>
{
    /// <summary>geth's limit on topic positions (a log has at most four).</summary>
    public const int MaxTopicPositions = 4;

    public override LogFilterRequest Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("filter must be an object");
        }

        BlockParameter? from = null, to = null;
        Hash256? blockHash = null;
        IReadOnlyList<Address> addresses = [];
        IReadOnlyList<Hash256[]?> topics = [];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "fromBlock":
                    from = ReadBlock(ref reader, options);
                    break;
                case "toBlock":
                    to = ReadBlock(ref reader, options);
                    break;
                case "blockHash":
                    blockHash = reader.TokenType == JsonTokenType.Null ? null : JsonSerializer.Deserialize<Hash256>(ref reader, options);
                    break;
                case "address":
                    addresses = ReadAddresses(ref reader, options);
                    break;
                case "topics":
                    topics = ReadTopics(ref reader, options);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (blockHash is not null && (from is not null || to is not null))
        {
            throw new JsonException("cannot specify both BlockHash and FromBlock/ToBlock, choose one or the other");
        }

        return new LogFilterRequest { FromBlock = from, ToBlock = to, BlockHash = blockHash, Addresses = addresses, Topics = topics };
    }

    public override void Write(Utf8JsonWriter writer, LogFilterRequest value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Filters are only read.");

    private static BlockParameter? ReadBlock(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : JsonSerializer.Deserialize<BlockParameter>(ref reader, options);

    private static Address[] ReadAddresses(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return [];
            case JsonTokenType.String:
                return [JsonSerializer.Deserialize<Address>(ref reader, options)];
            case JsonTokenType.StartArray:
                var list = new List<Address>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        throw new JsonException("invalid address in filter: want a hex string");
                    }

                    list.Add(JsonSerializer.Deserialize<Address>(ref reader, options));
                }

                return [.. list];
            default:
                throw new JsonException("invalid addresses in query");
        }
    }

    private static Hash256[]?[] ReadTopics(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return [];
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("invalid topics in query: want an array");
        }

        var positions = new List<Hash256[]?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (positions.Count == MaxTopicPositions)
            {
                throw new JsonException($"too many topics: at most {MaxTopicPositions} positions");
            }

            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    positions.Add(null);
                    break;
                case JsonTokenType.String:
                    positions.Add([JsonSerializer.Deserialize<Hash256>(ref reader, options)]);
                    break;
                case JsonTokenType.StartArray:
                    var alternatives = new List<Hash256>();
                    var wildcard = false;
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        // geth: a null inside an OR list makes the whole position a wildcard.
                        if (reader.TokenType == JsonTokenType.Null)
                        {
                            wildcard = true;
                            continue;
                        }

                        if (reader.TokenType != JsonTokenType.String)
                        {
                            throw new JsonException("invalid topic(s)");
                        }

                        alternatives.Add(JsonSerializer.Deserialize<Hash256>(ref reader, options));
                    }

                    positions.Add(wildcard || alternatives.Count == 0 ? null : [.. alternatives]);
                    break;
                default:
                    throw new JsonException("invalid topic(s)");
            }
        }

        return [.. positions];
    }
}
