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
        var settledCompute = new SortedSet<ulong>();
        var chainId = await chain.ChainIdAsync().ConfigureAwait(false);
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

            if (current > 0 && !settledCompute.Contains(current - 1))
            {
                await AnswerComputeAsync(chain, sender, key, chainId, current - 1, head, settledCompute, cancel).ConfigureAwait(false);
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
        await SendAnswerAsync(sender, key, calldata, $"challenge of epoch {epoch}", $"(chunk {chunk})", epoch, settled, cancel).ConfigureAwait(false);
    }

    /// <summary>The compute challenge: the iterated keccak over (chain id, this edge, the nonce), computed here and recomputed by the chain.</summary>
    private async Task AnswerComputeAsync(ChainView chain, EdgeTxSender sender, EdgeKey key, ulong chainId, ulong epoch, ulong head, SortedSet<ulong> settled,
        CancellationToken cancel)
    {
        var c = await chain.ViewAsync(WorkProofAbi.GetComputeChallenge, AbiValue.Address(key.Address), AbiValue.UInt(epoch)).ConfigureAwait(false);
        if (!c[0].AsBool())
        {
            return;
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
            return;
        }

        var result = ComputeChallenge.Result(chainId, key.Address, nonce, rounds);
        var calldata = WorkProofAbi.AnswerComputeChallenge.EncodeCall(AbiValue.UInt(epoch), AbiValue.Bytes(result.ToArray()));
        await SendAnswerAsync(sender, key, calldata, $"compute challenge of epoch {epoch}", $"({rounds} rounds over nonce {nonce})", epoch, settled, cancel)
            .ConfigureAwait(false);
    }

    private async Task SendAnswerAsync(EdgeTxSender sender, EdgeKey key, byte[] calldata, string what, string detail, ulong epoch, SortedSet<ulong> settled,
        CancellationToken cancel)
    {
        try
        {
            var outcome = await sender.SendAsync(key, calldata, UInt256.Zero, cancel).ConfigureAwait(false);
            if (EdgeCli.Report(outcome, $"{what} answered {detail}", output, error) == EdgeCli.Ok)
            {
                settled.Add(epoch);
            }
        }
        catch (CallRefusedException e)
        {
            error.WriteLine($"error: answer to the {what} refused: {e.Message}");
            settled.Add(epoch);
        }
        catch (RpcCallException e)
        {
            // Not settled: the next poll tries again while the deadline allows.
            error.WriteLine($"error: the node refused the answer to the {what}: {e.Reason}");
        }

        output.Flush();
    }
}
