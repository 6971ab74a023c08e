using System.Text;
using Aro.Core;
using Aro.Core.Blocks;
using Aro.Core.Crypto;
using Aro.Core.Transactions;
using Aro.Execution.Chain;
using Aro.State;
using Aro.State.Trie;
using Aro.State.World;
using Aro.Storage.RocksDb;

namespace Aro.Storage.CrashProbe;

/// <summary>
/// "chain" mode, for Aro.Execution.Tests' chain crash test: initialises a chain from a genesis file and
/// commits blocks of signed devnet transfers through <see cref="ChainStore"/> until killed, printing
/// "committed N" after each block's batch is synced.
/// </summary>
internal static class ChainProbe
{
    public const int TransactionsPerBlock = 3;

    public static int Run(string dbPath, string genesisPath)
    {
        var spec = GenesisSpec.Load(genesisPath);
        byte[] senderKey = Keccak256.Hash("aro-devnet-account-0"u8).ToArray();
        byte[] validatorKey = Keccak256.Hash("aro-devnet-validator-0"u8).ToArray();
        var sender = AddressOf(senderKey);
        var recipient = AddressOf(Keccak256.Hash("aro-devnet-account-1"u8).ToArray());

        using var store = RocksDbStore.Open(dbPath);
        var chain = new ChainStore(store);
        chain.Initialize(spec);
        var nodes = new StoreTrieNodes(store);
        Console.Out.WriteLine("ready");
        Console.Out.Flush();
        while (true)
        {
            var parent = chain.GetHeader(chain.Head.Number)!;
            var state = new WorldState(nodes, parent.StateRoot);
            var transactions = new Transaction[TransactionsPerBlock];
            var receipts = new Receipt[TransactionsPerBlock];
            for (int i = 0; i < TransactionsPerBlock; i++)
            {
                ulong nonce = state.GetNonce(sender);
                transactions[i] = TxSigner.Sign(
                    Transaction.Legacy(spec.ChainId, nonce, 1_000_000_000UL, 21_000, recipient, 1UL, Encoding.ASCII.GetBytes($"b{parent.Number + 1}")),
                    senderKey);
                state.IncrementNonce(sender);
                state.SubtractBalance(sender, 1UL);
                state.AddBalance(recipient, 1UL);
                receipts[i] = Receipt.Create(TxType.Legacy, true, 21_000UL * (ulong)(i + 1), []);
            }

            Commit? lastCommit = parent.Number == 0
                ? null
                : new Commit(parent.Number, 0, parent.Hash, [CommitSignature.Sign(0, VoteSignBytes.SigningHash(spec.ChainId, parent.Number, 0, VoteType.Precommit, parent.Hash), validatorKey)]);
            var body = new BlockBody([.. transactions], lastCommit);
            var header = new BlockHeader
            {
                ParentHash = parent.Hash,
                Number = parent.Number + 1,
                Timestamp = parent.Timestamp + 1,
                Proposer = AddressOf(validatorKey),
                StateRoot = state.ComputeRoot(),
                TransactionsRoot = DerivedRoots.Transactions(body),
                ReceiptsRoot = DerivedRoots.Receipts(receipts),
                LogsBloom = Bloom.Empty,
                GasLimit = parent.GasLimit,
                GasUsed = 21_000UL * TransactionsPerBlock,
                BaseFeePerGas = parent.BaseFeePerGas,
                Epoch = 0,
                ValidatorSetHash = parent.ValidatorSetHash,
                LastCommitHash = lastCommit?.Hash ?? Hash256.Zero,
            };
            var block = new Block(header, body);
            chain.CommitBlock(block, receipts, null, state);
            Console.Out.WriteLine("committed " + block.Number);
            Console.Out.Flush();
        }
    }

    private static Address AddressOf(byte[] privateKey)
    {
        Span<byte> publicKey = stackalloc byte[Secp256k1.UncompressedPublicKeyLength];
        Secp256k1.GetPublicKey(privateKey, publicKey);
        return Address.FromPublicKey(publicKey);
    }
}
