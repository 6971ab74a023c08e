// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// @title Aro GPoS rewards and settlement records
/// @notice Served by the GPoS module at 0x000000000000000000000000000000000000A120, next to IStaking.
/// Each epoch transition settles the epoch that ended: emission + fees are split into community tax,
/// edge pool and keeper pool, the keeper pool is shared by voting power x blocks signed, and one
/// settlement record per epoch (plus one line per keeper) is written to module state. Auditors read
/// records back by epoch and by account, and prove them with eth_getProof.
/// Slash reason codes: 1 = DoubleSign, 2 = Downtime, 3 = FalseVouch; slashes are announced by IStaking's Slashed event.
interface ISettlement {
    /// @notice No settlement record exists for `epoch` (not yet settled, or before genesis).
    error SettlementNotFound(uint64 epoch);

    /// @notice A claim found nothing to pay.
    error NothingToClaim();

    /// @notice Epoch `epoch` was settled.
    /// @param minted Emission of the epoch (wei).
    /// @param fees Fees the module collected during the epoch (wei).
    /// @param keeperPool Part of minted + fees for keepers and their delegators.
    /// @param edgePool Part handed to GPoW settlement for edge nodes (0 when GPoW is not wired).
    /// @param communityTax Part kept in the module's community pool.
    /// @param totalSlashed Stake burnt by slashes applied in the epoch.
    event EpochSettled(uint64 indexed epoch, uint256 minted, uint256 fees, uint256 keeperPool, uint256 edgePool, uint256 communityTax, uint256 totalSlashed);

    /// @notice A keeper's reward for `epoch`: `commission` accrued to the keeper, `delegatorRewards` to its delegators.
    event KeeperRewarded(uint64 indexed epoch, address indexed keeper, uint256 commission, uint256 delegatorRewards);

    /// @notice A delegator's rewards were paid (claim) or moved to its withdrawable funds (delegation change).
    event RewardsClaimed(address indexed delegator, address indexed keeper, uint256 amount);

    /// @notice A keeper claimed its accrued commission.
    event CommissionClaimed(address indexed keeper, uint256 amount);

    /// @notice Pays the sender's pending rewards from its delegation to `keeper`.
    function claimRewards(address keeper) external returns (uint256 amount);

    /// @notice Pays the sender's accrued commission as a keeper.
    function claimCommission() external returns (uint256 amount);

    /// @notice Rewards `delegator` could claim from `keeper` now.
    function pendingRewards(address delegator, address keeper) external view returns (uint256 amount);

    /// @notice A keeper's reward pool: cumulative reward per share (scaled by 1e27), unclaimed commission, unclaimed delegator rewards.
    function getKeeperRewards(address keeper) external view returns (uint256 rewardPerShare, uint256 commission, uint256 outstanding);

    /// @notice Reward funds the module holds: minted so far, community pool, unclaimed rewards and commission, fees of the running epoch.
    function getRewardTotals() external view returns (
        uint256 minted,
        uint256 communityPool,
        uint256 outstandingRewards,
        uint256 outstandingCommission,
        uint256 epochFees);

    /// @notice What `account` received in `epoch`: delegator rewards and commission.
    function getClaims(address account, uint64 epoch) external view returns (uint256 rewards, uint256 commission);

    /// @notice The verified work and stake limit `keeper` had in `epoch` (zeros when not a candidate then).
    function getStakeLimit(address keeper, uint64 epoch) external view returns (uint256 verifiedWork, uint256 stakeLimit);

    /// @notice The settlement record of `epoch`.
    function getSettlement(uint64 epoch) external view returns (
        uint256 minted,
        uint256 fees,
        uint256 keeperPool,
        uint256 edgePool,
        uint256 communityTax,
        uint256 totalSlashed,
        uint32 keeperCount,
        uint32 slashCount);

    /// @notice The `index`-th keeper line of the settlement of `epoch` (keepers in active-set order).
    function getKeeperSettlement(uint64 epoch, uint256 index) external view returns (
        address keeper,
        uint256 votingPower,
        uint64 blocksSigned,
        uint256 commission,
        uint256 delegatorRewards);

    /// @notice The `index`-th slash applied during `epoch`.
    function getSettlementSlash(uint64 epoch, uint256 index) external view returns (
        address keeper,
        uint8 reason,
        uint64 infractionHeight,
        uint256 amount);
}
