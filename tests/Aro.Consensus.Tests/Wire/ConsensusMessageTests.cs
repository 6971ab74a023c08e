using Aro.Consensus.Core;
using Aro.Consensus.Tests.Support;
using Aro.Consensus.Wire;
using Aro.Core.Blocks;

namespace Aro.Consensus.Tests.Wire;

public sealed class ConsensusMessageTests
{
    private static readonly TestValidators Validators = TestValidators.Equal(4);

    [Fact]
    public void A_vote_message_decodes_to_the_same_vote()
    {
        var vote = Validators.Prevote(1, 5, 2, TestBlocks.Value("a"));

        var decoded = Assert.IsType<VoteReceived>(ConsensusMessage.Decode(ConsensusMessage.Encode(vote)));

        Assert.Equal(VoteCodec.Encode(vote), VoteCodec.Encode(decoded.Vote));
    }

    [Fact]
    public void A_proposal_message_decodes_with_its_block_and_signature()
    {
        var proposal = Validators.Proposal(0, 3, 1, TestBlocks.Value("b"), polRound: 0);

        var decoded = Assert.IsType<ProposalReceived>(ConsensusMessage.Decode(ConsensusMessage.Encode(proposal))).Proposal;

        Assert.Equal((proposal.Height, proposal.Round, proposal.PolRound, proposal.Value.Hash), (decoded.Height, decoded.Round, decoded.PolRound, decoded.Value.Hash));
        Assert.True(decoded.Value.Encoded.Span.SequenceEqual(proposal.Value.Encoded.Span));
        Assert.True(decoded.Signature.SequenceEqual(proposal.Signature));
    }

    [Fact]
    public void An_evidence_message_decodes_to_the_same_evidence()
    {
        var evidence = new DuplicateVoteEvidence(Validators.Prevote(2, 4, 0, TestBlocks.Value("x")), Validators.Prevote(2, 4, 0, TestBlocks.Value("y")));

        Assert.Equal(evidence, ConsensusMessage.Decode(ConsensusMessage.Encode(evidence)));
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 99, 0xc0 })]
    [InlineData(new byte[] { 3, 0xc1, 0x80 })]
    [InlineData(new byte[] { 7, 0xff })]
    [InlineData(new byte[] { 1, 0x05 })] // an end-height WAL record is no peer message
    public void Malformed_or_foreign_bytes_are_a_FormatException(byte[] payload) =>
        Assert.Throws<FormatException>(() => ConsensusMessage.Decode(payload));
}
