using Aro.Core;

namespace Aro.Node.Rpc.Dto;

/// <summary>aro_getKeeper: one keeper record (IStaking.getKeeper) at a block.</summary>
internal sealed class KeeperDto
{
    public required Address Address { get; init; }

    public required byte[] ConsensusKey { get; init; }

    /// <summary>The address of the consensus key (what commits and evidence name).</summary>
    public required Address ConsensusAddress { get; init; }

    public required ulong CommissionBps { get; init; }

    /// <summary>"unbonded", "bonded" or "unbonding" (the module's status codes 0, 1, 2).</summary>
    public required string Status { get; init; }

    public required bool Jailed { get; init; }

    public required bool Tombstoned { get; init; }

    public required bool Left { get; init; }

    public required UInt256 Tokens { get; init; }

    public required UInt256 TotalShares { get; init; }

    public required UInt256 SelfStake { get; init; }

    public required ulong DelegatorCount { get; init; }

    public required string Moniker { get; init; }

    public required string Region { get; init; }
}

/// <summary>aro_getKeepers: one page of the registry, in registration order.</summary>
internal sealed class KeeperPageDto
{
    public required ulong Total { get; init; }

    public required ulong Page { get; init; }

    public required ulong PageSize { get; init; }

    public required IReadOnlyList<KeeperDto> Keepers { get; init; }
}

/// <summary>aro_getDelegations: a delegator's stake by keeper and its matured, withdrawable funds.</summary>
internal sealed class DelegationsDto
{
    public required Address Delegator { get; init; }

    public required IReadOnlyList<DelegationDto> Delegations { get; init; }

    public required UInt256 Withdrawable { get; init; }
}

internal sealed class DelegationDto
{
    public required Address Keeper { get; init; }

    public required UInt256 Shares { get; init; }

    /// <summary>What the shares are worth now (wei, rounded down).</summary>
    public required UInt256 Amount { get; init; }
}

/// <summary>aro_getEpoch: the epoch at a block, its block range, the params and the module's totals.</summary>
internal sealed class EpochDto
{
    public required ulong Epoch { get; init; }

    public required ulong FirstBlock { get; init; }

    public required ulong LastBlock { get; init; }

    /// <summary>The block whose state answered.</summary>
    public required ulong BlockNumber { get; init; }

    public required GposParamsDto Params { get; init; }

    public required UInt256 Bonded { get; init; }

    public required UInt256 Unbonding { get; init; }

    public required UInt256 Withdrawable { get; init; }
}

internal sealed class GposParamsDto
{
    public required ulong EpochBlocks { get; init; }

    public required ulong UnbondingEpochs { get; init; }

    public required ulong MaxValidators { get; init; }

    public required ulong MaxKeepers { get; init; }

    public required UInt256 MinSelfStake { get; init; }

    public required ulong MaxCommissionBps { get; init; }

    public required ulong MaxCommissionChangeBps { get; init; }

    public required ulong CommissionChangeEpochs { get; init; }

    public required ulong MaxEntries { get; init; }

    public required ulong MaxDelegationsPerDelegator { get; init; }
}

/// <summary>aro_getValidatorSet: the active set of an epoch, power descending then address ascending.</summary>
internal sealed class ValidatorSetDto
{
    public required ulong Epoch { get; init; }

    /// <summary>The block whose state holds the set (the last block of the previous epoch; 0 for epoch 0).</summary>
    public required ulong BlockNumber { get; init; }

    /// <summary>The set hash (<c>Genesis.ValidatorSetHash</c> of the members), as consensus uses it.</summary>
    public required Hash256 Hash { get; init; }

    /// <summary>Σ consensus power, in whole ARO.</summary>
    public required ulong TotalPower { get; init; }

    public required IReadOnlyList<ValidatorDto> Validators { get; init; }
}

internal sealed class ValidatorDto
{
    public required Address Keeper { get; init; }

    public required Address ConsensusAddress { get; init; }

    /// <summary>Consensus power: ⌊effective stake / 10^18⌋ (whole ARO), as recorded in <c>72</c>.</summary>
    public required ulong Power { get; init; }
}

/// <summary>
/// aro_getModuleProof: a module record and its proof against a block's state root. Verify with
/// <c>StateProofVerifier.VerifyAccount(stateRoot, address, accountProof)</c>, then
/// <c>VerifyStorage(storageHash, key, storageProof)</c> (the record sits at slot keccak256(key)).
/// </summary>
internal sealed class ModuleProofDto
{
    public required Address Address { get; init; }

    public required byte[] Key { get; init; }

    public required Hash256 Slot { get; init; }

    /// <summary>The record (RLP), or null when the key holds nothing (the proof then proves absence).</summary>
    public required byte[]? Value { get; init; }

    public required ulong BlockNumber { get; init; }

    public required Hash256 BlockHash { get; init; }

    public required Hash256 StateRoot { get; init; }

    public required IReadOnlyList<byte[]> AccountProof { get; init; }

    public required Hash256 StorageHash { get; init; }

    public required IReadOnlyList<byte[]> StorageProof { get; init; }
}

/// <summary>aro_getSettlement: an epoch's settlement record (B0) and its keeper lines (B1).</summary>
internal sealed class SettlementDto
{
    public required ulong Epoch { get; init; }

    public required UInt256 Minted { get; init; }

    public required UInt256 Fees { get; init; }

    public required UInt256 KeeperPool { get; init; }

    public required UInt256 EdgePool { get; init; }

    public required UInt256 CommunityTax { get; init; }

    public required UInt256 TotalSlashed { get; init; }

    public required ulong SlashCount { get; init; }

    public required IReadOnlyList<KeeperSettlementDto> Keepers { get; init; }
}

internal sealed class KeeperSettlementDto
{
    public required Address Keeper { get; init; }

    public required UInt256 VotingPower { get; init; }

    public required ulong BlocksSigned { get; init; }

    public required UInt256 Commission { get; init; }

    public required UInt256 DelegatorRewards { get; init; }
}

/// <summary>One entry of aro_getSlashes (B2).</summary>
internal sealed class SlashDto
{
    public required Address Keeper { get; init; }

    /// <summary><c>doubleSign</c>, <c>downtime</c> or <c>falseVouch</c>.</summary>
    public required string Reason { get; init; }

    public required ulong InfractionHeight { get; init; }

    public required UInt256 Amount { get; init; }
}

/// <summary>aro_getRewards: what a delegator could claim now, per keeper it delegates to.</summary>
internal sealed class RewardsDto
{
    public required Address Delegator { get; init; }

    public required ulong BlockNumber { get; init; }

    public required UInt256 Total { get; init; }

    public required IReadOnlyList<KeeperRewardDto> Rewards { get; init; }
}

internal sealed class KeeperRewardDto
{
    public required Address Keeper { get; init; }

    public required UInt256 Amount { get; init; }
}
