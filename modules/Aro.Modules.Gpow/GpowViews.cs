using Aro.Core;
using Aro.Core.Abi;
using static Aro.Modules.Gpow.Abi.WorkProofAbi;

namespace Aro.Modules.Gpow;

/// <summary>The eth_call views of IWorkProof, answered through <see cref="GpowReader"/>.</summary>
internal static class GpowViews
{
    public static IReadOnlyList<(AbiFunction Function, Func<GpowReader, AbiValue[], AbiValue[]> View)> All { get; } =
    [
        (GetParams, Params),
        (GetEdge, Edge),
        (GetDeclaredResources, Declared),
        (GetEdgeCount, static (r, _) => [AbiValue.UInt(r.EdgeCount)]),
        (GetEdgeAt, EdgeAt),
        (GetWorkReport, Report),
        (GetAssignedKeepers, static (r, a) => [AbiValue.List([.. r.AssignedKeepers(a[0].AsAddress(), a[1].AsUInt64()).Select(static k => AbiValue.Address(k))])]),
        (GetChallenge, Challenge),
        (GetComputeChallenge, ComputeChallenge),
        (GetEdgeResult, Result),
        (GetEpochInfo, Epoch),
        (GetKeeperWork, static (r, a) => [AbiValue.UInt(r.KeeperWork(a[0].AsAddress(), a[1].AsUInt64()))]),
        (GetAdmin, static (r, _) => [AbiValue.Address(r.Admin ?? Address.Zero)]),
        (GetTotals, static (r, _) => [AbiValue.UInt(r.Totals.Bonds), AbiValue.UInt(r.Totals.Pools), AbiValue.UInt(r.Totals.Claimable), AbiValue.UInt(r.Totals.Carry)]),
    ];

    private static AbiValue[] Params(GpowReader r, AbiValue[] a)
    {
        var p = r.Params;
        var dev = AttestationSettings.Read(r.Store.Records).DevEnabled;
        return
        [
            AbiValue.UInt(p.EpochBlocks), AbiValue.UInt(p.ReportWindowBlocks), AbiValue.UInt(p.ChallengeDeadlineBlocks), AbiValue.UInt(p.VerdictWindowBlocks),
            AbiValue.UInt(p.KeepersPerEdge), AbiValue.UInt(p.MaxVerdictsPerTx), AbiValue.UInt(p.ChallengeRatePpm), AbiValue.UInt(p.ChallengeSlashPpm),
            AbiValue.UInt(p.MinBond), AbiValue.UInt(p.AttestationValiditySeconds), AbiValue.UInt(p.SettlementPageSize), AbiValue.Bool(dev),
        ];
    }

    private static AbiValue[] Edge(GpowReader r, AbiValue[] a)
    {
        var address = a[0].AsAddress();
        if (r.Edge(address) is not { } e)
        {
            return [AbiValue.Bool(false), AbiValue.UInt(0UL), AbiValue.UInt(0UL), AbiValue.UInt(0UL), AbiValue.String(""), AbiValue.UInt(0UL),
                AbiValue.Bool(false), AbiValue.UInt(0UL), AbiValue.UInt(0UL), AbiValue.UInt(r.Store.Claimable(address))];
        }

        return [AbiValue.Bool(true), AbiValue.UInt(e.Kind), AbiValue.UInt(e.ExpiresAt), AbiValue.UInt(e.Bond), AbiValue.String(e.Region),
            AbiValue.UInt(e.RegisteredBlock), AbiValue.Bool(e.Left), AbiValue.UInt(e.UnlockEpoch), AbiValue.UInt(e.ExcellentStreak), AbiValue.UInt(e.Claimable)];
    }

    private static AbiValue[] Declared(GpowReader r, AbiValue[] a)
    {
        var d = r.Edge(a[0].AsAddress())?.Declared ?? DeclaredResources.None;
        return [AbiValue.UInt(d.BandwidthMbps), AbiValue.UInt(d.StorageGiB), AbiValue.UInt(d.ComputeUnits)];
    }

    private static AbiValue[] EdgeAt(GpowReader r, AbiValue[] a)
    {
        var index = a[0].AsUInt256();
        if (index >= r.EdgeCount)
        {
            throw new Aro.Execution.Modules.ModuleRevertException("edge index out of range");
        }

        return [AbiValue.Address(r.EdgeAt((ulong)index))];
    }

    private static AbiValue[] Report(GpowReader r, AbiValue[] a)
    {
        var w = r.Report(a[0].AsAddress(), a[1].AsUInt64());
        return w is null
            ? [AbiValue.Bool(false), AbiValue.UInt(0UL), AbiValue.UInt(0UL), AbiValue.UInt(0UL), AbiValue.UInt(0UL), AbiValue.Bytes(new byte[32]), AbiValue.UInt(0UL)]
            : [AbiValue.Bool(true), AbiValue.UInt(w.BandwidthBytes), AbiValue.UInt(w.StorageBytes), AbiValue.UInt(w.ComputeUnits), AbiValue.UInt(w.UptimePpm),
                AbiValue.Bytes(w.DataRoot.ToArray()), AbiValue.UInt(w.ChunkCount)];
    }

    private static AbiValue[] Challenge(GpowReader r, AbiValue[] a)
    {
        var c = r.Challenge(a[0].AsAddress(), a[1].AsUInt64());
        return [AbiValue.Bool(c.Challenged), AbiValue.UInt(c.ChunkIndex), AbiValue.UInt(c.DeadlineBlock), AbiValue.Bool(c.Answered)];
    }

    private static AbiValue[] ComputeChallenge(GpowReader r, AbiValue[] a)
    {
        var c = r.ComputeChallenge(a[0].AsAddress(), a[1].AsUInt64());
        return [AbiValue.Bool(c.Challenged), AbiValue.Bytes(c.Nonce.ToArray()), AbiValue.UInt(c.Rounds), AbiValue.UInt(c.DeadlineBlock), AbiValue.Bool(c.Answered)];
    }

    private static AbiValue[] Result(GpowReader r, AbiValue[] a)
    {
        var res = r.Result(a[0].AsAddress(), a[1].AsUInt64());
        return res is null
            ? [AbiValue.Bool(false), AbiValue.UInt(0UL), AbiValue.UInt(0UL), AbiValue.UInt(0UL), AbiValue.Bool(false)]
            : [AbiValue.Bool(true), AbiValue.UInt(res.Score), AbiValue.UInt(res.Reward), AbiValue.UInt(res.Verdicts), AbiValue.Bool(res.ChallengeFailed)];
    }

    private static AbiValue[] Epoch(GpowReader r, AbiValue[] a)
    {
        var e = r.Epoch(a[0].AsUInt64());
        return [AbiValue.Bytes(e.AssignmentSeed.ToArray()), AbiValue.Bytes(e.ChallengeSeed.ToArray()), AbiValue.UInt(e.Reporters),
            AbiValue.UInt(e.TotalScore), AbiValue.Bool(e.Scored), AbiValue.UInt(e.Pool), AbiValue.Bool(e.Settled)];
    }
}
