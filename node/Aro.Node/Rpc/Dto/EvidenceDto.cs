using Aro.Core;
using Aro.Core.Blocks;

namespace Aro.Node.Rpc.Dto;

/// <summary>
/// Aro: one piece of double-sign evidence in a block: who signed two different votes for which step,
/// the two block ids (null for a nil vote) and the canonical encoding (what <c>submitDoubleSignEvidence</c>
/// takes and what the block's evidence hash covers).
/// </summary>
internal sealed class EvidenceDto
{
    /// <summary>keccak256 of <see cref="Raw"/>: the id GPoS records as handled.</summary>
    public required Hash256 Hash { get; init; }

    public required Address Validator { get; init; }

    public required ulong ValidatorIndex { get; init; }

    public required ulong Height { get; init; }

    public required ulong Round { get; init; }

    /// <summary>"prevote" or "precommit".</summary>
    public required string Type { get; init; }

    public required Hash256? BlockHashA { get; init; }

    public required Hash256? BlockHashB { get; init; }

    /// <summary>rlp([voteA, voteB]).</summary>
    public required byte[] Raw { get; init; }

    public static EvidenceDto From(DuplicateVoteEvidence evidence) => new()
    {
        Hash = evidence.Hash,
        Validator = evidence.Validator,
        ValidatorIndex = evidence.ValidatorIndex,
        Height = evidence.Height,
        Round = evidence.Round,
        Type = evidence.Type == VoteType.Prevote ? "prevote" : "precommit",
        BlockHashA = evidence.VoteA.BlockHash,
        BlockHashB = evidence.VoteB.BlockHash,
        Raw = DuplicateVoteEvidenceCodec.Encode(evidence),
    };
}
