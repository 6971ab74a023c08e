using Aro.Core;
using Aro.Core.Blocks;
using Aro.Core.Crypto;
using Aro.Node.Network;
using Aro.Node.Tests.Chain;

namespace Aro.Node.Tests.Network;

public sealed class CommitVerifierTests
{
    private static readonly Block Block = new(
        new BlockHeader
        {
            ParentHash = Hash256.Zero,
            Number = 1,
            Timestamp = 1,
            Proposer = Devnet.Validator.Address,
            StateRoot = Hash256.Zero,
            TransactionsRoot = Hash256.Zero,
            ReceiptsRoot = Hash256.Zero,
            LogsBloom = Bloom.Empty,
            GasLimit = 1,
            GasUsed = 0,
            BaseFeePerGas = UInt256.Zero,
            Epoch = 0,
            ValidatorSetHash = Hash256.Zero,
            LastCommitHash = Hash256.Zero,
        },
        BlockBody.Empty);

    [Fact]
    public void A_commit_signed_by_the_genesis_validator_holding_all_power_is_accepted()
    {
        Assert.Null(new CommitVerifier(Devnet.Spec).Check(Block, Sign(Devnet.Validator.PrivateKey.ToArray())));
    }

    [Fact]
    public void A_commit_signed_by_another_key_at_the_validators_index_is_refused()
    {
        var problem = new CommitVerifier(Devnet.Spec).Check(Block, Sign(Keccak256.Hash("someone else"u8).ToArray()));

        Assert.Contains("is not by validator", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_commit_naming_a_validator_index_outside_the_set_is_refused()
    {
        var problem = new CommitVerifier(Devnet.Spec).Check(Block, Sign(Devnet.Validator.PrivateKey.ToArray(), index: 5));

        Assert.Contains("validator index 5", problem, StringComparison.Ordinal);
    }

    private static Commit Sign(byte[] key, uint index = 0)
    {
        var hash = VoteSignBytes.SigningHash(Devnet.Spec.ChainId, 1, 0, VoteType.Precommit, Block.Hash);
        return new Commit(1, 0, Block.Hash, [CommitSignature.Sign(index, hash, key)]);
    }
}
