using System.Collections.Immutable;
using Aro.Core.Crypto;
using Aro.Core.Rlp;

namespace Aro.Core.Blocks;

/// <summary>
/// A block's evidence: rlp([evidence₀, evidence₁, …]) with each item as <see cref="DuplicateVoteEvidenceCodec"/>
/// writes it. The header's evidence hash is keccak256 of that list, so the evidence is committed by the
/// block hash (CometBFT's model); no evidence hashes to <see cref="EmptyHash"/> (keccak of <c>0xc0</c>).
/// </summary>
public static class EvidenceList
{
    /// <summary>Most evidence one block carries; a decoder refuses more (<see cref="BlockError.TooMuchEvidence"/>).</summary>
    public const int MaxPerBlock = 16;

    /// <summary>keccak256(rlp([])): the evidence hash of a block without evidence.</summary>
    public static readonly Hash256 EmptyHash = Keccak256.Hash([0xc0]);

    public static Hash256 ComputeHash(ImmutableArray<DuplicateVoteEvidence> evidence)
    {
        if (evidence.IsDefaultOrEmpty)
        {
            return EmptyHash;
        }

        var buffer = new byte[EncodedLength(evidence)];
        var writer = new RlpWriter(buffer);
        Write(ref writer, evidence);
        return Keccak256.Hash(buffer);
    }

    internal static int EncodedLength(ImmutableArray<DuplicateVoteEvidence> evidence) => RlpWriter.LengthOfList(ContentLength(evidence));

    internal static void Write(ref RlpWriter writer, ImmutableArray<DuplicateVoteEvidence> evidence)
    {
        writer.WriteListHeader(ContentLength(evidence));
        foreach (var item in evidence)
        {
            DuplicateVoteEvidenceCodec.Write(ref writer, item);
        }
    }

    /// <summary>Reads the list item; more than <see cref="MaxPerBlock"/> items or a malformed one is a <see cref="BlockFormatException"/>.</summary>
    internal static ImmutableArray<DuplicateVoteEvidence> Read(ref RlpReader reader, string what)
    {
        var list = reader.ReadList();
        var items = ImmutableArray.CreateBuilder<DuplicateVoteEvidence>();
        while (list.HasMore)
        {
            if (items.Count == MaxPerBlock)
            {
                throw new BlockFormatException(BlockError.TooMuchEvidence, $"{what} carries more than {MaxPerBlock} pieces of evidence.");
            }

            try
            {
                items.Add(DuplicateVoteEvidenceCodec.Read(ref list));
            }
            catch (BlockFormatException e)
            {
                throw new BlockFormatException(e.Error, $"{what}: evidence {items.Count}: {e.Message}", e);
            }
        }

        return items.DrainToImmutable();
    }

    private static int ContentLength(ImmutableArray<DuplicateVoteEvidence> evidence)
    {
        var length = 0;
        if (!evidence.IsDefault)
        {
            foreach (var item in evidence)
            {
                length = checked(length + DuplicateVoteEvidenceCodec.EncodedLength(item));
            }
        }

        return length;
    }
}
