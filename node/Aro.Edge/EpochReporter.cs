using Aro.Core;

namespace Aro.Edge;

/// <summary>
/// One work report per report epoch, driven by heads: when a head lies inside epoch e+1's report window it
/// submits the report of epoch e, unless the chain already holds one (then it says so by name and skips it).
/// An epoch is done once its report is in or the module refused it by name; a node that went away mid-send is
/// retried on the next head (the chain is asked first, so a report that did get in is not sent twice).
/// </summary>
internal sealed class EpochReporter(ChainView chain, EdgeTxSender sender, EdgeKey key, ReportFigures figures, EdgeParams p, TextWriter output, TextWriter error)
{
    private readonly SortedSet<ulong> _done = [];

    public async Task OnHeadAsync(ulong head, CancellationToken cancel)
    {
        var current = head / p.EpochBlocks;
        if (current == 0 || head % p.EpochBlocks >= p.ReportWindowBlocks || _done.Contains(current - 1))
        {
            return;
        }

        var epoch = current - 1;
        if (await chain.WorkReportAsync(key.Address, epoch).ConfigureAwait(false) is not null)
        {
            output.WriteLine($"epoch {epoch}: already reported (skipped)");
            _done.Add(epoch);
            output.Flush();
            return;
        }

        try
        {
            var outcome = await sender.SendAsync(key, figures.Calldata(epoch), UInt256.Zero, cancel).ConfigureAwait(false);
            EdgeCli.Report(outcome, $"work report of epoch {epoch}", output, error);
            _done.Add(epoch);
        }
        catch (CallRefusedException e)
        {
            error.WriteLine($"error: work report of epoch {epoch} refused: {e.Message}");
            _done.Add(epoch);
        }
        catch (RpcCallException e)
        {
            error.WriteLine($"error: the node refused the work report of epoch {epoch}: {e.Reason}");
            _done.Add(epoch);
        }

        output.Flush();
        error.Flush();
    }
}
