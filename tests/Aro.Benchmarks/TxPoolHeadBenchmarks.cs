using System.Collections.Immutable;
using Aro.Core;
using Aro.Core.Transactions;
using Aro.Execution.TxPool;
using Aro.State.Trie;
using Aro.State.World;
using Aro.Testing.Modules;
using BenchmarkDotNet.Attributes;

namespace Aro.Benchmarks;

/// <summary>
/// The pool's pass over a new head with 2,000 pooled senders (3 transactions each) whose accounts
/// live in a real account trie (10,000 accounts, in-memory nodes; each read a fresh trie walk, as the
/// node's head reader does): reading every sender, against being handed the block's changed accounts
/// (1,400 of the senders, a full block of transfers). Base fee unchanged, nothing dropped.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class TxPoolHeadBenchmarks
{
    private const int Senders = 2_000;
    private const int Changed = 1_400;
    private const ulong ChainId = 1;

    private static readonly TxPoolOptions Options = new() { ChainId = ChainId, BaseFee = 7 };

    private readonly TrieReader[] _readers = new TrieReader[2];
    private Dictionary<Address, Account?> _changed = [];
    private TxPool _pool = null!;
    private int _current;

    [GlobalSetup]
    public void Setup()
    {
        var nodes = new MemoryTrieNodeStore();
        var world = new WorldState(nodes);
        var balance = UInt256.Parse("1000000000000000000000");
        var keys = new byte[Senders][];
        for (var s = 0; s < Senders; s++)
        {
            keys[s] = TestKeys.PrivateKey(0x02, s);
            var sender = TestKeys.AddressOf(keys[s]);
            world.AddBalance(sender, balance);
            if (s < Changed)
            {
                _changed.Add(sender, Account.Empty with { Balance = balance });
            }
        }

        for (var other = 0; other < 8_000; other++)
        {
            world.AddBalance(TestKeys.AddressOf(TestKeys.PrivateKey(0x02, 100_000 + other)), 1);
        }

        var root = world.Commit(nodes);
        _readers[0] = new TrieReader(nodes, root);
        _readers[1] = new TrieReader(nodes, root);
        _pool = new TxPool(Options, _readers[0]);
        for (var s = 0; s < Senders; s++)
        {
            for (ulong n = 0; n < 3; n++)
            {
                var unsigned = Transaction.DynamicFee(
                    ChainId, n, 2, 1_000_000_000, 21_000, Address.Parse("0x" + new string('1', 40)), 1_000, [], ImmutableArray<AccessListEntry>.Empty);
                if (!_pool.Add(TxSigner.Sign(unsigned, keys[s])).IsAccepted)
                {
                    throw new InvalidOperationException("setup transaction refused");
                }
            }
        }
    }

    [Benchmark(Baseline = true)]
    public int OnNewHead_reading_every_sender() => _pool.OnNewHead(Next(), 7);

    [Benchmark]
    public int OnNewHead_with_the_blocks_changes()
    {
        var parent = _readers[_current];
        return _pool.OnNewHead(Next(), 7, new HeadChanges(parent, _changed));
    }

    private TrieReader Next()
    {
        _current ^= 1;
        return _readers[_current];
    }

    private sealed class TrieReader(ITrieNodeReader nodes, Hash256 root) : ITxPoolStateReader
    {
        public ulong GetNonce(Address address) => new WorldState(nodes, root).GetNonce(address);

        public UInt256 GetBalance(Address address) => new WorldState(nodes, root).GetBalance(address);

        public (ulong Nonce, UInt256 Balance) GetNonceAndBalance(Address address) =>
            new WorldState(nodes, root).GetAccount(address) is { } a ? (a.Nonce, a.Balance) : (0UL, UInt256.Zero);
    }
}
