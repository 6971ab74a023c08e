using Aro.Consensus.Core;
using Aro.Consensus.Wal;
using Aro.Core.Blocks;
using Aro.Core.Rlp;

namespace Aro.Consensus.Wire;

/// <summary>
/// Messages of the consensus channel: a kind byte, then RLP. Proposals and votes reuse the WAL's
/// record encodings (kind 2: proposal, kind 3: vote), so a message received is the record written;
/// kind 7 is duplicate-vote evidence (<see cref="DuplicateVoteEvidenceCodec"/>).
/// </summary>
public static class ConsensusMessage
{
    private const byte EvidenceKind = 7;

    public static byte[] Encode(Proposal proposal) => WalCodec.Encode(new WalInput(new ProposalReceived(proposal)));

    public static byte[] Encode(Vote vote) => WalCodec.Encode(new WalInput(new VoteReceived(vote)));

    public static byte[] Encode(DuplicateVoteEvidence evidence)
    {
        var body = DuplicateVoteEvidenceCodec.Encode(evidence);
        var payload = new byte[1 + body.Length];
        payload[0] = EvidenceKind;
        body.CopyTo(payload, 1);
        return payload;
    }

    /// <summary>A <see cref="ProposalReceived"/>, a <see cref="VoteReceived"/> or a <see cref="DuplicateVoteEvidence"/>.</summary>
    /// <exception cref="FormatException">Not a consensus message (unknown kind, bad RLP, a record kind peers may not send).</exception>
    public static object Decode(ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty)
        {
            throw new FormatException("empty consensus message");
        }

        if (payload[0] == EvidenceKind)
        {
            try
            {
                return DuplicateVoteEvidenceCodec.Decode(payload[1..]);
            }
            catch (Exception e) when (e is RlpException or BlockFormatException or ArgumentException)
            {
                throw new FormatException($"undecodable evidence: {e.Message}", e);
            }
        }

        WalRecord record;
        try
        {
            record = WalCodec.Decode(payload);
        }
        catch (ConsensusWalException e)
        {
            throw new FormatException($"undecodable consensus message: {e.Message}", e);
        }

        return record switch
        {
            WalInput { Input: ProposalReceived p } => p,
            WalInput { Input: VoteReceived v } => v,
            _ => throw new FormatException($"consensus message kind {payload[0]} is not sent between peers"),
        };
    }
}
