using Aro.Core;
using static Aro.Modules.Gpow.Abi.WorkProofAbi;

namespace Aro.Modules.Gpow.Tests;

public class ChallengeTests
{
    private static readonly byte[][] Chunks = [.. Enumerable.Range(0, 5).Select(i => Enumerable.Repeat((byte)(i + 1), 100).ToArray())];
    private static readonly (Hash256 Root, Hash256[][] Proofs) Tree = StorageProof.Build(Chunks);

    [Fact]
    public void Challenged_edge_that_answers_with_the_chunk_proof_keeps_its_score()
    {
        using var chain = Stored(out var edge);
        var challenge = chain.Reader.Challenge(edge.Address, 0);
        Assert.True(challenge.Challenged);

        chain.Ok(edge, Calls.Answer(0, Chunks[challenge.ChunkIndex], Tree.Proofs[challenge.ChunkIndex]));
        chain.Finish(0);

        Assert.False(chain.Result(edge, 0).ChallengeFailed);
        Assert.Equal((UInt256)50_000_000, chain.Score(edge, 0));
        Assert.Empty(chain.Registry.Slashes);
    }

    [Fact]
    public void Unanswered_challenge_zeroes_the_score_slashes_the_bond_and_the_keepers_who_vouched()
    {
        using var chain = Stored(out var edge);

        chain.Finish(0);

        Assert.True(chain.Result(edge, 0).ChallengeFailed);
        Assert.Equal(UInt256.Zero, chain.Score(edge, 0));
        Assert.Equal((UInt256)900, chain.Reader.Edge(edge.Address)!.Bond);
        Assert.Equal((UInt256)100, chain.Reader.Totals.Carry);
        Assert.Equal(chain.Keepers.Select(k => (k.Address, 0UL)).Order(), chain.Registry.Slashes.Select(s => (s.Keeper, s.Epoch)).Order());
        Assert.Single(chain.Events(ChallengeFailed));
    }

    [Fact]
    public void Answer_with_a_wrong_chunk_reverts_InvalidStorageProof()
    {
        using var chain = Stored(out var edge);
        var index = chain.Reader.Challenge(edge.Address, 0).ChunkIndex;
        var other = (index + 1) % 5;

        chain.Fails(edge, Calls.Answer(0, Chunks[other], Tree.Proofs[index]), InvalidStorageProof);
    }

    [Fact]
    public void Answer_after_the_deadline_reverts_ChallengeClosed()
    {
        using var chain = Stored(out var edge);
        var challenge = chain.Reader.Challenge(edge.Address, 0);
        chain.AdvanceTo(challenge.DeadlineBlock + 1);

        chain.Fails(edge, Calls.Answer(0, Chunks[challenge.ChunkIndex], Tree.Proofs[challenge.ChunkIndex]), ChallengeClosed);
    }

    [Fact]
    public void Answer_before_the_challenge_seed_is_fixed_reverts_NoChallenge()
    {
        using var chain = new GpowChain(GpowChain.TestParams with { ChallengeRatePpm = 1_000_000 });
        var edge = chain.Edges[0];
        chain.RegisterAll(edge);
        chain.AdvanceTo(chain.At(1, 0));
        chain.Ok(edge, Calls.Report(0, dataRoot: Tree.Root, chunkCount: 5));

        chain.Fails(edge, Calls.Answer(0, Chunks[0], Tree.Proofs[0]), NoChallenge);
    }

    [Fact]
    public void Second_answer_reverts_ChallengeAlreadyAnswered()
    {
        using var chain = Stored(out var edge);
        var i = chain.Reader.Challenge(edge.Address, 0).ChunkIndex;
        chain.Ok(edge, Calls.Answer(0, Chunks[i], Tree.Proofs[i]));

        chain.Fails(edge, Calls.Answer(0, Chunks[i], Tree.Proofs[i]), ChallengeAlreadyAnswered);
    }

    [Fact]
    public void Storage_proofs_verify_every_chunk_and_nothing_else()
    {
        for (var i = 0; i < Chunks.Length; i++)
        {
            Assert.True(StorageProof.Verify(Tree.Root, 5, (ulong)i, Chunks[i], Tree.Proofs[i]));
            Assert.False(StorageProof.Verify(Tree.Root, 5, (ulong)((i + 1) % 5), Chunks[i], Tree.Proofs[i]));
            Assert.False(StorageProof.Verify(Tree.Root, 5, (ulong)i, Chunks[i], Tree.Proofs[i][..^1]));
        }
    }

    // Every edge is challenged (rate 100 %); the edge stored 5 chunks; all keepers vouch; the seed is fixed.
    private static GpowChain Stored(out Account edge)
    {
        var chain = new GpowChain(GpowChain.TestParams with { ChallengeRatePpm = 1_000_000 });
        var e = chain.Edges[0];
        edge = e;
        chain.RegisterAll(e);
        chain.AdvanceTo(chain.At(1, 0));
        chain.Ok(e, Calls.Report(0, dataRoot: Tree.Root, chunkCount: 5));
        chain.JudgeAll(0, [e], (_, x) => Calls.On(x));
        chain.AdvanceTo(chain.At(1, 4));
        return chain;
    }
}
