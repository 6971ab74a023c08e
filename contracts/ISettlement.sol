// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// @title Aro GPoS settlement records (read side)
/// @notice Served by the GPoS module at 0x000000000000000000000000000000000000A120, next to IStaking.
/// Each epoch transition writes one settlement record to module state and emits these events;
/// auditors read records back by epoch and by account, and prove them with eth_getProof.
/// @dev Defined ahead of the slice that implements it (see modules/Aro.Modules.Gpos/README.md);
/// until then these selectors revert with UnknownSelector(bytes4).
/// Slash reason codes: 1 = DoubleSign, 2 = Downtime, 3 = FalseVouch.
interface ISettlement {
    /// @notice No settlement record exists for `epoch` (not yet settled, or before genesis).
    error SettlementNotFound(uint64 epoch);

    /// @notice Epoch `epoch` was settled.
    /// @param minted Emission of the epoch (wei).
    /// @param fees Fees collected for keepers during the epoch (wei).
    /// @param keeperPool Part of minted + fees for keepers and their delegators.
    /// @param edgePool Part handed to GPoW settlement for edge nodes.
    /// @param totalSlashed Stake burnt by slashes applied in the epoch.
    event EpochSettled(uint64 indexed epoch, uint256 minted, uint256 fees, uint256 keeperPool, uint256 edgePool, uint256 totalSlashed);

    /// @notice A keeper's reward for `epoch`: `commission` went to the keeper, `delegatorRewards` to its pool (F1).
    event KeeperRewarded(uint64 indexed epoch, address indexed keeper, uint256 commission, uint256 delegatorRewards);

    /// @notice `amount` wei of stake of `keeper` was burnt for an infraction at `infractionHeight`.
    event Slashed(address indexed keeper, uint8 indexed reason, uint64 infractionHeight, uint256 fractionPpm, uint256 amount);

    /// @notice A delegator claimed accrued rewards.
    event RewardsClaimed(address indexed delegator, address indexed keeper, uint256 amount);

    /// @notice The settlement record of `epoch`.
    function getSettlement(uint64 epoch) external view returns (
        uint256 minted,
        uint256 fees,
        uint256 keeperPool,
        uint256 edgePool,
        uint256 totalSlashed,
        uint32 keeperCount,
        uint32 slashCount);

    /// @notice The `index`-th keeper line of the settlement of `epoch` (keepers in address order).
    function getSettlementKeeper(uint64 epoch, uint256 index) external view returns (
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

    /// @notice Rewards `delegator` could claim from `keeper` now (F1 accounting).
    function getPendingRewards(address delegator, address keeper) external view returns (uint256 amount);
}
