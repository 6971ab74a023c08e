using System.Collections.Immutable;
using Aro.Core;
using Aro.Core.Crypto;
using Aro.Core.Transactions;
using Aro.Execution.Execution;
using Aro.Execution.TxPool;
using Aro.Node.Consensus;

namespace Aro.Node.Tests.Consensus;

public class ProposalSendersTests
{
    private const ulong ChainId = 7771;

    [Fact]
    public void A_proposal_mixing_pooled_and_unknown_txs_gets_the_senders_a_full_recovery_gives()
    {
        var pool = new TxPool(new TxPoolOptions { ChainId = ChainId, BaseFee = 1, MinPriorityFee = 1, BlockGasLimit = 30_000_000 }, new RichState());
        var txs = new[] { Transfer(1, 0), Transfer(2, 0), Transfer(1, 1), Transfer(3, 0) };
        Assert.True(pool.Add(txs[0]).IsAccepted);
        Assert.True(pool.Add(txs[2]).IsAccepted);

        var senders = ProposalSenders.Recover(pool, txs, out var valid);

        var expected = BlockExecutor.RecoverSenders(txs, out _);
        Assert.Equal(expected, senders);
        Assert.All(valid, Assert.True);
    }

    [Fact]
    public void A_proposal_of_only_unknown_txs_is_recovered_in_full()
    {
        var pool = new TxPool(new TxPoolOptions { ChainId = ChainId, BaseFee = 1, MinPriorityFee = 1, BlockGasLimit = 30_000_000 }, new RichState());
        var txs = new[] { Transfer(4, 0), Transfer(5, 0) };

        var senders = ProposalSenders.Recover(pool, txs, out var valid);

        Assert.Equal([AddressOf(4), AddressOf(5)], senders.Select(s => s.Sender));
        Assert.All(valid, Assert.True);
    }

    private static Transaction Transfer(int key, ulong nonce) =>
        TxSigner.Sign(
            Transaction.DynamicFee(ChainId, nonce, UInt256.One, 1_000, 21_000, Address.Parse("0x000000000000000000000000000000000000a110"), UInt256.One, [], ImmutableArray<AccessListEntry>.Empty),
            Key(key));

    private static byte[] Key(int seed) => Keccak256.Hash([(byte)seed]).ToArray();

    private static Address AddressOf(int seed)
    {
        Span<byte> publicKey = stackalloc byte[Secp256k1.UncompressedPublicKeyLength];
        Secp256k1.GetPublicKey(Key(seed), publicKey);
        return Address.FromPublicKey(publicKey);
    }

    private sealed class RichState : ITxPoolStateReader
    {
        public ulong GetNonce(Address address) => 0;

        public UInt256 GetBalance(Address address) => UInt256.Parse("1000000000000000000000");
    }
}
