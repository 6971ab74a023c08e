using System.Text.Json;
using Aro.Core;
using Aro.Core.Abi;
using Aro.Modules.Gpow.Abi;

namespace Aro.Edge;

/// <summary>
/// <c>verdicts</c> for keeper operators: finds the edge nodes assigned to this keeper in an epoch
/// (aro_getWorkReport names each report's assigned keepers), and submits one verdict per edge with the
/// keeper's observations, batched up to the module's cap per transaction. <c>--epoch E</c> does one
/// epoch now; without it the command follows the head and judges each finished epoch once its report
/// window has closed (so every report is in), until epoch <c>--until-epoch E</c> begins or until stopped.
/// </summary>
internal sealed class VerdictSubmitter(EdgeOptions options, TextWriter output, TextWriter error)
{
    private static readonly TimeSpan ReceiptTimeout = TimeSpan.FromSeconds(30);

    public async Task<int> RunAsync(CancellationToken cancel)
    {
        var key = EdgeKey.Load(options.Require("--key-file"));
        var observation = Observation.From(options);
        var oneEpoch = options.OptionalNumber("--epoch");
        var until = options.OptionalNumber("--until-epoch");
        using var rpc = new EdgeRpc(options.Rpc());
        var watcher = oneEpoch is null ? HeadWatcher.From(options, rpc, output, error) : null;
        options.EnsureAllUsed();
        var chain = new ChainView(rpc);
        var sender = new EdgeTxSender(rpc, ReceiptTimeout);
        var p = await chain.ParamsAsync().ConfigureAwait(false);
        if (oneEpoch is { } only)
        {
            return await JudgeAsync(chain, sender, key, observation, p, only, cancel).ConfigureAwait(false);
        }

        var done = new SortedSet<ulong>();
        await watcher!.FollowAsync(async head =>
        {
            var current = head / p.EpochBlocks;
            var offset = head % p.EpochBlocks;
            if (until is { } last && current >= last)
            {
                return false;
            }

            if (current > 0 && offset >= p.ReportWindowBlocks && offset < p.VerdictWindowBlocks && !done.Contains(current - 1))
            {
                await JudgeAsync(chain, sender, key, observation, p, current - 1, cancel).ConfigureAwait(false);
                done.Add(current - 1);
                output.Flush();
            }

            return true;
        }, cancel).ConfigureAwait(false);
        return EdgeCli.Ok;
    }

    private async Task<int> JudgeAsync(ChainView chain, EdgeTxSender sender, EdgeKey key, Observation observation, EdgeParams p, ulong epoch, CancellationToken cancel)
    {
        var batch = new List<AbiValue>();
        foreach (var edge in await chain.EdgeNodesAsync().ConfigureAwait(false))
        {
            var address = Address.Parse(edge.GetProperty("address").GetString()!);
            if (await chain.WorkReportAsync(address, epoch).ConfigureAwait(false) is { } report
                && Contains(report.GetProperty("assignedKeepers"), key.Address)
                && !HasVerdictBy(report.GetProperty("verdicts"), key.Address))
            {
                batch.Add(observation.On(address));
            }
        }

        if (batch.Count == 0)
        {
            output.WriteLine($"epoch {epoch}: no edge node assigned to {key.Address} awaits a verdict");
            return EdgeCli.Ok;
        }

        var code = EdgeCli.Ok;
        for (var i = 0; i < batch.Count; i += (int)p.MaxVerdictsPerTx)
        {
            var part = batch.GetRange(i, Math.Min((int)p.MaxVerdictsPerTx, batch.Count - i));
            try
            {
                var outcome = await sender.SendAsync(key, WorkProofAbi.SubmitVerdicts.EncodeCall(AbiValue.UInt(epoch), AbiValue.List([.. part])), UInt256.Zero, cancel)
                    .ConfigureAwait(false);
                code = Math.Max(code, EdgeCli.Report(outcome, $"{part.Count} verdicts on epoch {epoch}", output, error));
            }
            catch (CallRefusedException e)
            {
                error.WriteLine($"error: verdicts on epoch {epoch} refused: {e.Message}");
                code = EdgeCli.Refused;
            }
            catch (RpcCallException e)
            {
                error.WriteLine($"error: the node refused the verdicts on epoch {epoch}: {e.Reason}");
                code = EdgeCli.Refused;
            }
        }

        return code;
    }

    private static bool Contains(JsonElement addresses, Address keeper)
    {
        foreach (var a in addresses.EnumerateArray())
        {
            if (Address.TryParse(a.GetString(), out var parsed) && parsed == keeper)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasVerdictBy(JsonElement verdicts, Address keeper)
    {
        foreach (var v in verdicts.EnumerateArray())
        {
            if (Address.TryParse(v.GetProperty("keeper").GetString(), out var parsed) && parsed == keeper)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What the keeper observed of the edges it judges (configured, or from the operator's probes).</summary>
    private sealed record Observation(ulong IpClass, ulong IpChanges, ulong UploadMbps, bool NatOpen, ulong UptimePpm)
    {
        public static Observation From(EdgeOptions options)
        {
            var observation = new Observation(
                options.Number("--ip-class", 1), options.Number("--ip-changes", 0), options.Number("--upload-mbps", 50), options.Flag("--nat-open"),
                options.Number("--uptime-ppm", 1_000_000));
            return observation.IpClass > 3 || observation.UptimePpm > 1_000_000 || observation.IpChanges > ushort.MaxValue || observation.UploadMbps > uint.MaxValue
                ? throw new EdgeUsageException("--ip-class is 0..3 (datacenter, ISP, residential, mobile), --uptime-ppm at most 1000000")
                : observation;
        }

        public AbiValue On(Address edge) => AbiValue.List(
            AbiValue.Address(edge), AbiValue.UInt(IpClass), AbiValue.UInt(IpChanges), AbiValue.UInt(UploadMbps), AbiValue.Bool(NatOpen), AbiValue.UInt(UptimePpm));
    }
}
