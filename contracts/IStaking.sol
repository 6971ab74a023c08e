// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// @title Aro GPoS staking module
/// @notice Native module at the fixed system address 0x000000000000000000000000000000000000A120.
/// Keepers register with a consensus key and a self-stake; anyone delegates ARO to a keeper.
/// Undelegated stake unbonds for `unbondingEpochs` epochs, then becomes withdrawable.
/// Epoch e covers blocks [e * epochBlocks, (e + 1) * epochBlocks); the epoch transition runs in the
/// end-block hook of the last block of an epoch. Amounts are in wei (18 decimals).
/// @dev Keeper status codes: 0 = Unbonded, 1 = Bonded (in the active set), 2 = Unbonding.
interface IStaking {
    // ----------------------------------------------------------------------------------------
    // Errors
    // ----------------------------------------------------------------------------------------

    /// @notice The calldata of `selector` does not decode as its arguments (strict ABI).
    error MalformedCalldata(bytes4 selector);
    /// @notice A non-payable method was sent value.
    error UnexpectedValue(uint256 value);
    /// @notice An amount of zero was given where a positive one is needed.
    error ZeroAmount();
    /// @notice The sender already has a keeper record (keepers that left cannot re-register).
    error KeeperExists(address keeper);
    /// @notice No keeper is registered at this address.
    error KeeperNotFound(address keeper);
    /// @notice The keeper has left; it can be neither edited nor delegated to.
    error KeeperHasLeft(address keeper);
    /// @notice The keeper is tombstoned and can never take new stake.
    error KeeperTombstoned(address keeper);
    /// @notice The keeper registry is full (`maxKeepers`).
    error TooManyKeepers(uint256 maxKeepers);
    /// @notice The consensus key is not a valid uncompressed secp256k1 public key (65 bytes, 0x04 prefix, on the curve).
    error InvalidConsensusKey();
    /// @notice Another keeper already uses this consensus key.
    error ConsensusKeyInUse(address keeper);
    /// @notice The moniker is empty, longer than 64 bytes or holds a control character.
    error InvalidMoniker();
    /// @notice The region is empty, longer than 32 bytes or not of [A-Za-z0-9-].
    error InvalidRegion();
    /// @notice The commission exceeds `maxCommissionBps`.
    error CommissionTooHigh(uint16 commissionBps, uint16 maxCommissionBps);
    /// @notice The commission moves by more than `maxCommissionChangeBps` in one change.
    error CommissionChangeTooLarge(uint16 fromBps, uint16 toBps, uint16 maxChangeBps);
    /// @notice The commission changed less than `commissionChangeEpochs` epochs ago.
    error CommissionChangeTooSoon(uint64 nextAllowedEpoch);
    /// @notice The keeper's self-stake would fall below `minSelfStake` (leave instead).
    error SelfStakeBelowMinimum(uint256 selfStake, uint256 minSelfStake);
    /// @notice The delegator has no delegation to this keeper.
    error DelegationNotFound(address delegator, address keeper);
    /// @notice The delegation is worth less than the amount asked for.
    error InsufficientDelegation(uint256 requested, uint256 available);
    /// @notice The delegator already delegates to `maxDelegationsPerDelegator` keepers.
    error TooManyDelegations(uint256 maxDelegations);
    /// @notice Source and destination keeper of a redelegation are the same.
    error SelfRedelegation(address keeper);
    /// @notice Stake that arrived at `keeper` by a redelegation that has not matured cannot hop on.
    error TransitiveRedelegation(address keeper);
    /// @notice Too many immature unbonding or redelegation entries for this pair (`maxEntries`).
    error TooManyEntries(uint256 maxEntries);
    /// @notice Nothing has matured for the sender to withdraw.
    error NothingToWithdraw();
    /// @notice No validator set is recorded for `epoch` (it has not started).
    error ValidatorSetNotFound(uint64 epoch);
    /// @notice `unjail` by a keeper that is not jailed.
    error KeeperNotJailed(address keeper);
    /// @notice The jail lasts until the start of `untilEpoch`.
    error JailPeriodNotOver(uint64 untilEpoch);
    /// @notice The evidence bytes are not two well-formed, conflicting, canonically ordered RLP votes.
    error MalformedEvidence();
    /// @notice Evidence must be for a block below the current one.
    error EvidenceFromFuture(uint64 height, uint64 currentHeight);
    /// @notice Evidence older than `maxEvidenceAgeBlocks` is refused.
    error EvidenceTooOld(uint64 height, uint64 oldestAccepted);
    /// @notice This evidence was already handled.
    error EvidenceAlreadyHandled(bytes32 evidenceHash);
    /// @notice A vote signature does not recover, or the two votes were signed by different keys.
    error InvalidEvidenceSignature();
    /// @notice The signer was not in the validator set of the evidence height.
    error ValidatorNotInSet(address consensusAddress, uint64 height);

    // ----------------------------------------------------------------------------------------
    // Events
    // ----------------------------------------------------------------------------------------

