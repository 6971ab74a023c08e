using Aro.Core.Blocks;
using Aro.Core.Crypto;

namespace Aro.Core.Tests.Blocks.Builders;

/// <summary>Double-sign evidence of validator B: two prevotes for different blocks at one height/round.</summary>
internal static class EvidenceBuilder
{
    public static DuplicateVoteEvidence DoubleSign(ulong height, uint round = 0, byte[]? key = null)
    {
        key ??= TestKeys.ValidatorB;
        var a = Vote.Sign(TestKeys.ChainId, VoteType.Prevote, height, round, Keccak256.Hash("block a"u8), 1, key);
        var b = Vote.Sign(TestKeys.ChainId, VoteType.Prevote, height, round, Keccak256.Hash("block b"u8), 1, key);
        return new DuplicateVoteEvidence(a, b);
    }
}
