using Aro.Core;

namespace Aro.Modules.Gpow.Tests;

/// <summary>
/// Seeded random runs over several epochs: registrations, reports (some with storage), verdicts, storage and
/// compute challenge answers (or not), claims and departures, 1–4 transactions per block. The chain checks the accounting
/// invariants and the supply after every block; the same seed replayed gives the same state root.
/// </summary>
public class PropertyTests
{
    private static readonly byte[][] Chunks = [.. Enumerable.Range(0, 3).Select(i => new[] { (byte)i, (byte)(i * 7) })];
    private static readonly (Hash256 Root, Hash256[][] Proofs) Tree = StorageProof.Build(Chunks);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_runs_keep_the_invariants_and_replay_to_the_same_root(int seed)
    {
        Assert.Equal(Run(seed), Run(seed));
    }

    private static Hash256 Run(int seed)
    {
        var random = new Random(seed);
        using var chain = new GpowChain(GpowChain.TestParams with
        {
            ChallengeRatePpm = 500_000, ComputeChallengeRatePpm = 500_000, ComputeChallengeRounds = 64, SettlementPageSize = 3,
        }, edges: 8, keepers: 4);
        chain.Registry.PoolPerEpoch = (UInt256)(ulong)random.Next(1_000, 1_000_000);
        chain.RegisterAll(chain.Edges);
        for (var epoch = 0UL; epoch < 4; epoch++)
        {
            chain.AdvanceTo(chain.At(epoch + 1, 0));
            var reporters = chain.Edges.Where(e => !chain.Reader.Edge(e.Address)!.Left && random.Next(4) > 0).ToArray();
            chain.Block([.. reporters.Select(e => chain.Tx(e, random.Next(2) == 0
                ? Calls.Report(epoch, uptimePpm: (uint)random.Next(0, 1_000_001))
                : Calls.Report(epoch, uptimePpm: (uint)random.Next(0, 1_000_001), dataRoot: Tree.Root, chunkCount: 3)))]);
            chain.JudgeAll(epoch, reporters, (_, e) => random.Next(5) == 0 ? null
                : Calls.On(e, (byte)random.Next(4), (ushort)random.Next(10), (uint)random.Next(100), random.Next(2) == 0, (uint)random.Next(0, 1_000_001)));
            chain.AdvanceTo(chain.At(epoch + 1, 4));
            foreach (var edge in reporters)
            {
                var challenge = chain.Reader.Challenge(edge.Address, epoch);
                if (challenge.Challenged && random.Next(3) > 0)
                {
                    chain.Send(edge, Calls.Answer(epoch, Chunks[challenge.ChunkIndex], Tree.Proofs[challenge.ChunkIndex]));
                }

                var compute = chain.Reader.ComputeChallenge(edge.Address, epoch);
                if (compute.Challenged && random.Next(3) > 0)
                {
                    chain.Send(edge, Calls.AnswerCompute(epoch, ComputeChallenge.Result(GpowChain.ChainId, edge.Address, compute.Nonce, compute.Rounds)));
                }
            }

            chain.Finish(epoch);
            chain.Block([.. chain.Edges.Where(_ => random.Next(3) == 0).Select(e => chain.Tx(e, random.Next(6) == 0 ? Calls.Leave() : Calls.Claim()))]);
        }

        chain.AdvanceTo(chain.At(6, 0));
        Assert.True(chain.Reader.Epoch(3).Settled);
        return chain.State.ComputeRoot();
    }
}
