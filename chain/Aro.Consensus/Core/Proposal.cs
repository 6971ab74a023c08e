using Aro.Core;
using Aro.Core.Blocks;
using Aro.Core.Crypto;
using Aro.Core.Rlp;

namespace Aro.Consensus.Core;

/// <summary>
/// A proposer's signed proposal of a block for (height, round). <see cref="PolRound"/> is the paper's
/// validRound: the round in which the proposer saw 2/3+ prevotes for this block (−1 when none), which
/// lets validators locked on an older round accept it. The signature covers
/// <c>0x8f "aro-proposal-v1" ‖ rlp([chainId, height, round, polRound + 1, blockHash])</c>; the prefix
/// differs from vote sign bytes, so a proposal signature is never a vote signature.
/// </summary>
public sealed class Proposal
{
    private readonly CommitSignature _signature;

    /// <exception cref="ArgumentException">A proof-of-lock round not before the round, or a non-canonical signature.</exception>
    public Proposal(ulong height, uint round, int polRound, BlockValue value, uint proposerIndex, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (polRound < -1 || (polRound >= 0 && (uint)polRound >= round))
        {
            throw new ArgumentOutOfRangeException(nameof(polRound), polRound, "The proof-of-lock round is −1 or earlier than the proposal's round.");
        }

        Height = height;
        Round = round;
        PolRound = polRound;
        Value = value;
        ProposerIndex = proposerIndex;
        _signature = new CommitSignature(proposerIndex, signature); // checks the canonical r ‖ s ‖ v form
    }

    public ulong Height { get; }

    public uint Round { get; }

    public int PolRound { get; }

    public BlockValue Value { get; }

    public uint ProposerIndex { get; }

    public ReadOnlySpan<byte> Signature => _signature.Signature;

    public Hash256 SigningHash(ulong chainId) => SignBytes.SigningHash(chainId, Height, Round, PolRound, Value.Hash);

    /// <summary>True when the signature recovers to <paramref name="proposer"/>.</summary>
    public bool IsSignedBy(ulong chainId, in Address proposer) =>
        _signature.TryRecoverSigner(SigningHash(chainId), out var signer) && signer == proposer;

    /// <summary>The canonical bytes a proposer signs.</summary>
    public static class SignBytes
    {
        // 0x8f (RLP string of 15 bytes) followed by ASCII "aro-proposal-v1".
        private static ReadOnlySpan<byte> Prefix =>
            [0x8f, 0x61, 0x72, 0x6f, 0x2d, 0x70, 0x72, 0x6f, 0x70, 0x6f, 0x73, 0x61, 0x6c, 0x2d, 0x76, 0x31];

        public static Hash256 SigningHash(ulong chainId, ulong height, uint round, int polRound, in Hash256 blockHash)
        {
            var content = RlpWriter.LengthOfUInt64(chainId) + RlpWriter.LengthOfUInt64(height) + RlpWriter.LengthOfUInt64(round)
                + RlpWriter.LengthOfUInt64((ulong)(polRound + 1)) + 1 + Hash256.Size;
            Span<byte> buffer = stackalloc byte[16 + 64 + Hash256.Size];
            Prefix.CopyTo(buffer);
            var writer = new RlpWriter(buffer[Prefix.Length..]);
            writer.WriteListHeader(content);
            writer.WriteUInt64(chainId);
            writer.WriteUInt64(height);
            writer.WriteUInt64(round);
            writer.WriteUInt64((ulong)(polRound + 1));
            writer.WriteBytes(blockHash.Bytes);
            return Keccak256.Hash(buffer[..(Prefix.Length + writer.Position)]);
        }
    }
}
