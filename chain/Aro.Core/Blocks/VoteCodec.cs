using Aro.Core.Rlp;

namespace Aro.Core.Blocks;

/// <summary>
/// rlp([type, height, round, blockHash, validatorIndex, validatorAddress, signature65]); a nil vote's
/// block hash is the empty string. Decoding accepts exactly one canonical encoding.
/// </summary>
public static class VoteCodec
{
    private const string What = "Vote";

    public static byte[] Encode(Vote vote)
    {
        var buffer = new byte[EncodedLength(vote)];
        var writer = new RlpWriter(buffer);
        Write(ref writer, vote);
        return buffer;
    }

    public static int EncodedLength(Vote vote)
    {
        ArgumentNullException.ThrowIfNull(vote);
        return RlpWriter.LengthOfList(ContentLength(vote));
    }

    /// <exception cref="BlockFormatException">Anything but exactly one canonical vote.</exception>
    public static Vote Decode(ReadOnlySpan<byte> encoded)
    {
        try
        {
            var reader = new RlpReader(encoded);
            var vote = Read(ref reader);
            reader.EnsureEnd();
            return vote;
        }
        catch (RlpException e)
        {
            throw new BlockFormatException(BlockError.MalformedRlp, $"{What} is not canonical RLP: {e.Message}", e);
        }
    }

    internal static void Write(ref RlpWriter writer, Vote vote)
    {
        writer.WriteListHeader(ContentLength(vote));
        writer.WriteUInt64((byte)vote.Type);
        writer.WriteUInt64(vote.Height);
        writer.WriteUInt64(vote.Round);
        writer.WriteBytes(vote.BlockHash is { } hash ? hash.Bytes : []);
        writer.WriteUInt64(vote.ValidatorIndex);
        writer.WriteAddress(vote.Validator);
        writer.WriteBytes(vote.Signature);
    }

    internal static Vote Read(ref RlpReader reader)
    {
        var fields = new BlockFieldReader(reader.ReadList(), What, 7);
        var type = fields.ReadUInt64("type");
        if (type is not ((byte)VoteType.Prevote or (byte)VoteType.Precommit))
        {
            throw new BlockFormatException(BlockError.InvalidVote, $"{What}: type {type} is neither prevote (1) nor precommit (2).");
        }

        var height = fields.ReadUInt64("height");
        var round = fields.ReadUInt32("round");
        var hashBytes = fields.ReadBytes("blockHash");
        Hash256? blockHash = hashBytes.Length switch
        {
            0 => null,
            Hash256.Size => new Hash256(hashBytes),
            _ => throw new BlockFormatException(BlockError.InvalidLength, $"{What}: blockHash is {hashBytes.Length} bytes; it must be 32, or empty for nil."),
        };
        var index = fields.ReadUInt32("validatorIndex");
        var validator = fields.ReadAddress("validatorAddress");
        var signature = fields.ReadBytes("signature");
        fields.EnsureEnd();
        if (CommitSignature.Check(signature) is { } problem)
        {
            throw new BlockFormatException(
                signature.Length == CommitSignature.SignatureLength ? BlockError.InvalidSignature : BlockError.InvalidLength, $"{What}: {problem}");
        }

        return new Vote((VoteType)type, height, round, blockHash, index, validator, signature);
    }

    private static int ContentLength(Vote vote) =>
        RlpWriter.LengthOfUInt64((byte)vote.Type) + RlpWriter.LengthOfUInt64(vote.Height) + RlpWriter.LengthOfUInt64(vote.Round)
        + (vote.BlockHash is null ? 1 : 1 + Hash256.Size) + RlpWriter.LengthOfUInt64(vote.ValidatorIndex)
        + RlpUInt256Extensions.AddressLength + 2 + CommitSignature.SignatureLength;
}
