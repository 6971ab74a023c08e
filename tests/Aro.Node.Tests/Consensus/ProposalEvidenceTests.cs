using System.Collections.Immutable;
using Aro.Consensus.Core;
using Aro.Consensus.Evidence;
using Aro.Core;
using Aro.Core.Blocks;
using Aro.Core.Crypto;
using Aro.Node.Chain;
using Aro.Node.Consensus;
using Aro.Node.Tests.Chain;
using Aro.Testing;

namespace Aro.Node.Tests.Consensus;

/// <summary>
/// The devnet chain (real RocksDB, GPoS section with the devnet validator as keeper) at block 1: what a
/// proposer puts in block 2 from its evidence pool and what a validator's valid(v) accepts or refuses.
/// </summary>
public sealed class ProposalEvidenceTests : IDisposable
{
    private static readonly Hash256 SlashedTopic = Keccak256.Hash("Slashed(address,uint8,uint64,uint256)"u8);

    private readonly TempDirectory _home = new();
    private readonly ChainNode _chain;
    private readonly GenesisValidatorSetSource _sets = new(Devnet.Spec);
    private readonly EvidencePool _pool;

    public ProposalEvidenceTests()
    {
        _chain = ChainNode.Open(_home.Path, Devnet.Spec);
        _pool = new EvidencePool(_chain.ChainId, ConsensusService.EvidenceMaxAgeHeights, _sets.SetAt, e => _chain.Store.GetEvidenceBlock(e) is not null);
        CommitNext(new BlockCandidates(_chain, _sets));
    }

    public void Dispose()
    {
        _chain.Dispose();
        _home.Dispose();
    }

    [Fact]
    public void A_proposal_carries_pending_evidence_a_validator_accepts_and_GPoS_slashes_in_the_block()
    {
        Assert.Equal(EvidenceAddResult.Added, _pool.Add(DoubleSign(1), currentHeight: 2));

        var value = new BlockCandidates(_chain, _sets, evidence: _pool).Build(Devnet.Validator.Address, 1_800_000_000);
        var validator = new BlockCandidates(_chain, _sets);

        Assert.True(validator.IsValid(2, value), validator.LastRefusal);
        var executed = validator.Get(value.Hash)!;
        Assert.Equal(DoubleSign(1).Hash, Assert.Single(executed.Block.Body.Evidence).Hash);
        Assert.Contains(executed.Result.BlockEvents, l => l.Topics[0] == SlashedTopic);
    }

    [Fact]
    public void A_proposal_with_a_forged_evidence_signature_is_refused_InvalidSignature()
    {
        var real = DoubleSign(1);
        var forgedVote = new Vote(real.VoteB.Type, real.Height, real.Round, Keccak256.Hash("other"u8), real.ValidatorIndex, real.Validator, real.VoteB.Signature.ToArray());
        var forged = new DuplicateVoteEvidence(real.VoteA, forgedVote);

        AssertRefused(ProposalCarrying(forged), nameof(EvidenceAddResult.InvalidSignature));
    }

    [Fact]
    public void A_proposal_carrying_one_double_sign_twice_is_refused_Duplicate()
    {
        var other = new DuplicateVoteEvidence(
            Vote.Sign(_chain.ChainId, VoteType.Prevote, 1, 0, Keccak256.Hash("a"u8), 0, Devnet.Validator.PrivateKey),
            Vote.Sign(_chain.ChainId, VoteType.Prevote, 1, 0, null, 0, Devnet.Validator.PrivateKey));

        AssertRefused(ProposalCarrying(DoubleSign(1), other), nameof(EvidenceAddResult.Duplicate));
    }

    [Fact]
    public void A_proposal_repeating_committed_evidence_is_refused_AlreadyCommitted_and_the_pool_drops_it()
    {
        _pool.Add(DoubleSign(1), currentHeight: 2);
        CommitNext(new BlockCandidates(_chain, _sets, evidence: _pool));
        var otherPool = new EvidencePool(_chain.ChainId, ConsensusService.EvidenceMaxAgeHeights, _sets.SetAt, e => _chain.Store.GetEvidenceBlock(e) is not null);

        _pool.DropCommitted();

        Assert.Equal(0, _pool.PendingCount);
        Assert.Equal(EvidenceAddResult.AlreadyCommitted, otherPool.Add(DoubleSign(1), currentHeight: 3));
        AssertRefused(ProposalCarrying(DoubleSign(1)), nameof(EvidenceAddResult.AlreadyCommitted));
    }

    [Fact]
    public void A_proposal_with_evidence_for_its_own_height_is_refused_FromFuture()
    {
        AssertRefused(ProposalCarrying(DoubleSign(_chain.Head.Number + 1)), nameof(EvidenceAddResult.FromFuture));
    }

    private void AssertRefused(BlockValue value, string reason)
    {
        var validator = new BlockCandidates(_chain, _sets);

        Assert.False(validator.IsValid(_chain.Head.Number + 1, value));
        Assert.Contains($"invalid evidence ({reason})", validator.LastRefusal, StringComparison.Ordinal);
    }

    /// <summary>The proposer's next block with <paramref name="evidence"/> put in its body and header (a proposer that skips the checks).</summary>
    private BlockValue ProposalCarrying(params DuplicateVoteEvidence[] evidence)
    {
        var honest = new BlockCandidates(_chain, _sets);
        var built = honest.Get(honest.Build(Devnet.Validator.Address, 1_800_000_000).Hash)!.Block;
        var body = new BlockBody(built.Body.Transactions, built.Body.LastCommit, [.. evidence]);
        var h = built.Header;
        var header = new BlockHeader
        {
            ParentHash = h.ParentHash, Number = h.Number, Timestamp = h.Timestamp, Proposer = h.Proposer, StateRoot = h.StateRoot,
            TransactionsRoot = h.TransactionsRoot, ReceiptsRoot = h.ReceiptsRoot, LogsBloom = h.LogsBloom, GasLimit = h.GasLimit,
            GasUsed = h.GasUsed, BaseFeePerGas = h.BaseFeePerGas, Epoch = h.Epoch, ValidatorSetHash = h.ValidatorSetHash,
            LastCommitHash = h.LastCommitHash, EvidenceHash = body.EvidenceHash,
        };
        var block = new Block(header, body);
        return new BlockValue(block.Hash, BlockCodec.Encode(block));
    }

    private void CommitNext(BlockCandidates proposer)
    {
        var value = proposer.Build(Devnet.Validator.Address, 1_800_000_000);
        var executed = proposer.Get(value.Hash)!;
        var number = executed.Block.Number;
        var signingHash = VoteSignBytes.SigningHash(_chain.ChainId, number, 0, VoteType.Precommit, value.Hash);
        var commit = new Commit(number, 0, value.Hash, [CommitSignature.Sign(0, signingHash, Devnet.Validator.PrivateKey)]);
        _chain.CommitBlock(executed.Block, executed.Result.Receipts, executed.Senders, commit, executed.State, executed.Result.BlockEvents);
    }

    private DuplicateVoteEvidence DoubleSign(ulong height) => new(
        Vote.Sign(_chain.ChainId, VoteType.Prevote, height, 0, Keccak256.Hash("a"u8), 0, Devnet.Validator.PrivateKey),
        Vote.Sign(_chain.ChainId, VoteType.Prevote, height, 0, Keccak256.Hash("b"u8), 0, Devnet.Validator.PrivateKey));
}
