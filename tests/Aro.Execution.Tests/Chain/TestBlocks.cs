using System.Collections.Immutable;
using Aro.Core;
using Aro.Core.Blocks;
using Aro.Core.Transactions;
using Aro.Execution.Chain;
using Aro.State;
using Aro.State.Trie;
using Aro.State.World;

namespace Aro.Execution.Tests.Chain;

/// <summary>
/// Builds the next block on a <see cref="ChainStore"/>: real signed transfers from
/// <see cref="TestGenesis.Sender"/>, balances moved in a world state opened at the head's root,
/// receipts with a log, matching roots, and the parent's commit signed by the validator.
/// </summary>
internal sealed class TestBlocks(ChainStore chain, ITrieNodeReader nodes)
{
    private ulong _nonce;

    public (Block Block, Receipt[] Receipts, WorldState State) Next(int transactionCount, params DuplicateVoteEvidence[] evidence)
    {
        var parent = chain.GetHeader(chain.Head.Number)!;
        var state = new WorldState(nodes, parent.StateRoot);
        var transactions = new Transaction[transactionCount];
        var receipts = new Receipt[transactionCount];
        ulong gas = 0;
        for (int i = 0; i < transactionCount; i++)
        {
            ulong nonce = _nonce++;
            UInt256 value = nonce + 1;
            transactions[i] = TxSigner.Sign(
                i % 2 == 0
                    ? Transaction.Legacy(TestGenesis.ChainId, nonce, 1_000_000_000UL, 21_000, TestGenesis.Recipient, value, [])
                    : Transaction.DynamicFee(TestGenesis.ChainId, nonce, 1UL, 2_000_000_000UL, 21_000, TestGenesis.Recipient, value, [], []),
                TestGenesis.SenderKey);
            state.IncrementNonce(TestGenesis.Sender);
            state.SubtractBalance(TestGenesis.Sender, value);
            state.AddBalance(TestGenesis.Recipient, value);
            gas += 21_000;
            var log = new Log(TestGenesis.Recipient, [transactions[i].Hash], [(byte)i]);
            receipts[i] = Receipt.Create(transactions[i].Type, succeeded: true, gas, [log]);
        }

        var lastCommit = parent.Number == 0 ? null : CommitFor(parent);
        var body = new BlockBody([.. transactions], lastCommit, [.. evidence]);
        var header = new BlockHeader
        {
            ParentHash = parent.Hash,
            Number = parent.Number + 1,
            Timestamp = parent.Timestamp + 2,
            Proposer = TestGenesis.AddressOf(TestGenesis.ValidatorKey),
            StateRoot = state.ComputeRoot(),
            TransactionsRoot = DerivedRoots.Transactions(body),
            ReceiptsRoot = DerivedRoots.Receipts(receipts),
            LogsBloom = receipts.Aggregate(Bloom.Empty, (bloom, receipt) => bloom | receipt.Bloom),
            GasLimit = parent.GasLimit,
            GasUsed = gas,
            BaseFeePerGas = parent.BaseFeePerGas,
            Epoch = 0,
            ValidatorSetHash = parent.ValidatorSetHash,
            LastCommitHash = lastCommit?.Hash ?? Hash256.Zero,
            EvidenceHash = body.EvidenceHash,
        };
        return (new Block(header, body), receipts, state);
    }

    /// <summary>Builds and commits the next block (no head commit: the following block carries it).</summary>
    public Block CommitNext(int transactionCount, params DuplicateVoteEvidence[] evidence)
    {
        var (block, receipts, state) = Next(transactionCount, evidence);
        chain.CommitBlock(block, receipts, null, state);
        return block;
    }

    public static Commit CommitFor(BlockHeader header)
    {
        var signingHash = VoteSignBytes.SigningHash(TestGenesis.ChainId, header.Number, 0, VoteType.Precommit, header.Hash);
        return new Commit(header.Number, 0, header.Hash, [CommitSignature.Sign(0, signingHash, TestGenesis.ValidatorKey)]);
    }
}
