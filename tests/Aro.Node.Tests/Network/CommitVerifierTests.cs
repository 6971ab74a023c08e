using Aro.Core;
using Aro.Core.Blocks;
using Aro.Core.Crypto;
using Aro.Node.Consensus;
using Aro.Node.Network;
using Aro.Node.Tests.Consensus;
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
        Assert.Null(new CommitVerifier(Devnet.Spec.ChainId, new GenesisValidatorSetSource(Devnet.Spec)).Check(Block, Sign(Devnet.Validator.PrivateKey.ToArray())));
    }

    [Fact]
    public void A_commit_signed_by_another_key_at_the_validators_index_is_refused()
    {
        var problem = new CommitVerifier(Devnet.Spec.ChainId, new GenesisValidatorSetSource(Devnet.Spec)).Check(Block, Sign(Keccak256.Hash("someone else"u8).ToArray()));

        Assert.Contains("precommit for this block", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_commit_naming_a_validator_index_outside_the_set_is_refused()
    {
        var problem = new CommitVerifier(Devnet.Spec.ChainId, new GenesisValidatorSetSource(Devnet.Spec)).Check(Block, Sign(Devnet.Validator.PrivateKey.ToArray(), index: 5));

        Assert.Contains("validator index 5", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commit_of_an_epochs_first_block_is_checked_against_the_new_set()
    {
        await using var chain = await EpochChangeChain.StartAsync(head: 10);
        var block = chain.Chain.Store.GetBlock(10)!;
        var set = chain.Source().SetAt(10);
        set.TryGetIndex(Devnet.Validator.Address, out var validator);
        set.TryGetIndex(EpochChangeChain.Keeper2.Address, out var keeper2);
        var commit = Sign(block, (Devnet.Validator.PrivateKey.ToArray(), (uint)validator), (EpochChangeChain.Keeper2.PrivateKey.ToArray(), (uint)keeper2));

        Assert.Null(new CommitVerifier(Devnet.Spec.ChainId, chain.Source()).Check(block, commit));
        Assert.NotNull(new CommitVerifier(Devnet.Spec.ChainId, new GenesisValidatorSetSource(Devnet.Spec)).Check(block, commit));
    }

    [Fact]
    public async Task A_commit_without_two_thirds_of_the_new_sets_power_is_refused()
    {
        await using var chain = await EpochChangeChain.StartAsync(head: 10);
        var block = chain.Chain.Store.GetBlock(10)!;
        chain.Source().SetAt(10).TryGetIndex(EpochChangeChain.Keeper2.Address, out var keeper2);

        var problem = new CommitVerifier(Devnet.Spec.ChainId, chain.Source()).Check(block, Sign(block, (EpochChangeChain.Keeper2.PrivateKey.ToArray(), (uint)keeper2)));

        Assert.Contains("more than two thirds", problem, StringComparison.Ordinal);
    }

    private static Commit Sign(byte[] key, uint index = 0) => Sign(Block, (key, index));

    private static Commit Sign(Block block, params (byte[] Key, uint Index)[] signers)
    {
        var hash = VoteSignBytes.SigningHash(Devnet.Spec.ChainId, block.Number, 0, VoteType.Precommit, block.Hash);
        return new Commit(block.Number, 0, block.Hash, [.. signers.OrderBy(s => s.Index).Select(s => CommitSignature.Sign(s.Index, hash, s.Key))]);
    }
}
