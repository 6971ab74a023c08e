using Aro.Consensus.Core;
using Aro.Core;
using Aro.Core.Crypto;

namespace Aro.Consensus.Tests.Support;

/// <summary>Block values for tests: the bytes are a label, the hash is keccak256 of them.</summary>
internal static class TestBlocks
{
    public static BlockValue Value(string label)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(label);
        return new BlockValue(Keccak256.Hash(bytes), bytes);
    }

    /// <summary>Bytes whose hash is not the claimed one: what a lying proposer sends.</summary>
    public static BlockValue Forged(string label, Hash256 claimedHash) => new(claimedHash, System.Text.Encoding.UTF8.GetBytes(label));
}

/// <summary>valid(v): the bytes hash to the value's hash and their label does not start with "invalid".</summary>
internal sealed class HashCheckingValidator : IProposalValidator
{
    public bool IsValid(ulong height, BlockValue value) =>
        Keccak256.Hash(value.Encoded.Span) == value.Hash && !value.Encoded.Span.StartsWith("invalid"u8);
}
