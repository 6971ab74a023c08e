using Aro.Consensus.Core;
using Aro.Core;
using Aro.Core.Blocks;
using Aro.Core.Rlp;

namespace Aro.Consensus.Wal;

/// <summary>
/// Record payloads: one kind byte, then RLP. 1 end-height: rlp(height). 2 proposal:
/// rlp([height, round, polRound + 1, blockHash, block, proposerIndex, signature]). 3 vote: the vote's
/// canonical RLP (<see cref="VoteCodec"/>). 4 timeout: rlp([height, round, step]). 5 block ready:
/// rlp([height, round, blockHash, block]). 6 decision: rlp([blockHash, block, rlp(commit)]).
/// </summary>
internal static class WalCodec
{
    private const byte EndHeightKind = 1;
    private const byte ProposalKind = 2;
    private const byte VoteKind = 3;
    private const byte TimeoutKind = 4;
    private const byte BlockReadyKind = 5;
    private const byte DecisionKind = 6;

    public static byte[] Encode(WalRecord record) => record switch
    {
        WalEndHeight end => WithKind(EndHeightKind, EncodeHeight(end.Height)),
        WalInput { Input: ProposalReceived p } => WithKind(ProposalKind, EncodeProposal(p.Proposal)),
        WalInput { Input: VoteReceived v } => WithKind(VoteKind, VoteCodec.Encode(v.Vote)),
        WalInput { Input: TimeoutElapsed t } => WithKind(TimeoutKind, EncodeTimeout(t.Timeout)),
        WalInput { Input: BlockReady b } => WithKind(BlockReadyKind, EncodeBlockReady(b)),
        WalInput { Input: DecisionReceived d } => WithKind(DecisionKind, EncodeDecision(d)),
        _ => throw new ArgumentException($"No WAL encoding for {record}.", nameof(record)),
    };

    /// <exception cref="ConsensusWalException">A record with a valid checksum that does not decode (written by another version, or a bug).</exception>
    public static WalRecord Decode(ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty)
        {
            throw new ConsensusWalException("Empty WAL record.");
        }

