using System.Collections.Immutable;
using Aro.Core.Crypto;
using Aro.Core.Rlp;

namespace Aro.Core.Blocks;

/// <summary>
/// rlp([height, round, blockHash, [[validatorIndex, signature65], …]]). Decoding enforces the
/// canonical form <see cref="Commit"/> requires, so a commit has one encoding and one hash.
/// </summary>
public static class CommitCodec
{
    private const string What = "Commit";

    private const int SignatureItem = 2 + CommitSignature.SignatureLength;

    public static byte[] Encode(Commit commit)
    {
        var buffer = new byte[EncodedLength(commit)];
        var writer = new RlpWriter(buffer);
        Write(ref writer, commit);
        return buffer;
    }

    public static int EncodedLength(Commit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        return RlpWriter.LengthOfList(ContentLength(commit, out _));
    }

    /// <exception cref="BlockFormatException">Anything but exactly one canonical commit.</exception>
    public static Commit Decode(ReadOnlySpan<byte> encoded)
    {
        try
        {
            var reader = new RlpReader(encoded);
            var commit = Read(ref reader);
            reader.EnsureEnd();
            return commit;
        }
        catch (RlpException e)
        {
            throw new BlockFormatException(BlockError.MalformedRlp, $"{What} is not canonical RLP: {e.Message}", e);
        }
    }

    internal static void Write(ref RlpWriter writer, Commit commit)
    {
        writer.WriteListHeader(ContentLength(commit, out var signaturesLength));
        writer.WriteUInt64(commit.Height);
        writer.WriteUInt64(commit.Round);
        writer.WriteBytes(commit.BlockHash.Bytes);
        writer.WriteListHeader(signaturesLength);
        foreach (var signature in commit.Signatures)
        {
            writer.WriteListHeader(RlpWriter.LengthOfUInt64(signature.ValidatorIndex) + SignatureItem);
            writer.WriteUInt64(signature.ValidatorIndex);
            writer.WriteBytes(signature.Signature);
        }
    }

    internal static Commit Read(ref RlpReader reader)
    {
        var raw = reader.ReadRaw();
        var fields = new BlockFieldReader(new RlpReader(raw).ReadList(), What, 4);
        var height = fields.ReadUInt64("height");
        var round = fields.ReadUInt32("round");
        var blockHash = fields.ReadHash("blockHash");
        var list = fields.ReadList("signatures");
        fields.EnsureEnd();

        var signatures = ImmutableArray.CreateBuilder<CommitSignature>();
        while (list.HasMore)
        {
            var entry = new BlockFieldReader(list.ReadList(), $"Commit signature {signatures.Count}", 2);
            var index = entry.ReadUInt32("validatorIndex");
            var signature = entry.ReadBytes("signature");
            entry.EnsureEnd();
            if (CommitSignature.Check(signature) is { } problem)
            {
                throw new BlockFormatException(
                    signature.Length == CommitSignature.SignatureLength ? BlockError.InvalidSignature : BlockError.InvalidLength,
                    $"Commit signature {signatures.Count}: {problem}");
            }

            signatures.Add(new CommitSignature(index, signature));
        }

        var all = signatures.DrainToImmutable();
        if (Commit.CheckSignatures(all) is { } invalid)
        {
            throw new BlockFormatException(BlockError.InvalidCommit, invalid);
        }

        var commit = new Commit(height, round, blockHash, all);
        commit.SetDecodedHash(Keccak256.Hash(raw));
        return commit;
    }

    private static int ContentLength(Commit commit, out int signaturesLength)
    {
        signaturesLength = 0;
        foreach (var signature in commit.Signatures)
        {
            signaturesLength += RlpWriter.LengthOfList(RlpWriter.LengthOfUInt64(signature.ValidatorIndex) + SignatureItem);
        }

        return RlpWriter.LengthOfUInt64(commit.Height) + RlpWriter.LengthOfUInt64(commit.Round) + 1 + Hash256.Size
            + RlpWriter.LengthOfList(signaturesLength);
    }
}
