using Aro.Consensus.Core;
using Aro.Consensus.Tests.Support;
using Aro.Consensus.Signing;
using Aro.Consensus.Wal;
using Aro.Core.Blocks;
using Aro.Testing;

namespace Aro.Consensus.Tests.Wal;

/// <summary>The WAL on real files in a temp directory.</summary>
public sealed class ConsensusWalTests : IDisposable
{
    private readonly TempDirectory _directory = new("aro-wal");
    private readonly TestValidators _validators = TestValidators.Equal(4);

    private string WalDirectory => Path.Combine(_directory.Path, "cs-wal");

    private string FirstSegment => Path.Combine(WalDirectory, "00000001.wal");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Every_input_kind_reads_back_equal_after_reopening()
    {
        var block = TestBlocks.Value("a");
        ConsensusInput[] inputs =
        [
            new ProposalReceived(_validators.Proposal(1, 3, 2, block, polRound: 1)),
            new VoteReceived(_validators.Prevote(2, 3, 2, block)),
            new VoteReceived(_validators.Precommit(0, 3, 2, null)),
            new TimeoutElapsed(new TimeoutInfo(3, 2, RoundStep.Prevote)),
            new BlockReady(3, 2, block),
            new DecisionReceived(block, _validators.Commit(3, 2, block.Hash, 0, 1, 2)),
        ];
        using (var wal = ConsensusWal.Open(WalDirectory))
        {
            wal.EndHeight(2);
            foreach (var input in inputs)
            {
                wal.AppendInput(input, sync: true);
            }
        }

        using var reopened = ConsensusWal.Open(WalDirectory);

        var replayed = reopened.ReadHeight(3);
        Assert.Equal(inputs.Length, replayed.Count);
        AssertSameProposal(((ProposalReceived)inputs[0]).Proposal, Assert.IsType<ProposalReceived>(replayed[0]).Proposal);
        Assert.Equal(inputs[1], replayed[1]);
        Assert.Equal(inputs[2], replayed[2]);
        Assert.Equal(inputs[3], replayed[3]);
        var ready = Assert.IsType<BlockReady>(replayed[4]);
        Assert.Equal((3UL, 2u, block.Hash), (ready.Height, ready.Round, ready.Block.Hash));
        Assert.Equal(block.Encoded.ToArray(), ready.Block.Encoded.ToArray());
        var decision = Assert.IsType<DecisionReceived>(replayed[5]);
        Assert.Equal(((DecisionReceived)inputs[5]).Commit, decision.Commit);
        Assert.Equal(0, reopened.TruncatedBytes);
    }

    [Fact]
    public void Replay_starts_after_the_end_of_the_previous_height()
    {
        using (var wal = ConsensusWal.Open(WalDirectory))
        {
            wal.AppendInput(Timeout(1, 0), sync: false);
            wal.EndHeight(1);
            wal.AppendInput(Timeout(2, 0), sync: false);
            wal.AppendInput(Timeout(2, 1), sync: true);
        }

        using var reopened = ConsensusWal.Open(WalDirectory);

        Assert.Equal([Timeout(2, 0), Timeout(2, 1)], reopened.ReadHeight(2));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(9)]
    public void Torn_last_record_is_cut_and_earlier_records_survive(int bytesCut)
    {
        using (var wal = ConsensusWal.Open(WalDirectory))
        {
            wal.EndHeight(0);
            wal.AppendInput(Timeout(1, 0), sync: true);
            wal.AppendInput(Timeout(1, 1), sync: true);
        }

        var length = new FileInfo(FirstSegment).Length;
        using (var file = new FileStream(FirstSegment, FileMode.Open))
        {
            file.SetLength(length - bytesCut);
        }

        using (var reopened = ConsensusWal.Open(WalDirectory))
        {
            Assert.Equal([Timeout(1, 0)], reopened.ReadHeight(1));
            Assert.True(reopened.TruncatedBytes > 0);
            reopened.AppendInput(Timeout(1, 2), sync: true);
        }

        using var again = ConsensusWal.Open(WalDirectory);
        Assert.Equal([Timeout(1, 0), Timeout(1, 2)], again.ReadHeight(1));
        Assert.Equal(0, again.TruncatedBytes);
    }

    [Fact]
    public void Record_with_a_bad_checksum_ends_the_log()
    {
        using (var wal = ConsensusWal.Open(WalDirectory))
        {
            wal.AppendInput(Timeout(1, 0), sync: true);
            wal.AppendInput(Timeout(1, 1), sync: true);
        }

        var bytes = File.ReadAllBytes(FirstSegment);
        bytes[^1] ^= 0xff;
        File.WriteAllBytes(FirstSegment, bytes);

        using var reopened = ConsensusWal.Open(WalDirectory);

        Assert.Equal([Timeout(1, 0)], reopened.ReadHeight(1));
    }

