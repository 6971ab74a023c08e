using System.Text.Json.Serialization;
using Aro.Core;

namespace Aro.Node.Rpc.Dto;

/// <summary>aro_getEdgeNode: one edge node record (GPoW §4 key 10‖edge) and its claimable rewards.</summary>
internal sealed class EdgeNodeDto
{
    public required Address Address { get; init; }

    /// <summary>"dev", "sgx", "tdx", "sev-snp" or "nitro".</summary>
    public required string Kind { get; init; }

    /// <summary>Block time (seconds) after which reports revert AttestationExpired until renewed.</summary>
    public required ulong AttestationExpiresAt { get; init; }

    public required UInt256 Bond { get; init; }

    public required string Region { get; init; }

    public required ulong RegisteredBlock { get; init; }

    public required bool Left { get; init; }

    public required ulong UnlockEpoch { get; init; }

    public required ulong ExcellentStreak { get; init; }

    public required UInt256 Claimable { get; init; }

    /// <summary>The resources declared at registration.</summary>
    public required DeclaredResourcesDto Declared { get; init; }
}

/// <summary>An edge node's declared resources (IWorkProof.registerEdge).</summary>
internal sealed class DeclaredResourcesDto
{
    public required ulong BandwidthMbps { get; init; }

    public required ulong StorageGiB { get; init; }

    public required ulong ComputeUnits { get; init; }
}

/// <summary>aro_getEdgeNodes: one page of the edge registry, in registration order.</summary>
internal sealed class EdgeNodePageDto
{
    public required ulong Total { get; init; }

    public required ulong Page { get; init; }

    public required ulong PageSize { get; init; }

    public required IReadOnlyList<EdgeNodeDto> EdgeNodes { get; init; }
}

/// <summary>aro_getWorkReport: an edge's report of one epoch, the keepers' verdicts on it and its result once scored.</summary>
internal sealed class WorkReportDto
{
    public required Address Edge { get; init; }

    public required ulong Epoch { get; init; }

    public required ulong BandwidthBytes { get; init; }

    public required ulong StorageBytes { get; init; }

    public required ulong ComputeUnits { get; init; }

    public required ulong UptimePpm { get; init; }

    public required Hash256 DataRoot { get; init; }

    public required ulong ChunkCount { get; init; }

    public required IReadOnlyList<Address> AssignedKeepers { get; init; }

    public required IReadOnlyList<VerdictDto> Verdicts { get; init; }

    /// <summary>Null until the epoch's scoring reached this edge.</summary>
    public required EdgeResultDto? Result { get; init; }
}

internal sealed class VerdictDto
{
    public required Address Keeper { get; init; }

    public required ulong IpClass { get; init; }

    public required ulong IpChanges { get; init; }

    public required ulong UploadMbps { get; init; }

    public required bool NatOpen { get; init; }

    public required ulong UptimePpm { get; init; }
}

internal sealed class EdgeResultDto
{
    /// <summary>Contribution score in micro-points.</summary>
    public required UInt256 Score { get; init; }

    public required UInt256 Reward { get; init; }

    public required ulong Verdicts { get; init; }

    public required bool ChallengeFailed { get; init; }
}

/// <summary>aro_getChallenges: the storage and compute challenges of an epoch over one page of the edge registry.</summary>
internal sealed class ChallengePageDto
{
    public required ulong Epoch { get; init; }

    /// <summary>Zero until the challenge seed is fixed (the first block after the report window).</summary>
    public required Hash256 Seed { get; init; }

    public required ulong Page { get; init; }

    public required ulong PageSize { get; init; }

    public required ulong TotalEdges { get; init; }

    public required IReadOnlyList<ChallengeDto> Challenges { get; init; }
}

/// <summary>One challenge: a storage one names a chunk, a compute one its nonce and rounds (GPoW README §8, §8a).</summary>
internal sealed class ChallengeDto
{
    public required Address Edge { get; init; }

    /// <summary>"storage" or "compute".</summary>
    public required string Kind { get; init; }

    /// <summary>Storage: the chunk to prove; absent for compute.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ulong? ChunkIndex { get; init; }

    /// <summary>Compute: the nonce the answer iterates over; absent for storage.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Hash256? Nonce { get; init; }

    /// <summary>Compute: the keccak rounds of the answer; absent for storage.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ulong? Rounds { get; init; }

    public required ulong DeadlineBlock { get; init; }

    public required bool Answered { get; init; }
}

/// <summary>aro_getEdgeSettlement: an epoch's scoring and settlement, with per-edge results over one registry page.</summary>
internal sealed class EdgeSettlementDto
{
    public required ulong Epoch { get; init; }

    public required Hash256 AssignmentSeed { get; init; }

    public required ulong Reporters { get; init; }

    public required bool Scored { get; init; }

    public required UInt256 TotalScore { get; init; }

    /// <summary>The pool received for the epoch (including carried dust); zero until GPoS paid it.</summary>
    public required UInt256 Pool { get; init; }

    public required bool Settled { get; init; }

    public required ulong Page { get; init; }

    public required ulong PageSize { get; init; }

    public required IReadOnlyList<EdgeSettlementEntryDto> Edges { get; init; }
}

internal sealed class EdgeSettlementEntryDto
{
    public required Address Edge { get; init; }

    public required UInt256 Score { get; init; }

    public required UInt256 Reward { get; init; }

    public required ulong Verdicts { get; init; }

    public required bool ChallengeFailed { get; init; }
}

/// <summary>aro_getEdgeRewards: what an edge can claim now and what it earned in each settled epoch of a window.</summary>
internal sealed class EdgeRewardsDto
{
    public required Address Edge { get; init; }

    public required UInt256 Claimable { get; init; }

    public required ulong FromEpoch { get; init; }

    public required ulong ToEpoch { get; init; }

    public required IReadOnlyList<EdgeEpochRewardDto> Epochs { get; init; }

    public required ulong BlockNumber { get; init; }
}

internal sealed class EdgeEpochRewardDto
{
    public required ulong Epoch { get; init; }

    public required UInt256 Score { get; init; }

    public required UInt256 Reward { get; init; }

    public required bool ChallengeFailed { get; init; }
}
