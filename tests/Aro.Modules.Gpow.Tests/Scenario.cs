using Aro.Core;
using Aro.Modules.Gpow.Abi;

namespace Aro.Modules.Gpow.Tests;

/// <summary>Steps of the epoch timeline shared by the tests (register in epoch 0, report and judge in epoch 1).</summary>
internal static class Scenario
{
    public static void RegisterAll(this GpowChain chain, params Account[] edges) =>
        chain.Block([.. edges.Select(e => chain.Tx(e, Calls.RegisterDev(e), 1_000))]);

    /// <summary>Every edge reports <paramref name="epoch"/> in the first block of the next epoch.</summary>
    public static void ReportAll(this GpowChain chain, ulong epoch, params Account[] edges)
    {
        chain.AdvanceTo(chain.At(epoch + 1, 0));
        var result = chain.Block([.. edges.Select(e => chain.Tx(e, Calls.Report(epoch)))]);
        Assert.All(result.Transactions, t => Assert.True(t.Succeeded, GpowChain.DescribeRevert(t.Output)));
    }

    /// <summary>Each keeper sends one batch: the verdict <paramref name="make"/> gives for each edge it is assigned to.</summary>
    public static void JudgeAll(this GpowChain chain, ulong epoch, Account[] edges, Func<Account, Account, Verdict?> make)
    {
        var txs = new List<Aro.Execution.Execution.SenderTx>();
        foreach (var keeper in chain.Keepers)
        {
            var verdicts = new List<Verdict>();
            foreach (var edge in edges)
            {
                if (chain.Reader.AssignedKeepers(edge.Address, epoch).Contains(keeper.Address) && make(keeper, edge) is { } v)
                {
                    verdicts.Add(v);
                }
            }

            if (verdicts.Count > 0)
            {
                txs.Add(chain.Tx(keeper, Calls.Verdicts(epoch, [.. verdicts])));
            }
        }

        var result = chain.Block([.. txs]);
        Assert.All(result.Transactions, t => Assert.True(t.Succeeded, GpowChain.DescribeRevert(t.Output)));
    }

    /// <summary>Runs blocks until epoch <paramref name="epoch"/> is scored and settled.</summary>
    public static void Finish(this GpowChain chain, ulong epoch) => chain.AdvanceTo(chain.At(epoch + 1, chain.Params.VerdictWindowBlocks) + 1);

    public static EdgeResult Result(this GpowChain chain, Account edge, ulong epoch) => chain.Reader.Result(edge.Address, epoch)!;

    public static UInt256 Score(this GpowChain chain, Account edge, ulong epoch) => chain.Result(edge, epoch).Score;

    public static int Count(this GpowChain chain, Aro.Core.Abi.AbiEvent e) => chain.Events(e).Count();

    public static Aro.Core.Abi.AbiEvent Event(string name) => WorkProofAbi.Events.Single(e => e.Name == name);
}
