using Aro.Core;
using Aro.Core.Blocks;
using Aro.Core.Rlp;
using Aro.Network.Peers;

namespace Aro.Network.Sync;

/// <summary>
/// Messages of <see cref="ChannelId.BlockSync"/>: a type byte, then RLP.
/// <list type="bullet">
/// <item>status = <c>0x01 ‖ rlp([height, headHash])</c></item>
/// <item>get-blocks = <c>0x02 ‖ rlp([from, count])</c>, 1 ≤ count ≤ <see cref="MaxBlocksPerRequest"/></item>
/// <item>blocks = <c>0x03 ‖ rlp([from, [[block, commit], …]])</c> with Aro.Core's block and commit
/// encodings; consecutive heights from <c>from</c>; empty when the server has none of them</item>
/// </list>
/// Decoding is strict: wrong type, trailing bytes, non-canonical RLP or a bad block or commit is an
/// <see cref="InvalidMessageException"/>.
/// </summary>
internal static class SyncMessage
{
    public const byte StatusType = 1;
    public const byte GetBlocksType = 2;
    public const byte BlocksType = 3;

    public const int MaxBlocksPerRequest = 64;

    /// <summary>A blocks response stops before this many bytes (well under the 4 MiB frame limit).</summary>
    public const int MaxResponseBytes = 3 * 1024 * 1024;

    public static byte[] Status(SyncStatus status)
    {
        var content = RlpWriter.LengthOfUInt64(status.Height) + 1 + Hash256.Size;
        var message = new byte[1 + RlpWriter.LengthOfList(content)];
        message[0] = StatusType;
        var writer = new RlpWriter(message.AsSpan(1));
        writer.WriteListHeader(content);
        writer.WriteUInt64(status.Height);
        writer.WriteBytes(status.HeadHash.Bytes);
        return message;
    }

    public static byte[] GetBlocks(ulong from, int count)
    {
        var content = RlpWriter.LengthOfUInt64(from) + RlpWriter.LengthOfUInt64((ulong)count);
        var message = new byte[1 + RlpWriter.LengthOfList(content)];
        message[0] = GetBlocksType;
        var writer = new RlpWriter(message.AsSpan(1));
        writer.WriteListHeader(content);
        writer.WriteUInt64(from);
        writer.WriteUInt64((ulong)count);
        return message;
    }

    /// <summary>Encoded blocks paired with their encoded commits, in height order from <paramref name="from"/>.</summary>
    public static byte[] Blocks(ulong from, IReadOnlyList<(byte[] Block, byte[] Commit)> blocks)
    {
        var itemsLength = 0;
        foreach (var (block, commit) in blocks)
        {
            itemsLength += RlpWriter.LengthOfList(block.Length + commit.Length);
        }

        var content = RlpWriter.LengthOfUInt64(from) + RlpWriter.LengthOfList(itemsLength);
        var message = new byte[1 + RlpWriter.LengthOfList(content)];
        message[0] = BlocksType;
        var writer = new RlpWriter(message.AsSpan(1));
        writer.WriteListHeader(content);
        writer.WriteUInt64(from);
        writer.WriteListHeader(itemsLength);
        foreach (var (block, commit) in blocks)
        {
            writer.WriteListHeader(block.Length + commit.Length);
            writer.WriteRaw(block);
            writer.WriteRaw(commit);
        }

        return message;
    }

    public static byte TypeOf(ReadOnlySpan<byte> message) =>
        message.IsEmpty ? throw new InvalidMessageException("empty block-sync message") : message[0];

    public static SyncStatus ReadStatus(ReadOnlySpan<byte> message) =>
        Decode(message, "status", static (ref RlpReader fields) =>
        {
            var height = fields.ReadUInt64();
            var hash = fields.ReadBytes();
            if (hash.Length != Hash256.Size)
            {
                throw new InvalidMessageException($"status head hash is {hash.Length} bytes, not 32");
            }

            return new SyncStatus(height, new Hash256(hash));
        });

    public static (ulong From, int Count) ReadGetBlocks(ReadOnlySpan<byte> message) =>
        Decode(message, "get-blocks", static (ref RlpReader fields) =>
        {
            var from = fields.ReadUInt64();
            var count = fields.ReadUInt64();
            if (count is 0 or > MaxBlocksPerRequest)
            {
                throw new InvalidMessageException($"get-blocks asks for {count} blocks; 1 to {MaxBlocksPerRequest} are allowed");
            }

            if (from == 0)
            {
                throw new InvalidMessageException("get-blocks from 0: genesis comes from the genesis file, not from peers");
            }

            return (from, (int)count);
        });

    public static (ulong From, List<CommittedBlock> Blocks) ReadBlocks(ReadOnlySpan<byte> message) =>
        Decode(message, "blocks", static (ref RlpReader fields) =>
        {
            var from = fields.ReadUInt64();
            var items = fields.ReadList();
            var blocks = new List<CommittedBlock>();
            while (items.HasMore)
            {
                if (blocks.Count == MaxBlocksPerRequest)
                {
                    throw new InvalidMessageException($"blocks response holds more than {MaxBlocksPerRequest} blocks");
                }

                var pair = items.ReadList();
                var block = BlockCodec.Decode(pair.ReadRaw());
                var commit = CommitCodec.Decode(pair.ReadRaw());
                pair.EnsureEnd();
                blocks.Add(new CommittedBlock(block, commit));
            }

            return (from, blocks);
        });

    private delegate T FieldsReader<T>(ref RlpReader fields);

    private static T Decode<T>(ReadOnlySpan<byte> message, string what, FieldsReader<T> read)
    {
        try
        {
            var reader = new RlpReader(message[1..]);
            var fields = reader.ReadList();
            reader.EnsureEnd();
            var result = read(ref fields);
            fields.EnsureEnd();
            return result;
        }
        catch (RlpException e)
        {
            throw new InvalidMessageException($"{what} message is not canonical RLP: {e.Message}", e);
        }
        catch (BlockFormatException e)
        {
            throw new InvalidMessageException($"{what} message holds a bad block or commit: {e.Message}", e);
        }
    }
}
