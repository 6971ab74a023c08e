using Aro.Core;
using Aro.JsonRpc;
using Aro.Modules.Gpow;
using Aro.Node.Chain;
using Aro.Node.Rpc.Dto;

namespace Aro.Node.Rpc;

/// <summary>
/// The <c>aro_</c> edge-node methods: typed JSON views of the GPoW module's records at a block (block tag
/// as eth_call; default "latest") through the module's public read API (<see cref="GpowReader"/>).
/// Walks over the edge registry are paged so one request is bounded work. Shapes in README.md.
/// </summary>
internal static class AroEdge
{
    /// <summary>Edge nodes per page of aro_getEdgeNodes, aro_getChallenges and aro_getEdgeSettlement.</summary>
    public const ulong PageSize = 500;

    private static readonly string[] KindNames = ["dev", "sgx", "tdx", "sev-snp", "nitro"];

    public static void Register(JsonRpcMethodRegistry registry, IChainReader chain)
    {
        registry.AddSync("aro_getEdgeNode", (Address edge, BlockParameter block) => EdgeNode(Reader(chain, block), edge), requiredParams: 1);
        registry.AddSync("aro_getEdgeNodes", (ulong? page, BlockParameter block) => EdgeNodes(Reader(chain, block), page ?? 0), requiredParams: 0);
        registry.AddSync("aro_getWorkReport", (Address edge, ulong epoch, BlockParameter block) => WorkReport(Reader(chain, block), edge, epoch), requiredParams: 2);
        registry.AddSync("aro_getChallenges", (ulong epoch, ulong? page, BlockParameter block) => Challenges(Reader(chain, block), epoch, page ?? 0), requiredParams: 1);
        registry.AddSync("aro_getEdgeSettlement", (ulong epoch, ulong? page, BlockParameter block) => Settlement(Reader(chain, block), epoch, page ?? 0), requiredParams: 1);
        registry.AddSync("aro_getEdgeRewards", (Address edge, ulong? fromEpoch, BlockParameter block) => Rewards(chain, edge, fromEpoch, block), requiredParams: 1);
        registry.AddSync("aro_getEdgeRecordProof", (byte[] key, BlockParameter block) => AroStaking.ModuleProof(chain, GpowModule.Address, key, block), requiredParams: 1);
    }

    private static GpowReader Reader(IChainReader chain, in BlockParameter block)
    {
        if (!chain.Modules.TryGet(GpowModule.Address, out _))
        {
            throw new JsonRpcException(JsonRpcErrorCodes.ServerError, "the GPoW module is not hosted by this node");
        }

        var header = BlockResolver.Require(chain, block);
        var store = chain.OpenState(header.StateRoot).GetModuleStore(GpowModule.Address);
        var reader = new GpowReader(key => store.Get(key));
        return reader.IsInitialized
            ? reader
            : throw new JsonRpcException(JsonRpcErrorCodes.ServerError, "GPoW: the genesis has no gpow section");
    }

    private static EdgeNodeDto EdgeNode(GpowReader reader, Address edge) =>
        ReadEdge(reader, edge) ?? throw new JsonRpcException(JsonRpcErrorCodes.ServerError, $"edge node {edge} is not registered");

    private static EdgeNodeDto? ReadEdge(GpowReader reader, in Address edge) =>
        reader.Edge(edge) is { } e
            ? new EdgeNodeDto
            {
                Address = e.Address,
                Kind = e.Kind < KindNames.Length ? KindNames[e.Kind] : "kind-" + e.Kind,
                AttestationExpiresAt = e.ExpiresAt,
                Bond = e.Bond,
                Region = e.Region,
                RegisteredBlock = e.RegisteredBlock,
                Left = e.Left,
                UnlockEpoch = e.UnlockEpoch,
                ExcellentStreak = e.ExcellentStreak,
                Claimable = e.Claimable,
                Declared = new DeclaredResourcesDto { BandwidthMbps = e.Declared.BandwidthMbps, StorageGiB = e.Declared.StorageGiB, ComputeUnits = e.Declared.ComputeUnits },
            }
            : null;

    private static EdgeNodePageDto EdgeNodes(GpowReader reader, ulong page)
    {
        var (start, end, total) = Page(reader, page);
        var edges = new List<EdgeNodeDto>((int)(end - start));
        for (var i = start; i < end; i++)
        {
            var address = reader.EdgeAt(i);
            edges.Add(ReadEdge(reader, address) ?? throw new JsonRpcException(JsonRpcErrorCodes.InternalError, $"registry names {address}, which has no record"));
        }

        return new EdgeNodePageDto { Total = total, Page = page, PageSize = PageSize, EdgeNodes = edges };
    }

