using System.Collections.Immutable;
using Aro.Core.Rlp;
using Aro.Core.Transactions;

namespace Aro.Core.Blocks;

/// <summary>
/// Ethereum's consensus receipt encoding (what the receipts root and debug_getRawReceipts carry):
/// rlp([status, cumulativeGasUsed, bloom, logs]) for legacy transactions, type ‖ rlp(...) for typed
/// ones (EIP-2718); log = rlp([address, [topics], data]). Status is 0x80 (failure) or 0x01 (success);
/// a 32-byte string there is a pre-Byzantium post-state root. Decoding accepts only this canonical
/// form, so <c>Encode(Decode(x)) == x</c>.
/// </summary>
public static class ReceiptCodec
{
    private const string What = "Receipt";

    // Static data, so the slices may be handed to the writer.
    private static ReadOnlySpan<byte> TypeBytes => [0x00, 0x01, 0x02];

    public static byte[] Encode(Receipt receipt)
    {
        var buffer = new byte[EncodedLength(receipt)];
        var writer = new RlpWriter(buffer);
        Write(ref writer, receipt);
        return buffer;
    }

    /// <summary>Length of <see cref="Encode"/>'s output (type byte included for typed receipts).</summary>
    public static int EncodedLength(Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return (receipt.Type == TxType.Legacy ? 0 : 1) + RlpWriter.LengthOfList(ContentLength(receipt, out _));
    }

    /// <summary>Writes the consensus form (the envelope as is, not wrapped in an RLP string).</summary>
    internal static void Write(ref RlpWriter writer, Receipt receipt)
    {
        var content = ContentLength(receipt, out var logsLength);
        if (receipt.Type != TxType.Legacy)
        {
            writer.WriteRaw(TypeBytes.Slice((int)receipt.Type, 1));
        }

        writer.WriteListHeader(content);
        if (receipt.PostState is { } postState)
        {
            writer.WriteBytes(postState.Bytes);
        }
        else
        {
            writer.WriteUInt64(receipt.Status!.Value);
        }

        writer.WriteUInt64(receipt.CumulativeGasUsed);
        var bloom = receipt.Bloom;
        writer.WriteBytes(bloom.Bytes);
        writer.WriteListHeader(logsLength);
        foreach (var log in receipt.Logs)
        {
            WriteLog(ref writer, log);
        }
    }

    /// <exception cref="BlockFormatException">Anything but exactly one canonical receipt.</exception>
    public static Receipt Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.IsEmpty)
        {
            throw new BlockFormatException(BlockError.MalformedRlp, "Empty input is not a receipt.");
        }

        try
        {
            var type = TxType.Legacy;
            if (encoded[0] < 0x80)
            {
                type = (TxType)encoded[0];
                if (type == TxType.Legacy || !Receipt.IsKnownType(type))
                {
                    throw new BlockFormatException(BlockError.UnknownReceiptType, $"Unknown receipt type 0x{encoded[0]:x2}.");
                }

                encoded = encoded[1..];
            }
            else if (encoded[0] < 0xc0)
            {
                throw new BlockFormatException(
                    BlockError.UnknownReceiptType, $"First byte 0x{encoded[0]:x2} is an RLP string header: neither a type byte nor a legacy receipt list.");
            }

            var reader = new RlpReader(encoded);
            var fields = new BlockFieldReader(reader.ReadList(), What, 4);
            reader.EnsureEnd();
            return ReadFields(ref fields, type);
        }
        catch (RlpException e)
        {
            throw new BlockFormatException(BlockError.MalformedRlp, $"Receipt is not canonical RLP: {e.Message}", e);
        }
    }

    private static Receipt ReadFields(ref BlockFieldReader fields, TxType type)
    {
        byte? status = null;
        Hash256? postState = null;
        var outcome = fields.ReadBytes("status");
        switch (outcome.Length)
        {
            case 0:
                status = 0;
                break;
            case 1 when outcome[0] == 1:
                status = 1;
                break;
            case Hash256.Size:
                postState = new Hash256(outcome);
                break;
            default:
                throw new BlockFormatException(
                    BlockError.InvalidStatus, $"Receipt status is {Hex.Encode(outcome)}; it must be 0x80 (failure), 0x01 (success) or a 32-byte state root.");
        }

        var cumulativeGasUsed = fields.ReadUInt64("cumulativeGasUsed");
        var bloom = new Bloom(fields.ReadFixed("logsBloom", Bloom.Size));
        var logs = ReadLogs(fields.ReadList("logs"));
        fields.EnsureEnd();
        return Receipt.FromDecoded(type, status, postState, cumulativeGasUsed, bloom, logs);
    }

    private static ImmutableArray<Log> ReadLogs(RlpReader list)
    {
        if (!list.HasMore)
        {
            return [];
        }

        var logs = ImmutableArray.CreateBuilder<Log>();
        while (list.HasMore)
        {
            var fields = new BlockFieldReader(list.ReadList(), "Log", 3);
            var address = fields.ReadAddress("address");
            var topicList = fields.ReadList("topics");
            var topics = ImmutableArray.CreateBuilder<Hash256>();
            while (topicList.HasMore)
            {
                if (topics.Count == Log.MaxTopics)
                {
                    throw new BlockFormatException(BlockError.TooManyTopics, $"Log {logs.Count} has more than {Log.MaxTopics} topics.");
                }

                var topic = topicList.ReadBytes();
                if (topic.Length != Hash256.Size)
                {
                    throw new BlockFormatException(BlockError.InvalidLength, $"Log {logs.Count}: a topic is {topic.Length} bytes; topics are 32 bytes.");
                }

                topics.Add(new Hash256(topic));
            }

            var data = fields.ReadBytes("data").ToArray();
            fields.EnsureEnd();
            logs.Add(new Log(address, topics.DrainToImmutable(), data));
        }

        return logs.DrainToImmutable();
    }

    private static int ContentLength(Receipt receipt, out int logsLength)
    {
        logsLength = 0;
        foreach (var log in receipt.Logs)
        {
            logsLength = checked(logsLength + LogLength(log, out _));
        }

        var outcome = receipt.PostState is null ? 1 : 1 + Hash256.Size;
        return checked(outcome + RlpWriter.LengthOfUInt64(receipt.CumulativeGasUsed) + 3 + Bloom.Size + RlpWriter.LengthOfList(logsLength));
    }

    private static int LogLength(Log log, out int content)
    {
        var topics = log.Topics.Length * (1 + Hash256.Size);
        content = RlpUInt256Extensions.AddressLength + RlpWriter.LengthOfList(topics) + RlpWriter.LengthOfBytes(log.Data.Span);
        return RlpWriter.LengthOfList(content);
    }

    private static void WriteLog(ref RlpWriter writer, Log log)
    {
        LogLength(log, out var content);
        writer.WriteListHeader(content);
        writer.WriteAddress(log.Address);
        writer.WriteListHeader(log.Topics.Length * (1 + Hash256.Size));
        foreach (var topic in log.Topics)
        {
            writer.WriteBytes(topic.Bytes);
        }

        writer.WriteBytes(log.Data.Span);
    }
}