        try
        {
            var body = payload[1..];
            return payload[0] switch
            {
                EndHeightKind => new WalEndHeight(ReadSingle(body)),
                ProposalKind => new WalInput(new ProposalReceived(DecodeProposal(body))),
                VoteKind => new WalInput(new VoteReceived(VoteCodec.Decode(body))),
                TimeoutKind => new WalInput(new TimeoutElapsed(DecodeTimeout(body))),
                BlockReadyKind => new WalInput(DecodeBlockReady(body)),
                DecisionKind => new WalInput(DecodeDecision(body)),
                var kind => throw new ConsensusWalException($"Unknown WAL record kind {kind}."),
            };
        }
        catch (Exception e) when (e is RlpException or BlockFormatException or ArgumentException)
        {
            throw new ConsensusWalException($"Undecodable WAL record (kind {payload[0]}): {e.Message}", e);
        }
    }

    private static byte[] WithKind(byte kind, byte[] body)
    {
        var payload = new byte[1 + body.Length];
        payload[0] = kind;
        body.CopyTo(payload, 1);
        return payload;
    }

    private static byte[] EncodeHeight(ulong height)
    {
        var buffer = new byte[RlpWriter.LengthOfUInt64(height)];
        var writer = new RlpWriter(buffer);
        writer.WriteUInt64(height);
        return buffer;
    }

    private static byte[] EncodeProposal(Proposal p)
    {
        var block = p.Value.Encoded.Span;
        var content = RlpWriter.LengthOfUInt64(p.Height) + RlpWriter.LengthOfUInt64(p.Round) + RlpWriter.LengthOfUInt64((ulong)(p.PolRound + 1))
            + 1 + Hash256.Size + RlpWriter.LengthOfBytes(block) + RlpWriter.LengthOfUInt64(p.ProposerIndex) + 2 + CommitSignature.SignatureLength;
        var buffer = new byte[RlpWriter.LengthOfList(content)];
        var writer = new RlpWriter(buffer);
        writer.WriteListHeader(content);
        writer.WriteUInt64(p.Height);
        writer.WriteUInt64(p.Round);
        writer.WriteUInt64((ulong)(p.PolRound + 1));
        writer.WriteBytes(p.Value.Hash.Bytes);
        writer.WriteBytes(block);
        writer.WriteUInt64(p.ProposerIndex);
        writer.WriteBytes(p.Signature);
        return buffer;
    }

    private static Proposal DecodeProposal(ReadOnlySpan<byte> body)
    {
        var outer = new RlpReader(body);
        var fields = outer.ReadList();
        outer.EnsureEnd();
        var height = fields.ReadUInt64();
        var round = checked((uint)fields.ReadUInt64());
        var polRound = checked((int)fields.ReadUInt64()) - 1;
        var hash = new Hash256(fields.ReadBytes());
        var block = fields.ReadBytes().ToArray();
        var proposer = checked((uint)fields.ReadUInt64());
        var signature = fields.ReadBytes();
        fields.EnsureEnd();
        return new Proposal(height, round, polRound, new BlockValue(hash, block), proposer, signature);
    }

    private static byte[] EncodeTimeout(TimeoutInfo t)
    {
        var content = RlpWriter.LengthOfUInt64(t.Height) + RlpWriter.LengthOfUInt64(t.Round) + RlpWriter.LengthOfUInt64((byte)t.Step);
        var buffer = new byte[RlpWriter.LengthOfList(content)];
        var writer = new RlpWriter(buffer);
        writer.WriteListHeader(content);
        writer.WriteUInt64(t.Height);
        writer.WriteUInt64(t.Round);
        writer.WriteUInt64((byte)t.Step);
        return buffer;
    }

    private static TimeoutInfo DecodeTimeout(ReadOnlySpan<byte> body)
    {
        var outer = new RlpReader(body);
        var fields = outer.ReadList();
        outer.EnsureEnd();
        var height = fields.ReadUInt64();
        var round = checked((uint)fields.ReadUInt64());
        var step = fields.ReadUInt64();
        fields.EnsureEnd();
        if (step is not ((byte)RoundStep.Propose or (byte)RoundStep.Prevote or (byte)RoundStep.Precommit))
        {
            throw new ConsensusWalException($"Timeout step {step} is not propose, prevote or precommit.");
        }

        return new TimeoutInfo(height, round, (RoundStep)step);
    }

    private static byte[] EncodeBlockReady(BlockReady b)
    {
        var block = b.Block.Encoded.Span;
        var content = RlpWriter.LengthOfUInt64(b.Height) + RlpWriter.LengthOfUInt64(b.Round) + 1 + Hash256.Size + RlpWriter.LengthOfBytes(block);
        var buffer = new byte[RlpWriter.LengthOfList(content)];
        var writer = new RlpWriter(buffer);
        writer.WriteListHeader(content);
        writer.WriteUInt64(b.Height);
        writer.WriteUInt64(b.Round);
        writer.WriteBytes(b.Block.Hash.Bytes);
        writer.WriteBytes(block);
        return buffer;
    }

    private static BlockReady DecodeBlockReady(ReadOnlySpan<byte> body)
    {
        var outer = new RlpReader(body);
        var fields = outer.ReadList();
        outer.EnsureEnd();
        var height = fields.ReadUInt64();
        var round = checked((uint)fields.ReadUInt64());
        var hash = new Hash256(fields.ReadBytes());
        var block = fields.ReadBytes().ToArray();
        fields.EnsureEnd();
        return new BlockReady(height, round, new BlockValue(hash, block));
    }

    private static byte[] EncodeDecision(DecisionReceived d)
    {
        var block = d.Block.Encoded.Span;
        var commit = CommitCodec.Encode(d.Commit);
        var content = 1 + Hash256.Size + RlpWriter.LengthOfBytes(block) + RlpWriter.LengthOfBytes(commit);
        var buffer = new byte[RlpWriter.LengthOfList(content)];
        var writer = new RlpWriter(buffer);
        writer.WriteListHeader(content);
        writer.WriteBytes(d.Block.Hash.Bytes);
        writer.WriteBytes(block);
        writer.WriteBytes(commit);
        return buffer;
    }

    private static DecisionReceived DecodeDecision(ReadOnlySpan<byte> body)
    {
        var outer = new RlpReader(body);
        var fields = outer.ReadList();
        outer.EnsureEnd();
        var hash = new Hash256(fields.ReadBytes());
        var block = fields.ReadBytes().ToArray();
        var commit = CommitCodec.Decode(fields.ReadBytes());
        fields.EnsureEnd();
        return new DecisionReceived(new BlockValue(hash, block), commit);
    }

    private static ulong ReadSingle(ReadOnlySpan<byte> body)
    {
        var reader = new RlpReader(body);
        var value = reader.ReadUInt64();
        reader.EnsureEnd();
        return value;
    }
}