    private static WorkReportDto WorkReport(GpowReader reader, Address edge, ulong epoch)
    {
        var report = reader.Report(edge, epoch)
            ?? throw new JsonRpcException(JsonRpcErrorCodes.ServerError, $"no work report of {edge} for epoch {epoch}");
        var verdicts = reader.Verdicts(edge, epoch);
        var verdictDtos = new VerdictDto[verdicts.Count];
        for (var i = 0; i < verdictDtos.Length; i++)
        {
            var v = verdicts[i];
            verdictDtos[i] = new VerdictDto { Keeper = v.Keeper, IpClass = v.IpClass, IpChanges = v.IpChanges, UploadMbps = v.UploadMbps, NatOpen = v.NatOpen, UptimePpm = v.UptimePpm };
        }

        var result = reader.Result(edge, epoch);
        return new WorkReportDto
        {
            Edge = edge,
            Epoch = epoch,
            BandwidthBytes = report.BandwidthBytes,
            StorageBytes = report.StorageBytes,
            ComputeUnits = report.ComputeUnits,
            UptimePpm = report.UptimePpm,
            DataRoot = report.DataRoot,
            ChunkCount = report.ChunkCount,
            AssignedKeepers = reader.AssignedKeepers(edge, epoch),
            Verdicts = verdictDtos,
            Result = result is null ? null : new EdgeResultDto { Score = result.Score, Reward = result.Reward, Verdicts = result.Verdicts, ChallengeFailed = result.ChallengeFailed },
        };
    }

    private static ChallengePageDto Challenges(GpowReader reader, ulong epoch, ulong page)
    {
        var (start, end, total) = Page(reader, page);
        var challenges = new List<ChallengeDto>();
        for (var i = start; i < end; i++)
        {
            var edge = reader.EdgeAt(i);
            var c = reader.Challenge(edge, epoch);
            if (c.Challenged)
            {
                challenges.Add(new ChallengeDto { Edge = edge, Kind = "storage", ChunkIndex = c.ChunkIndex, DeadlineBlock = c.DeadlineBlock, Answered = c.Answered });
            }

            var compute = reader.ComputeChallenge(edge, epoch);
            if (compute.Challenged)
            {
                challenges.Add(new ChallengeDto
                {
                    Edge = edge, Kind = "compute", Nonce = compute.Nonce, Rounds = compute.Rounds, DeadlineBlock = compute.DeadlineBlock, Answered = compute.Answered,
                });
            }
        }

        return new ChallengePageDto
        {
            Epoch = epoch,
            Seed = reader.Epoch(epoch).ChallengeSeed,
            Page = page,
            PageSize = PageSize,
            TotalEdges = total,
            Challenges = challenges,
        };
    }

    private static EdgeSettlementDto Settlement(GpowReader reader, ulong epoch, ulong page)
    {
        var info = reader.Epoch(epoch);
        var (start, end, _) = Page(reader, page);
        var edges = new List<EdgeSettlementEntryDto>();
        for (var i = start; i < end; i++)
        {
            var edge = reader.EdgeAt(i);
            if (reader.Result(edge, epoch) is { } r)
            {
                edges.Add(new EdgeSettlementEntryDto { Edge = edge, Score = r.Score, Reward = r.Reward, Verdicts = r.Verdicts, ChallengeFailed = r.ChallengeFailed });
            }
        }

        return new EdgeSettlementDto
        {
            Epoch = epoch,
            AssignmentSeed = info.AssignmentSeed,
            Reporters = info.Reporters,
            Scored = info.Scored,
            TotalScore = info.TotalScore,
            Pool = info.Pool,
            Settled = info.Settled,
            Page = page,
            PageSize = PageSize,
            Edges = edges,
        };
    }

    /// <summary>Epochs one aro_getEdgeRewards answer covers: each is one record read, so the answer is bounded work.</summary>
    public const ulong RewardEpochWindow = 100;

    private static EdgeRewardsDto Rewards(IChainReader chain, Address edge, ulong? fromEpoch, BlockParameter block)
    {
        var reader = Reader(chain, block);
        var record = reader.Edge(edge) ?? throw new JsonRpcException(JsonRpcErrorCodes.ServerError, $"edge node {edge} is not registered");
        var number = BlockResolver.Require(chain, block).Number;
        var current = number / reader.Params.EpochBlocks;
        var from = fromEpoch ?? (current >= RewardEpochWindow ? current - RewardEpochWindow + 1 : 0);
        var to = from > current ? from : Math.Min(current, from + RewardEpochWindow - 1);
        var epochs = new List<EdgeEpochRewardDto>();
        for (var epoch = from; epoch <= to && epoch <= current; epoch++)
        {
            if (reader.Result(edge, epoch) is { } r)
            {
                epochs.Add(new EdgeEpochRewardDto { Epoch = epoch, Score = r.Score, Reward = r.Reward, ChallengeFailed = r.ChallengeFailed });
            }
        }

        return new EdgeRewardsDto { Edge = edge, Claimable = record.Claimable, FromEpoch = from, ToEpoch = to, Epochs = epochs, BlockNumber = number };
    }

    private static (ulong Start, ulong End, ulong Total) Page(GpowReader reader, ulong page)
    {
        var total = reader.EdgeCount;
        if (page > total / PageSize)
        {
            return (0, 0, total);
        }

        return (page * PageSize, Math.Min(total, (page + 1) * PageSize), total);
    }
}
