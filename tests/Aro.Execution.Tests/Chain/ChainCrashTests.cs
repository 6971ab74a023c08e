using Aro.Core;
using Aro.Core.Crypto;
using Aro.Execution.Chain;
using Aro.State;
using Aro.State.Trie;
using Aro.State.World;
using Aro.Storage;
using Aro.Storage.RocksDb;
using Aro.Testing;

namespace Aro.Execution.Tests.Chain;

/// <summary>
/// Kills a child process committing blocks through <see cref="ChainStore"/> (Aro.Storage.CrashProbe in
/// "chain" mode) with SIGKILL at seeded random times, then checks that the head the database names is
/// whole: header, body, receipts, tx index and the state root's trie node, all consistent, and that no
/// acknowledged block was lost.
/// </summary>
public sealed class ChainCrashTests : IDisposable
{
    private const int Kills = 6;
    private const int TransactionsPerBlock = 3;

    private readonly TempDirectory _directory = new();

    private static string GenesisPath => Path.Combine(TestData.RepositoryRoot, "genesis", "devnet.json");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Killed_block_writer_leaves_the_head_block_and_its_state_whole()
    {
        string dbPath = Path.Combine(_directory.Path, "db");
        var delays = new Random(7771);
        ulong previous = 0;
        for (int run = 0; run < Kills; run++)
        {
            ulong acknowledged = (ulong)CrashProbe.RunAndKill(delays.Next(20, 400), "chain", dbPath, GenesisPath);
            ulong head = VerifyHead(dbPath);
            Assert.True(head >= acknowledged, $"run {run}: block {acknowledged} was acknowledged but the head is {head}");
            Assert.True(head >= previous, $"run {run}: head went back from {previous} to {head}");
            previous = head;
        }

        Assert.True(previous > 0, "the probe never committed a block");
    }

    private static ulong VerifyHead(string dbPath)
    {
        using var store = RocksDbStore.Open(dbPath);
        var chain = new ChainStore(store);
        var genesis = chain.Initialize(GenesisSpec.Load(GenesisPath));
        var head = chain.Head;
        Assert.Null(chain.GetHeader(head.Number + 1));
        if (head.Number == 0)
        {
            Assert.Equal(genesis.Hash, head.Hash);
            return 0;
        }

        var block = chain.GetBlock(head.Number);
        Assert.NotNull(block);
        Assert.Equal(head.Hash, block.Hash);
        Assert.Equal(head.Number, chain.GetNumber(head.Hash));
        Assert.Equal(chain.GetHeader(head.Number - 1)!.Hash, block.Header.ParentHash);
        Assert.Equal(TransactionsPerBlock, block.Body.Transactions.Length);
        Assert.Equal(block.Header.TransactionsRoot, DerivedRoots.Transactions(block.Body));

        var receipts = chain.GetReceipts(head.Number);
        Assert.NotNull(receipts);
        Assert.Equal(block.Body.Transactions.Length, receipts.Count);
        Assert.Equal(block.Header.ReceiptsRoot, DerivedRoots.Receipts(receipts));
        for (int i = 0; i < block.Body.Transactions.Length; i++)
        {
            Assert.Equal(new TxLocation(head.Number, head.Hash, i), chain.GetTransactionLocation(block.Body.Transactions[i].Hash));
        }

        Assert.NotNull(store.Get(Columns.TrieNodes, block.Header.StateRoot.Bytes));
        var state = new WorldState(new StoreTrieNodes(store), block.Header.StateRoot);
        var sender = Address.FromPublicKey(PublicKey(Keccak256.Hash("aro-devnet-account-0"u8).ToArray()));
        Assert.Equal(head.Number * TransactionsPerBlock, state.GetNonce(sender));
        return head.Number;
    }

    private static byte[] PublicKey(byte[] privateKey)
    {
        var publicKey = new byte[Secp256k1.UncompressedPublicKeyLength];
        Secp256k1.GetPublicKey(privateKey, publicKey);
        return publicKey;
    }
}
