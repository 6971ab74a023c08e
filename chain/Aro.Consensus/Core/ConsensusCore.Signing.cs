using Aro.Core;
using Aro.Core.Blocks;

namespace Aro.Consensus.Core;

/// <summary>This validator's own messages: signed, counted locally, then broadcast.</summary>
public sealed partial class ConsensusCore
{
    private void SignProposal(BlockValue value, int polRound)
    {
        if (_myIndex < 0)
        {
            return;
        }

        var signingHash = Proposal.SignBytes.SigningHash(_config.ChainId, Height, Round, polRound, value.Hash);
        Span<byte> signature = stackalloc byte[CommitSignature.SignatureLength];
        if (!_signer!.TrySign(SignStep.Proposal, Height, Round, signingHash, signature))
        {
            return;
        }

        var proposal = new Proposal(Height, Round, polRound, value, (uint)_myIndex, signature);
        var round = RoundAt(Round);
        round.Proposal ??= proposal;
        Emit(new BroadcastProposal(proposal));
    }

    private void SignVote(VoteType type, Hash256? blockHash)
    {
        if (_myIndex < 0)
        {
            return;
        }

        var signingHash = VoteSignBytes.SigningHash(_config.ChainId, Height, Round, type, blockHash);
        Span<byte> signature = stackalloc byte[CommitSignature.SignatureLength];
        var step = type == VoteType.Prevote ? SignStep.Prevote : SignStep.Precommit;
        if (!_signer!.TrySign(step, Height, Round, signingHash, signature))
        {
            return;
        }

        var vote = new Vote(type, Height, Round, blockHash, (uint)_myIndex, _signer.Address, signature);
        Emit(new BroadcastVote(vote));
        RecordVote(vote, verify: false);
    }
}
