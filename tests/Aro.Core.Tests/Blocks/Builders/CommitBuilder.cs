using System.Collections.Immutable;
using Aro.Core.Blocks;

namespace Aro.Core.Tests.Blocks.Builders;

/// <summary>A commit signed by real keys over the canonical precommit sign bytes.</summary>
internal sealed class CommitBuilder
{
    private readonly List<(uint Index, byte[] Key)> _signers = [];
    private ulong _height = 1;
    private uint _round;
    private Hash256 _blockHash = Aro.Core.Crypto.Keccak256.Hash("block"u8);
    private ulong _chainId = TestKeys.ChainId;

    public Commit TestObject
    {
        get
        {
            var signers = _signers.Count == 0 ? [(0u, TestKeys.ValidatorA)] : _signers;
            var signingHash = VoteSignBytes.SigningHash(_chainId, _height, _round, VoteType.Precommit, _blockHash);
            var signatures = signers.OrderBy(s => s.Index).Select(s => CommitSignature.Sign(s.Index, signingHash, s.Key));
            return new Commit(_height, _round, _blockHash, [.. signatures]);
        }
    }

    /// <summary>Commits <paramref name="header"/>: its height and hash.</summary>
    public CommitBuilder For(BlockHeader header)
    {
        _height = header.Number;
        _blockHash = header.Hash;
        return this;
    }

    public CommitBuilder WithHeight(ulong height)
    {
        _height = height;
        return this;
    }

    public CommitBuilder WithRound(uint round)
    {
        _round = round;
        return this;
    }

    public CommitBuilder WithBlockHash(Hash256 hash)
    {
        _blockHash = hash;
        return this;
    }

    public CommitBuilder WithChainId(ulong chainId)
    {
        _chainId = chainId;
        return this;
    }

    public CommitBuilder SignedBy(uint validatorIndex, byte[] privateKey)
    {
        _signers.Add((validatorIndex, privateKey));
        return this;
    }

    public static ImmutableArray<CommitSignature> Signatures(params CommitSignature[] signatures) => [.. signatures];
}
