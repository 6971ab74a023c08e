using Aro.Core;
using Aro.Core.Abi;
using Aro.Modules.Gpow.Abi;

namespace Aro.Edge;

/// <summary>
/// <c>serve-challenges</c>: a long-running command that follows the chain head (<see cref="HeadWatcher"/>: newHeads
/// over WebSocket, or polling with <c>--poll</c>) and, for each epoch this edge reported, asks the module whether it
/// was challenged (getChallenge) and answers before the deadline with the chosen chunk of its data and that chunk's
/// Merkle proof. With <c>--report-each-epoch</c> it also submits each finished epoch's work report as soon as the
/// report window opens (<see cref="EpochReporter"/>).
/// </summary>
internal sealed class ChallengeServer(EdgeOptions options, TextWriter output, TextWriter error)
{
    private static readonly TimeSpan ReceiptTimeout = TimeSpan.FromSeconds(30);

    public async Task<int> RunAsync(CancellationToken cancel)
    {
        var key = EdgeKey.Load(options.Require("--key-file"));
        var data = EdgeData.Load(options.Require("--data"));
        var reportEach = options.Flag("--report-each-epoch");
        var figures = ReportFigures.From(options, data);
        var until = options.OptionalNumber("--until-epoch");
        using var rpc = new EdgeRpc(options.Rpc());
        var watcher = HeadWatcher.From(options, rpc, output, error);
        options.EnsureAllUsed();
        var chain = new ChainView(rpc);
        var sender = new EdgeTxSender(rpc, ReceiptTimeout);
        var p = await chain.ParamsAsync().ConfigureAwait(false);
        var reporter = reportEach ? new EpochReporter(chain, sender, key, figures, p, output, error) : null;
        var settled = new SortedSet<ulong>();
        output.WriteLine($"serving challenges for {key.Address}: {data.ChunkCount} chunks, root {data.Root}");
        output.Flush();
        await watcher.FollowAsync(async head =>
        {
            var current = head / p.EpochBlocks;
            if (until is { } last && current >= last)
            {
                return false;
            }

            if (reporter is not null)
            {
                await reporter.OnHeadAsync(head, cancel).ConfigureAwait(false);
            }

            // Challenges of epoch e open after e+1's report window and close within it, so e = current−1 is the only live one.
            if (current > 0 && !settled.Contains(current - 1))
            {
                await AnswerAsync(chain, sender, key, data, current - 1, head, settled, cancel).ConfigureAwait(false);
            }

            return true;
        }, cancel).ConfigureAwait(false);
        return EdgeCli.Ok;
    }

    private async Task AnswerAsync(ChainView chain, EdgeTxSender sender, EdgeKey key, EdgeData data, ulong epoch, ulong head, SortedSet<ulong> settled, CancellationToken cancel)
    {
        var c = await chain.ViewAsync(WorkProofAbi.GetChallenge, AbiValue.Address(key.Address), AbiValue.UInt(epoch)).ConfigureAwait(false);
        if (!c[0].AsBool())
        {
            return; // not (yet) challenged: the seed is fixed when the report window closes
        }

        var chunk = c[1].AsUInt64();
        var deadline = c[2].AsUInt64();
        if (c[3].AsBool() || head >= deadline || chunk >= data.ChunkCount)
        {
            if (chunk >= data.ChunkCount)
            {
                error.WriteLine($"error: challenge of epoch {epoch} names chunk {chunk}, but {data.ChunkCount} chunks are held: the report committed to other data");
            }

            settled.Add(epoch);
            return;
        }

        var proof = data.Proof(chunk);
        var calldata = WorkProofAbi.AnswerChallenge.EncodeCall(
            AbiValue.UInt(epoch), AbiValue.Bytes(data.Chunk(chunk)), AbiValue.List([.. proof.Select(static h => AbiValue.Bytes(h.ToArray()))]));
        try
        {
            var outcome = await sender.SendAsync(key, calldata, UInt256.Zero, cancel).ConfigureAwait(false);
            if (EdgeCli.Report(outcome, $"challenge of epoch {epoch} answered (chunk {chunk})", output, error) == EdgeCli.Ok)
            {
                settled.Add(epoch);
            }
        }
        catch (CallRefusedException e)
        {
            error.WriteLine($"error: answer to the challenge of epoch {epoch} refused: {e.Message}");
            settled.Add(epoch);
        }
        catch (RpcCallException e)
        {
            // Not settled: the next poll tries again while the deadline allows.
            error.WriteLine($"error: the node refused the answer to the challenge of epoch {epoch}: {e.Reason}");
        }

        output.Flush();
    }
}