    /// @notice A keeper registered with `selfStake` wei of self-delegation.
    event KeeperRegistered(address indexed keeper, bytes consensusKey, uint16 commissionBps, string moniker, string region, uint256 selfStake);
    /// @notice A keeper edited its description or commission.
    event KeeperEdited(address indexed keeper, uint16 commissionBps, string moniker, string region);
    /// @notice A keeper left: its whole self-stake entered unbonding and it takes no new delegations.
    event KeeperLeft(address indexed keeper);
    /// @notice A keeper's status changed at an epoch transition (0 Unbonded, 1 Bonded, 2 Unbonding).
    event KeeperStatusChanged(address indexed keeper, uint8 fromStatus, uint8 toStatus);
    /// @notice `amount` wei was delegated, minting `shares` of the keeper's pool.
    event Delegated(address indexed delegator, address indexed keeper, uint256 amount, uint256 shares);
    /// @notice `amount` wei left the keeper's pool into unbonding entry `unbondingId`.
    event Undelegated(address indexed delegator, address indexed keeper, uint256 indexed unbondingId, uint256 amount, uint256 shares, uint64 completionEpoch);
    /// @notice `amount` wei moved from `srcKeeper` to `dstKeeper`; it cannot hop on before `completionEpoch`.
    event Redelegated(address indexed delegator, address indexed srcKeeper, address indexed dstKeeper, uint256 redelegationId, uint256 amount, uint64 completionEpoch);
    /// @notice An unbonding entry matured; its amount became withdrawable by the delegator.
    event UnbondingMatured(uint256 indexed unbondingId, address indexed delegator, address indexed keeper, uint256 amount);
    /// @notice A redelegation entry matured; the moved stake may hop on again.
    event RedelegationMatured(uint256 indexed redelegationId, address indexed delegator, address indexed dstKeeper);
    /// @notice Matured funds were paid out.
    event Withdrawn(address indexed delegator, uint256 amount);
    /// @notice Epoch `epoch` started; `activeKeepers` keepers are bonded for it.
    event EpochStarted(uint64 indexed epoch, uint32 activeKeepers, uint256 totalBonded);
    /// @notice The consensus validator set of `epoch` differs from the previous epoch's; `setHash` goes in its headers.
    event ValidatorSetChanged(uint64 indexed epoch, bytes32 setHash, uint256 count);
    /// @notice `amount` wei of the stake `keeper` had at `infractionHeight` was burnt (reason 1 double sign, 2 downtime, 3 false vouch).
    event Slashed(address indexed keeper, uint8 indexed reason, uint64 infractionHeight, uint256 amount);
    /// @notice `keeper` is jailed: out of the set from the next epoch, may unjail from `untilEpoch`.
    event Jailed(address indexed keeper, uint64 untilEpoch);
    /// @notice `keeper` unjailed itself; it is a candidate again from the next epoch.
    event Unjailed(address indexed keeper);
    /// @notice `keeper` double-signed: jailed forever and never a candidate again.
    event Tombstoned(address indexed keeper);
    /// @notice Double-sign evidence a block carried was refused (`reason` = the revert data, e.g. KeeperTombstoned);
    /// written by the block executor at this address, the piece changed nothing.
    event EvidenceRefused(bytes32 indexed evidenceHash, address indexed validator, bytes reason);

    // ----------------------------------------------------------------------------------------
    // Keeper messages
    // ----------------------------------------------------------------------------------------

    /// @notice Registers the sender as a keeper; msg.value is its self-stake.
    /// @param consensusKey Uncompressed secp256k1 public key (65 bytes) the keeper signs consensus votes with; unique.
    /// @param commissionBps Share of the keeper's rewards taken before delegators (basis points, <= maxCommissionBps).
    /// @param moniker Display name, 1..64 bytes, no control characters.
    /// @param region Region code, 1..32 bytes of [A-Za-z0-9-].
    function register(bytes calldata consensusKey, uint16 commissionBps, string calldata moniker, string calldata region) external payable;

    /// @notice Edits the sender's keeper record. A commission change must stay within
    /// maxCommissionChangeBps of the current value and at least commissionChangeEpochs after the last change.
    function editKeeper(uint16 commissionBps, string calldata moniker, string calldata region) external;

    /// @notice The sender stops being a keeper: its whole self-stake enters unbonding, it leaves the active set
    /// at the next epoch transition and takes no new delegations. Delegators keep their stake until they move it.
    /// @return unbondingId The unbonding entry of the self-stake.
    function leaveKeeper() external returns (uint256 unbondingId);

    // ----------------------------------------------------------------------------------------
    // Delegator messages
    // ----------------------------------------------------------------------------------------

    /// @notice Delegates msg.value to `keeper` (a keeper may delegate to itself to raise its self-stake).
    /// @return shares Shares of the keeper's pool minted for the sender.
    function delegate(address keeper) external payable returns (uint256 shares);

