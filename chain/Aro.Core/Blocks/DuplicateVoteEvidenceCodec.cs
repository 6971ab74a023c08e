using Aro.Core.Rlp;

namespace Aro.Core.Blocks;

/// <summary>rlp([voteA, voteB]) with each vote as <see cref="VoteCodec"/> writes it, in canonical order.</summary>
public static class DuplicateVoteEvidenceCodec
{
    private const string What = "DuplicateVoteEvidence";

    public static byte[] Encode(DuplicateVoteEvidence evidence)
    {
        var buffer = new byte[EncodedLength(evidence)];
        var writer = new RlpWriter(buffer);
        Write(ref writer, evidence);
        return buffer;
    }

    public static int EncodedLength(DuplicateVoteEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return RlpWriter.LengthOfList(ContentLength(evidence));
    }

    /// <exception cref="BlockFormatException">Malformed votes, votes that do not conflict, or votes out of canonical order.</exception>
    public static DuplicateVoteEvidence Decode(ReadOnlySpan<byte> encoded)
    {
        try
        {
            var reader = new RlpReader(encoded);
            var evidence = Read(ref reader);
            reader.EnsureEnd();
            return evidence;
        }
        catch (RlpException e)
        {
            throw new BlockFormatException(BlockError.MalformedRlp, $"{What} is not canonical RLP: {e.Message}", e);
        }
    }

    internal static void Write(ref RlpWriter writer, DuplicateVoteEvidence evidence)
    {
        writer.WriteListHeader(ContentLength(evidence));
        VoteCodec.Write(ref writer, evidence.VoteA);
        VoteCodec.Write(ref writer, evidence.VoteB);
    }

    /// <summary>Reads one evidence item; RLP errors propagate, shape errors are <see cref="BlockFormatException"/>.</summary>
    internal static DuplicateVoteEvidence Read(ref RlpReader reader)
    {
        var fields = reader.ReadList();
        if (!fields.HasMore)
        {
            throw new BlockFormatException(BlockError.WrongFieldCount, $"{What} has 2 votes; got none.");
        }

        var a = VoteCodec.Read(ref fields);
        if (!fields.HasMore)
        {
            throw new BlockFormatException(BlockError.WrongFieldCount, $"{What} has 2 votes; got one.");
        }

        var b = VoteCodec.Read(ref fields);
        if (fields.HasMore)
        {
            throw new BlockFormatException(BlockError.WrongFieldCount, $"{What} has more than 2 votes.");
        }

        if (DuplicateVoteEvidence.CheckConflict(a, b) is { } problem)
        {
            throw new BlockFormatException(BlockError.InvalidEvidence, $"{What}: {problem}");
        }

        if (!DuplicateVoteEvidence.IsCanonicalOrder(a, b))
        {
            throw new BlockFormatException(BlockError.InvalidEvidence, $"{What}: votes are not in canonical order (nil first, then block hash ascending).");
        }

        return new DuplicateVoteEvidence(a, b);
    }

    private static int ContentLength(DuplicateVoteEvidence evidence) =>
        VoteCodec.EncodedLength(evidence.VoteA) + VoteCodec.EncodedLength(evidence.VoteB);
}
