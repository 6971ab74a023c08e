using Aro.Core.Abi;

namespace Aro.Modules.Gpos.Abi;

/// <summary>
/// The C# side of contracts/ISettlement.sol (rewards, claims, settlement records), served at the GPoS
/// address next to IStaking. A test checks these against contracts/abi/ISettlement.json in both directions.
/// </summary>
public static class SettlementAbi
{
    private const AbiStateMutability View = AbiStateMutability.View;

    // ---- messages
    public static readonly AbiFunction ClaimRewards = AbiFunction.Parse("claimRewards(address)", "(uint256)");
    public static readonly AbiFunction ClaimCommission = AbiFunction.Parse("claimCommission()", "(uint256)");

    // ---- views
    public static readonly AbiFunction PendingRewards = AbiFunction.Parse("pendingRewards(address,address)", "(uint256)", View);
    public static readonly AbiFunction GetKeeperRewards = AbiFunction.Parse("getKeeperRewards(address)", "(uint256,uint256,uint256)", View);
    public static readonly AbiFunction GetRewardTotals = AbiFunction.Parse("getRewardTotals()", "(uint256,uint256,uint256,uint256,uint256)", View);
    public static readonly AbiFunction GetClaims = AbiFunction.Parse("getClaims(address,uint64)", "(uint256,uint256)", View);
    public static readonly AbiFunction GetStakeLimit = AbiFunction.Parse("getStakeLimit(address,uint64)", "(uint256,uint256)", View);
    public static readonly AbiFunction GetSettlement = AbiFunction.Parse(
        "getSettlement(uint64)", "(uint256,uint256,uint256,uint256,uint256,uint256,uint32,uint32)", View);
    public static readonly AbiFunction GetKeeperSettlement = AbiFunction.Parse(
        "getKeeperSettlement(uint64,uint256)", "(address,uint256,uint64,uint256,uint256)", View);
    public static readonly AbiFunction GetSettlementSlash = AbiFunction.Parse(
        "getSettlementSlash(uint64,uint256)", "(address,uint8,uint64,uint256)", View);

    // ---- events
    public static readonly AbiEvent EpochSettled = AbiEvent.Parse("EpochSettled(uint64,uint256,uint256,uint256,uint256,uint256,uint256)", 0);
    public static readonly AbiEvent KeeperRewarded = AbiEvent.Parse("KeeperRewarded(uint64,address,uint256,uint256)", 0, 1);
    public static readonly AbiEvent RewardsClaimed = AbiEvent.Parse("RewardsClaimed(address,address,uint256)", 0, 1);
    public static readonly AbiEvent CommissionClaimed = AbiEvent.Parse("CommissionClaimed(address,uint256)", 0);

    // ---- errors
    public static readonly AbiError SettlementNotFound = AbiError.Parse("SettlementNotFound(uint64)");
    public static readonly AbiError NothingToClaim = AbiError.Parse("NothingToClaim()");

    /// <summary>Every ISettlement event the module emits (slashes are IStaking's Slashed).</summary>
    public static IReadOnlyList<AbiEvent> Events { get; } = [EpochSettled, KeeperRewarded, RewardsClaimed, CommissionClaimed];

    /// <summary>Every ISettlement error the module reverts with.</summary>
    public static IReadOnlyList<AbiError> Errors { get; } = [SettlementNotFound, NothingToClaim];
}