    /// @notice Starts unbonding `amount` wei of the sender's delegation to `keeper`.
    /// @return unbondingId The new unbonding entry.
    /// @return completionEpoch The epoch at whose start the amount becomes withdrawable.
    function undelegate(address keeper, uint256 amount) external returns (uint256 unbondingId, uint64 completionEpoch);

    /// @notice Moves `amount` wei of the sender's delegation from `srcKeeper` to `dstKeeper` without unbonding.
    /// Refused while stake that reached `srcKeeper` by an immature redelegation of the sender exists.
    /// @return redelegationId The new redelegation entry.
    /// @return completionEpoch The epoch at whose start the entry matures.
    function redelegate(address srcKeeper, address dstKeeper, uint256 amount) external returns (uint256 redelegationId, uint64 completionEpoch);

    /// @notice Pays the sender every matured unbonding amount.
    /// @return amount Wei paid.
    function withdraw() external returns (uint256 amount);

    // ----------------------------------------------------------------------------------------
    // Views
    // ----------------------------------------------------------------------------------------

    /// @notice The module parameters.
    function getParams() external view returns (
        uint64 epochBlocks,
        uint64 unbondingEpochs,
        uint32 maxValidators,
        uint32 maxKeepers,
        uint256 minSelfStake,
        uint16 maxCommissionBps,
        uint16 maxCommissionChangeBps,
        uint64 commissionChangeEpochs,
        uint32 maxEntries,
        uint32 maxDelegationsPerDelegator);

    /// @notice The current epoch and the first block of the next one.
    function getEpoch() external view returns (uint64 epoch, uint64 epochBlocks, uint64 nextEpochStartBlock);

    /// @notice A keeper record; `exists` is false (and the rest zero) for an unknown address.
    function getKeeper(address keeper) external view returns (
        bool exists,
        bytes memory consensusKey,
        uint16 commissionBps,
        uint8 status,
        bool jailed,
        bool tombstoned,
        bool left,
        uint256 tokens,
        uint256 totalShares,
        uint256 selfStake,
        uint32 delegatorCount,
        string memory moniker,
        string memory region);

    /// @notice Number of keeper records ever registered (the registry is append-only).
    function getKeeperCount() external view returns (uint256 count);

    /// @notice The keeper at `index` in registration order.
    function getKeeperAt(uint256 index) external view returns (address keeper);

    /// @notice The active set of the current epoch, ordered by power descending then address ascending.
    function getActiveSet() external view returns (address[] memory keepers, uint256[] memory powers);

    /// @notice The delegation of `delegator` to `keeper`: its shares and what they are worth in wei.
    function getDelegation(address delegator, address keeper) external view returns (uint256 shares, uint256 amount);

    /// @notice The keepers `delegator` has delegations to (at most maxDelegationsPerDelegator).
    function getDelegatorKeepers(address delegator) external view returns (address[] memory keepers);

    /// @notice The `index`-th delegation to `keeper` (order changes when delegations are removed).
    function getKeeperDelegationAt(address keeper, uint256 index) external view returns (address delegator, uint256 shares, uint256 amount);

    /// @notice An immature unbonding entry; `exists` is false once it matured.
    function getUnbonding(uint256 unbondingId) external view returns (
        bool exists,
        address delegator,
        address keeper,
        uint256 amount,
        uint64 creationHeight,
        uint64 completionEpoch);

    /// @notice An immature redelegation entry; `exists` is false once it matured.
    function getRedelegation(uint256 redelegationId) external view returns (
        bool exists,
        address delegator,
        address srcKeeper,
        address dstKeeper,
        uint256 amount,
        uint64 creationHeight,
        uint64 completionEpoch);

    /// @notice Matured funds `delegator` can withdraw.
    function getWithdrawable(address delegator) external view returns (uint256 amount);

    /// @notice Module-wide totals; their sum equals the module account's balance.
    function getTotals() external view returns (uint256 bonded, uint256 unbonding, uint256 withdrawable);

    // ----------------------------------------------------------------------------------------
    // Validator sets and slashing
    // ----------------------------------------------------------------------------------------

    /// @notice The consensus validator set of `epoch`, ordered by consensus address (a commit's validator
    /// index is a position here); powers in whole ARO. Reverts ValidatorSetNotFound for an epoch not started.
    function getValidatorSet(uint64 epoch) external view returns (
        bytes32 setHash,
        address[] memory keepers,
        address[] memory consensusAddresses,
        uint64[] memory powers);

    /// @notice A jailed keeper (not tombstoned, self-stake >= minSelfStake) becomes a candidate again
    /// once the epoch reaches its `untilEpoch`.
    function unjail() external;

    /// @notice Anyone may submit proof of a double sign: rlp([voteA, voteB]), each vote
    /// rlp([height, round, type, blockHash or empty, signature r||s||v]), same height/round/type,
    /// block hashes different and ascending (nil first). Slashes, jails forever and tombstones the signer's keeper.
    function submitDoubleSignEvidence(bytes calldata evidence) external;
}
