using System.Text.Json;
using System.Text.Json.Serialization;
using Aro.Core;

namespace Aro.JsonRpc.Json;

/// <summary>Reads and writes <see cref="BlockParameter"/> in all its execution-API spellings.</summary>
internal sealed class BlockParameterJsonConverter : JsonConverter<BlockParameter>
{
    /// <summary>geth keeps block numbers in an int64; numbers beyond it name no block anyone can reach.</summary>
    private const ulong MaxBlockNumber = long.MaxValue;

    public override BlockParameter Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return ReadObject(ref reader);
        }

        Span<char> buffer = stackalloc char[2 + (Hash256.Size * 2)];
        var text = buffer[..JsonHex.ReadString(ref reader, buffer, "block parameter")];
        switch (text)
        {
            case "latest":
                return BlockParameter.Latest;
            case "earliest":
                return BlockParameter.Earliest;
            case "pending":
                return BlockParameter.Pending;
            case "safe":
                return BlockParameter.Safe;
            case "finalized":
                return BlockParameter.Finalized;
        }

        // A 32-byte hex string is a block hash (geth accepts it bare, the execution-apis tests use it).
        if (text.Length == 2 + (Hash256.Size * 2))
        {
            return BlockParameter.FromHash(Hash256JsonConverter.Parse(text));
        }

        return BlockParameter.FromNumber(ReadNumber(text));
    }

    public override void Write(Utf8JsonWriter writer, BlockParameter value, JsonSerializerOptions options)
    {
        switch (value.Kind)
        {
            case BlockParameterKind.Number:
                JsonHex.WriteQuantity(writer, value.Number);
                break;
            case BlockParameterKind.Hash when value.RequireCanonical:
                writer.WriteStartObject();
                writer.WritePropertyName("blockHash"u8);
                JsonHex.WriteData(writer, value.Hash.Bytes);
                writer.WriteBoolean("requireCanonical"u8, true);
                writer.WriteEndObject();
                break;
            case BlockParameterKind.Hash:
                JsonHex.WriteData(writer, value.Hash.Bytes);
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }

    private static ulong ReadNumber(ReadOnlySpan<char> text)
    {
        var number = JsonHex.ParseQuantity64(text);
        if (number > MaxBlockNumber)
        {
            throw new JsonException("block number larger than int64");
        }

        return number;
    }

    /// <summary>EIP-1898: exactly one of blockNumber or blockHash, requireCanonical only with a hash.</summary>
    private static BlockParameter ReadObject(ref Utf8JsonReader reader)
    {
        ulong? number = null;
        Hash256? hash = null;
        bool? requireCanonical = null;
        Span<char> buffer = stackalloc char[2 + (Hash256.Size * 2)];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.ValueTextEquals("blockNumber"u8))
            {
                reader.Read();
                number = ReadNumber(buffer[..JsonHex.ReadString(ref reader, buffer, "blockNumber")]);
            }
            else if (reader.ValueTextEquals("blockHash"u8))
            {
                reader.Read();
                hash = Hash256JsonConverter.Parse(buffer[..JsonHex.ReadString(ref reader, buffer, "blockHash")]);
            }
            else if (reader.ValueTextEquals("requireCanonical"u8))
            {
                reader.Read();
                requireCanonical = reader.TokenType switch
                {
                    JsonTokenType.True => true,
                    JsonTokenType.False => false,
                    _ => throw new JsonException("requireCanonical must be a boolean"),
                };
            }
            else
            {
                throw new JsonException($"unknown field \"{reader.GetString()}\" in block parameter object");
            }
        }

        if (number.HasValue == hash.HasValue)
        {
            throw new JsonException("block parameter object needs exactly one of blockNumber and blockHash");
        }

        if (number.HasValue)
        {
            return requireCanonical.HasValue
                ? throw new JsonException("requireCanonical applies only to blockHash")
                : BlockParameter.FromNumber(number.Value);
        }

        return BlockParameter.FromHash(hash!.Value, requireCanonical ?? false);
    }
}
