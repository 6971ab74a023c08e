using Aro.Core;
using Aro.Core.Abi;
using Aro.Modules.Gpow;
using Aro.Modules.Gpow.Abi;

namespace Aro.Edge;

/// <summary>
/// <c>serve-challenges</c>: a long-running command that follows the chain head (<see cref="HeadWatcher"/>: newHeads
/// over WebSocket, or polling with <c>--poll</c>) and, for each epoch this edge reported, asks the module whether it
/// was challenged (getChallenge) and answers before the deadline with the chosen chunk of its data and that chunk's
/// Merkle proof, and whether it got a compute challenge (getComputeChallenge), answered with the iterated keccak it
/// computes locally from the nonce. With <c>--report-each-epoch</c> it also submits each finished epoch's work report as soon as the
/// report window opens (<see cref="EpochReporter"/>). Without <c>--data</c> (an edge that declared no storage) it
/// answers compute challenges only, says so at start-up, and names each storage challenge it cannot answer.
/// </summary>
internal sealed class ChallengeServer(EdgeOptions options, TextWriter output, TextWriter error)
{
    private static readonly TimeSpan ReceiptTimeout = TimeSpan.FromSeconds(30);

    public async Task<int> RunAsync(CancellationToken cancel)
    {
        var key = EdgeKey.Load(options.Require("--key-file"));
        var data = options.Get("--data") is { } path ? EdgeData.Load(path) : null;
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
        var settledCompute = new SortedSet<ulong>();
        var chainId = await chain.ChainIdAsync().ConfigureAwait(false);
        output.WriteLine(data is null
            ? $"serving challenges for {key.Address}: compute only; no --data, so storage challenges will not be answered"
            : $"serving challenges for {key.Address}: {data.ChunkCount} chunks, root {data.Root}");
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
            if (current > 0)
            {
                var answers = new List<Answer>(2);
                if (!settled.Contains(current - 1) && await StorageAnswerAsync(chain, key, data, current - 1, head, settled).ConfigureAwait(false) is { } storage)
                {
                    answers.Add(storage);
                }

                if (!settledCompute.Contains(current - 1)
                    && await ComputeAnswerAsync(chain, key, chainId, current - 1, head, settledCompute).ConfigureAwait(false) is { } compute)
                {
                    answers.Add(compute);
                }

                await SendAnswersAsync(sender, key, answers, current - 1, cancel).ConfigureAwait(false);
            }

            return true;
        }, cancel).ConfigureAwait(false);
        return EdgeCli.Ok;
    }

    private async Task<Answer?> StorageAnswerAsync(ChainView chain, EdgeKey key, EdgeData? data, ulong epoch, ulong head, SortedSet<ulong> settled)
    {
        var c = await chain.ViewAsync(WorkProofAbi.GetChallenge, AbiValue.Address(key.Address), AbiValue.UInt(epoch)).ConfigureAwait(false);
        if (!c[0].AsBool())
        {
            return null; // not (yet) challenged: the seed is fixed when the report window closes
        }

        var chunk = c[1].AsUInt64();
        var deadline = c[2].AsUInt64();
        if (data is null)
        {
            // Only a report that committed to data is challenged: that data is not served by this run.
            if (!c[3].AsBool() && head < deadline)
            {
                error.WriteLine($"error: storage challenge of epoch {epoch} (chunk {chunk}, deadline block {deadline}) cannot be answered: serve-challenges runs without --data");
            }

            settled.Add(epoch);
            return null;
        }

        if (c[3].AsBool() || head >= deadline || chunk >= data.ChunkCount)
        {
            if (chunk >= data.ChunkCount)
            {
                error.WriteLine($"error: challenge of epoch {epoch} names chunk {chunk}, but {data.ChunkCount} chunks are held: the report committed to other data");
            }

            settled.Add(epoch);
            return null;
        }

        var proof = data.Proof(chunk);
        var calldata = WorkProofAbi.AnswerChallenge.EncodeCall(
            AbiValue.UInt(epoch), AbiValue.Bytes(data.Chunk(chunk)), AbiValue.List([.. proof.Select(static h => AbiValue.Bytes(h.ToArray()))]));
        return new Answer(calldata, $"challenge of epoch {epoch}", $"(chunk {chunk})", settled);
    }

    /// <summary>The compute challenge: the iterated keccak over (chain id, this edge, the nonce), computed here and recomputed by the chain.</summary>
    private async Task<Answer?> ComputeAnswerAsync(ChainView chain, EdgeKey key, ulong chainId, ulong epoch, ulong head, SortedSet<ulong> settled)
    {
        var c = await chain.ViewAsync(WorkProofAbi.GetComputeChallenge, AbiValue.Address(key.Address), AbiValue.UInt(epoch)).ConfigureAwait(false);
        if (!c[0].AsBool())
        {
            return null;
        }

        var nonce = new Hash256(c[1].AsBytes());
        var rounds = c[2].AsUInt64();
        var deadline = c[3].AsUInt64();
        if (c[4].AsBool() || head >= deadline || rounds is 0 or > GpowParams.MaxComputeChallengeRounds)
        {
            if (rounds is 0 or > GpowParams.MaxComputeChallengeRounds)
            {
                error.WriteLine($"error: compute challenge of epoch {epoch} asks for {rounds} rounds, outside 1..{GpowParams.MaxComputeChallengeRounds}");
            }

            settled.Add(epoch);
            return null;
        }

        var result = ComputeChallenge.Result(chainId, key.Address, nonce, rounds);
        var calldata = WorkProofAbi.AnswerComputeChallenge.EncodeCall(AbiValue.UInt(epoch), AbiValue.Bytes(result.ToArray()));
        return new Answer(calldata, $"compute challenge of epoch {epoch}", $"({rounds} rounds over nonce {nonce})", settled);
    }

    /// <summary>
    /// Sends every answer first and then waits for their receipts, so a storage and a compute answer share the window
    /// instead of queueing behind each other's block (the second takes the next pending nonce).
    /// </summary>
    private async Task SendAnswersAsync(EdgeTxSender sender, EdgeKey key, List<Answer> answers, ulong epoch, CancellationToken cancel)
    {
        var sent = new List<(Answer Answer, SentTx Tx)>(answers.Count);
        foreach (var answer in answers)
        {
            try
            {
                sent.Add((answer, await sender.SubmitAsync(key, answer.Calldata, UInt256.Zero).ConfigureAwait(false)));
            }
            catch (CallRefusedException e)
            {
                error.WriteLine($"error: answer to the {answer.What} refused: {e.Message}");
                answer.Settled.Add(epoch);
            }
            catch (RpcCallException e)
            {
                // Not settled: the next head tries again while the deadline allows.
                error.WriteLine($"error: the node refused the answer to the {answer.What}: {e.Reason}");
            }
        }

        foreach (var (answer, tx) in sent)
        {
            try
            {
                var outcome = await sender.AwaitAsync(tx, cancel).ConfigureAwait(false);
                if (EdgeCli.Report(outcome, $"{answer.What} answered {answer.Detail}", output, error) == EdgeCli.Ok)
                {
                    answer.Settled.Add(epoch);
                }
            }
            catch (RpcCallException e)
            {
                error.WriteLine($"error: the node failed while the answer to the {answer.What} was awaited: {e.Reason}");
            }
        }

        output.Flush();
    }

    /// <summary>One challenge answer ready to send, and the set that remembers its epoch once it is done.</summary>
    private sealed record Answer(byte[] Calldata, string What, string Detail, SortedSet<ulong> Settled);
}
