using System.Collections.Immutable;
using Aro.Core;
using Aro.Core.Blocks;
using Aro.Core.Crypto;
using Aro.Network.Sync;

namespace Aro.Network.Tests;

/// <summary>Real blocks with real precommit signatures from one validator key, chained from a genesis hash.</summary>
internal static class TestChain
{
    public static readonly byte[] ValidatorKey = Keccak256.Hash("aro-network-tests validator"u8).ToArray();

    public static Address ValidatorAddress { get; } = AddressOf(ValidatorKey);

    public static List<CommittedBlock> Build(int count, byte[] signer)
    {
        var blocks = new List<CommittedBlock>(count);
        var parent = TestNet.Chain.GenesisHash;
        Commit? last = null;
        for (var number = 1UL; number <= (ulong)count; number++)
        {
            var header = new BlockHeader
            {
                ParentHash = parent,
                Number = number,
                Timestamp = 1_700_000_000 + number,
                Proposer = AddressOf(signer),
                StateRoot = Keccak256.EmptyHash,
                TransactionsRoot = Keccak256.EmptyHash,
                ReceiptsRoot = Keccak256.EmptyHash,
                LogsBloom = Bloom.Empty,
                GasLimit = 30_000_000,
                GasUsed = 0,
                BaseFeePerGas = UInt256.Zero,
                Epoch = 0,
                ValidatorSetHash = Hash256.Zero,
                LastCommitHash = last?.Hash ?? Hash256.Zero,
            };
            var block = new Block(header, new BlockBody([], last));
            var signingHash = VoteSignBytes.SigningHash(TestNet.Chain.ChainId, number, 0, VoteType.Precommit, block.Hash);
            var commit = new Commit(number, 0, block.Hash, [CommitSignature.Sign(0, signingHash, signer)]);
            blocks.Add(new CommittedBlock(block, commit));
            parent = block.Hash;
            last = commit;
        }

        return blocks;
    }

    private static Address AddressOf(byte[] key)
    {
        var publicKey = new byte[65];
        Secp256k1.GetPublicKey(key, publicKey);
        return Address.FromPublicKey(publicKey);
    }
}

/// <summary>Serves a fixed list of blocks, optionally announcing a higher head than it has blocks for.</summary>
internal sealed class ListBlockSource(IReadOnlyList<CommittedBlock> blocks, ulong? claimedHeight = null) : IBlockSource
{
    public SyncStatus Status => new(claimedHeight ?? (ulong)blocks.Count, blocks.Count == 0 ? TestNet.Chain.GenesisHash : blocks[^1].Block.Hash);

    public CommittedBlock? GetCommittedBlock(ulong number) =>
        number >= 1 && number <= (ulong)blocks.Count ? blocks[(int)number - 1] : null;
}

/// <summary>
/// Accepts a block when it extends the last one and its commit is signed by the test validator
/// (the single-validator form of the 2/3+ check the node runs).
/// </summary>
internal sealed class VerifyingSink : IBlockSyncSink
{
    public List<CommittedBlock> Applied { get; } = [];

    public string? Apply(CommittedBlock block)
    {
        var parent = Applied.Count == 0 ? TestNet.Chain.GenesisHash : Applied[^1].Block.Hash;
        if (block.Block.Header.ParentHash != parent)
        {
            return "does not extend the local head";
        }

        var signingHash = block.Commit.SigningHash(TestNet.Chain.ChainId);
        var signature = block.Commit.Signatures[0];
        if (!signature.TryRecoverSigner(signingHash, out var signer) || signer != TestChain.ValidatorAddress)
        {
            return "the commit is not signed by the validator";
        }

        Applied.Add(block);
        return null;
    }
}