    [Fact]
    public void Checksummed_record_that_does_not_decode_stops_the_open()
    {
        // A frame with a correct CRC-32C over an unknown record kind: not a torn write, so never skipped.
        byte[] payload = [0x7f, 0x80];
        var frame = new byte[8 + payload.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)payload.Length);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), Crc32C.Compute(payload));
        payload.CopyTo(frame, 8);
        Directory.CreateDirectory(WalDirectory);
        File.WriteAllBytes(FirstSegment, frame);

        Assert.Throws<ConsensusWalException>(() => ConsensusWal.Open(WalDirectory));
    }

    [Fact]
    public void Garbage_appended_after_the_last_record_is_cut()
    {
        using (var wal = ConsensusWal.Open(WalDirectory))
        {
            wal.AppendInput(Timeout(1, 0), sync: true);
        }

        File.AppendAllText(FirstSegment, "\u0000\u0000\u0000\u0003garbage");

        using var reopened = ConsensusWal.Open(WalDirectory);

        Assert.Equal([Timeout(1, 0)], reopened.ReadHeight(1));
        Assert.Equal(11, reopened.TruncatedBytes);
    }

    [Fact]
    public void Replaying_the_wal_into_a_fresh_core_resumes_the_height_where_it_stopped()
    {
        var me = Enumerable.Range(0, 4).First(i => i != _validators.Set.ProposerIndex);
        var block = TestBlocks.Value("a");
        var others = Enumerable.Range(0, 4).Where(i => i != me).ToList();
        ConsensusInput[] inputs =
        [
            new ProposalReceived(_validators.Proposal(_validators.Set.ProposerIndex, 1, 0, block)),
            new VoteReceived(_validators.Prevote(others[0], 1, 0, block)),
            new VoteReceived(_validators.Prevote(others[1], 1, 0, block)),
        ];
        var original = NewCore(me);
        original.StartHeight(1, _validators.Set);
        var sent = new List<ConsensusEffect>();
        using (var wal = ConsensusWal.Open(WalDirectory))
        {
            wal.EndHeight(0);
            foreach (var input in inputs)
            {
                wal.AppendInput(input, sync: false);
                var effects = original.Handle(input);
                sent.AddRange(effects);

                // As the node does: its own signed messages go into the WAL (synced) before they are sent.
                foreach (var own in effects.OfType<BroadcastVote>())
                {
                    wal.AppendInput(new VoteReceived(own.Vote), sync: true);
                }
            }
        }

        // "Crash": a new core, the same key, the height's inputs from the WAL.
        var restarted = NewCore(me);
        restarted.StartHeight(1, _validators.Set);
        var resent = new List<ConsensusEffect>();
        using (var wal = ConsensusWal.Open(WalDirectory))
        {
            foreach (var input in wal.ReadHeight(1))
            {
                resent.AddRange(restarted.Handle(input));
            }
        }

        Assert.Equal((original.Round, original.Step, original.LockedBlock), (restarted.Round, restarted.Step, restarted.LockedBlock));
        // The guarded signer refuses the prevote again (the precommit is later); the replayed own votes stand in for it,
        // and nothing different is ever signed.
        Assert.Equal(2, sent.OfType<BroadcastVote>().Count());
        Assert.Subset(sent.OfType<BroadcastVote>().Select(v => v.Vote).ToHashSet(), resent.OfType<BroadcastVote>().Select(v => v.Vote).ToHashSet());
    }

    /// <summary>A core signing through a guarded signer whose state file survives the "crash".</summary>
    private ConsensusCore NewCore(int index) =>
        new(new ConsensusConfig { ChainId = TestValidators.ChainId }, GuardedSigner.Open(Path.Combine(_directory.Path, "signer.state"), _validators.Keys[index]), new HashCheckingValidator());

    private static TimeoutElapsed Timeout(ulong height, uint round) => new(new TimeoutInfo(height, round, RoundStep.Propose));

    private static void AssertSameProposal(Proposal expected, Proposal actual)
    {
        Assert.Equal((expected.Height, expected.Round, expected.PolRound, expected.ProposerIndex), (actual.Height, actual.Round, actual.PolRound, actual.ProposerIndex));
        Assert.Equal(expected.Value.Hash, actual.Value.Hash);
        Assert.Equal(expected.Value.Encoded.ToArray(), actual.Value.Encoded.ToArray());
        Assert.Equal(expected.Signature.ToArray(), actual.Signature.ToArray());
    }
}
