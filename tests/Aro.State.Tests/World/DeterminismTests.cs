using Aro.Core;
using Aro.State.Trie;
using Aro.State.World;
using static Aro.State.Tests.World.StateFixtures;

namespace Aro.State.Tests.World;

public class DeterminismTests
{
    private static List<Action<WorldState>> Changes()
    {
        var changes = new List<Action<WorldState>>();
        for (var i = 0; i < 60; i++)
        {
            var address = AddressOf(i);
            var amount = (UInt256)(ulong)(1000 + i);
            changes.Add(s => s.AddBalance(address, amount));
            if (i % 3 == 0)
            {
                changes.Add(s => s.IncrementNonce(address));
            }

            if (i % 4 == 0)
            {
                var key = new byte[] { (byte)i, 0x01 };
                changes.Add(s => s.SetStorage(Staking, key, [(byte)(i + 1), 0x02]));
            }
        }

        return changes;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Root_does_not_depend_on_the_order_of_independent_writes(int seed)
    {
        var ordered = new WorldState(new MemoryTrieNodeStore());
        foreach (var change in Changes())
        {
            change(ordered);
        }

        var shuffled = new WorldState(new MemoryTrieNodeStore());
        var permutation = Changes().ToArray();
        new Random(seed).Shuffle(permutation);
        foreach (var change in permutation)
        {
            change(shuffled);
        }

        Assert.Equal(ordered.ComputeRoot(), shuffled.ComputeRoot());
    }

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    public void Committed_nodes_are_the_same_bytes_in_the_same_order_whatever_the_write_order(int seed)
    {
        var first = new RecordingWriter();
        var ordered = new WorldState(new MemoryTrieNodeStore());
        foreach (var change in Changes())
        {
            change(ordered);
        }

        ordered.Commit(first);

        var second = new RecordingWriter();
        var shuffled = new WorldState(new MemoryTrieNodeStore());
        var permutation = Changes().ToArray();
        new Random(seed).Shuffle(permutation);
        foreach (var change in permutation)
        {
            change(shuffled);
        }

        shuffled.Commit(second);

        Assert.Equal(first.Writes, second.Writes);
    }

    [Fact]
    public void Same_changes_on_top_of_a_committed_state_give_the_same_root_twice()
    {
        var nodes = new MemoryTrieNodeStore();
        var genesis = new WorldState(nodes);
        foreach (var change in Changes())
        {
            change(genesis);
        }

        var root = genesis.Commit(nodes);

        Hash256 Block()
        {
            var state = new WorldState(nodes, root);
            state.SubtractBalance(AddressOf(3), 500);
            state.AddBalance(AddressOf(59), 500);
            state.SetStorage(Staking, [0x00, 0x01], []);
            return state.ComputeRoot();
        }

        Assert.Equal(Block(), Block());
    }

    private sealed class RecordingWriter : ITrieNodeWriter
    {
        public List<string> Writes { get; } = [];

        public void Put(in Hash256 hash, ReadOnlySpan<byte> rlp) => Writes.Add(hash + ":" + Hex.Encode(rlp));
    }
}
