using System.Collections.Immutable;
using Aro.Core.Rlp;
using Aro.Core.Transactions;

namespace Aro.Core.Blocks;

/// <summary>
/// Block = rlp([header, [tx, …], lastCommit, [evidence, …]]); body = rlp([[tx, …], lastCommit,
/// [evidence, …]]) (what the blocks column stores beside the header). As in Ethereum's block bodies a legacy transaction is its RLP
/// list and a typed one is an RLP string holding type ‖ rlp(fields). An absent last commit is the
/// empty list 0xc0 (a commit is never empty). Decoding is strict: canonical RLP, every transaction
/// decodes (see <see cref="TxDecoder"/>), at most <see cref="EvidenceList.MaxPerBlock"/> pieces of
/// evidence each well-formed, and for a block the last commit and the evidence match the header.
/// </summary>
public static class BlockCodec
{
    private static ReadOnlySpan<byte> NoCommit => [0xc0];

    public static byte[] Encode(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var headerLength = HeaderCodec.EncodedLength(block.Header);
        var content = checked(headerLength + BodyContentLength(block.Body, out var txsLength));
        var buffer = new byte[RlpWriter.LengthOfList(content)];
        var writer = new RlpWriter(buffer);
        writer.WriteListHeader(content);
        HeaderCodec.Write(ref writer, block.Header);
        WriteBodyItems(ref writer, block.Body, txsLength);
        return buffer;
    }

    public static byte[] EncodeBody(BlockBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var content = BodyContentLength(body, out var txsLength);
        var buffer = new byte[RlpWriter.LengthOfList(content)];
        var writer = new RlpWriter(buffer);
        writer.WriteListHeader(content);
        WriteBodyItems(ref writer, body, txsLength);
        return buffer;
    }

    /// <exception cref="BlockFormatException">Anything but exactly one canonical, self-consistent block.</exception>
    public static Block Decode(ReadOnlySpan<byte> encoded)
    {
        try
        {
            var reader = new RlpReader(encoded);
            var fields = reader.ReadList();
            reader.EnsureEnd();
            if (!fields.HasMore)
            {
                throw new BlockFormatException(BlockError.WrongFieldCount, "Block ends before its header; it has 4 items.");
            }

            var header = HeaderCodec.Read(ref fields);
            var body = ReadBodyItems(ref fields, "Block", 4);
            if (CheckLastCommit(header, body.LastCommit) is { } problem)
            {
                throw new BlockFormatException(BlockError.LastCommitMismatch, problem);
            }

            return Block.CheckEvidence(header, body) is { } evidenceProblem
                ? throw new BlockFormatException(BlockError.EvidenceHashMismatch, evidenceProblem)
                : new Block(header, body);
        }
        catch (RlpException e)
        {
            throw new BlockFormatException(BlockError.MalformedRlp, $"Block is not canonical RLP: {e.Message}", e);
        }
    }

    /// <exception cref="BlockFormatException">Anything but exactly one canonical body.</exception>
    public static BlockBody DecodeBody(ReadOnlySpan<byte> encoded)
    {
        try
        {
            var reader = new RlpReader(encoded);
            var fields = reader.ReadList();
            reader.EnsureEnd();
            return ReadBodyItems(ref fields, "Block body", 3);
        }
        catch (RlpException e)
        {
            throw new BlockFormatException(BlockError.MalformedRlp, $"Block body is not canonical RLP: {e.Message}", e);
        }
    }

    private static string? CheckLastCommit(BlockHeader header, Commit? lastCommit) => Block.CheckLastCommit(header, lastCommit);

    private static BlockBody ReadBodyItems(ref RlpReader fields, string what, int count)
    {
        if (!fields.HasMore)
        {
            throw new BlockFormatException(BlockError.WrongFieldCount, $"{what} ends before its transactions; it has {count} items.");
        }

        var list = fields.ReadList();
        var transactions = ImmutableArray.CreateBuilder<Transaction>();
        var encodings = ImmutableArray.CreateBuilder<ReadOnlyMemory<byte>>();
        while (list.HasMore)
        {
            var index = transactions.Count;
            ReadOnlySpan<byte> raw;
            if (list.IsNextList)
            {
                raw = list.ReadRaw();
            }
            else
            {
                raw = list.ReadBytes();
                if (raw.IsEmpty || raw[0] >= 0x80)
                {
                    throw new BlockFormatException(
                        BlockError.InvalidTransaction, $"{what}: transaction {index} is an RLP string that does not hold a typed transaction (legacy ones are lists).");
                }
            }

            var copy = raw.ToArray();
            try
            {
                transactions.Add(TxDecoder.Decode(copy));
            }
            catch (TransactionFormatException e)
            {
                throw new BlockFormatException(BlockError.InvalidTransaction, $"{what}: transaction {index}: {e.Message}", e);
            }

            encodings.Add(copy);
        }

        if (!fields.HasMore)
        {
            throw new BlockFormatException(BlockError.WrongFieldCount, $"{what} ends before its last commit; it has {count} items.");
        }

        Commit? lastCommit = null;
        var commitRaw = fields.ReadRaw();
        if (!commitRaw.SequenceEqual(NoCommit))
        {
            var commitReader = new RlpReader(commitRaw);
            lastCommit = CommitCodec.Read(ref commitReader);
        }

        if (!fields.HasMore)
        {
            throw new BlockFormatException(BlockError.WrongFieldCount, $"{what} ends before its evidence; it has {count} items.");
        }

        var evidence = EvidenceList.Read(ref fields, what);
        if (fields.HasMore)
        {
            throw new BlockFormatException(BlockError.WrongFieldCount, $"{what} has more than {count} items.");
        }

        return new BlockBody(transactions.DrainToImmutable(), encodings.DrainToImmutable(), lastCommit, evidence);
    }

    private static int BodyContentLength(BlockBody body, out int txsLength)
    {
        txsLength = 0;
        foreach (var encoded in body.EncodedTransactions)
        {
            txsLength = checked(txsLength + TxItemLength(encoded.Span));
        }

        var commitLength = body.LastCommit is { } commit ? CommitCodec.EncodedLength(commit) : NoCommit.Length;
        return checked(RlpWriter.LengthOfList(txsLength) + commitLength + EvidenceList.EncodedLength(body.Evidence));
    }

    private static void WriteBodyItems(ref RlpWriter writer, BlockBody body, int txsLength)
    {
        writer.WriteListHeader(txsLength);
        foreach (var encoded in body.EncodedTransactions)
        {
            var span = encoded.Span;
            if (IsLegacy(span))
            {
                writer.WriteRaw(span);
            }
            else
            {
                writer.WriteBytes(span);
            }
        }

        if (body.LastCommit is { } commit)
        {
            CommitCodec.Write(ref writer, commit);
        }
        else
        {
            writer.WriteRaw(NoCommit);
        }

        EvidenceList.Write(ref writer, body.Evidence);
    }

    private static bool IsLegacy(ReadOnlySpan<byte> encoded) => encoded[0] >= 0xc0;

    private static int TxItemLength(ReadOnlySpan<byte> encoded) =>
        IsLegacy(encoded) ? encoded.Length : RlpWriter.LengthOfBytes(encoded);
}
