// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// @title GPoW (Guarantee Proof of Work), the native module at 0x000000000000000000000000000000000000A130
/// @notice Edge-node registry with TEE attestation, one work report per edge node per epoch, keeper
/// verdicts (median of k assigned keepers), random storage challenges, contribution scores and the
/// edge share of each epoch's rewards. The full spec is modules/Aro.Modules.Gpow/README.md.
/// @dev Epoch e is blocks [e*epochBlocks, (e+1)*epochBlocks). Work of epoch e is reported, challenged
/// and judged during the first blocks of epoch e+1, then scored and settled in pages by begin-block.
interface IWorkProof {
    /// @notice One keeper's observation of one edge node for one epoch.
    /// @param edge the edge node judged
    /// @param ipClass index into the genesis IP-class score table (0 datacenter, 1 ISP, 2 residential, 3 mobile)
    /// @param ipChanges IP changes seen in the last 24 h (IP quality factor)
    /// @param uploadMbps measured upload bandwidth (bandwidth factor)
    /// @param natOpen public / full-cone NAT (NAT factor)
    /// @param uptimePpm effective online share of the epoch, parts per million; 0 means "no vouch"
    struct Verdict {
        address edge;
        uint8 ipClass;
        uint16 ipChanges;
        uint32 uploadMbps;
        bool natOpen;
        uint32 uptimePpm;
    }

    // ------------------------------------------------------------------ messages

    /// @notice Registers the sender as an edge node. `msg.value` is its bond (>= minBond).
    /// @param kind 0 dev (devnet only), 1 sgx, 2 tdx, 3 sev-snp, 4 nitro
    /// @param evidence the quote / report / attestation document, or the dev signature (65 bytes)
    /// @param collateral sgx/tdx: collateral.json; sev-snp: the VCEK (DER or PEM); nitro, dev: empty
    /// @param region 1..32 characters of [A-Za-z0-9-]
    /// @param bandwidthMbps declared upload capacity, at most 100000 (100 Gbit/s)
    /// @param storageGiB declared storage, at most 1048576 (1 PiB); reports may not hold more
    /// @param computeUnits declared compute units per epoch, at most 10^15; reports may not claim more
    /// @dev At least one declared figure is above zero.
    /// @return expiresAt block time (seconds) after which the attestation must be renewed
    function registerEdge(
        uint8 kind,
        bytes calldata evidence,
        bytes calldata collateral,
        string calldata region,
        uint32 bandwidthMbps,
        uint32 storageGiB,
        uint64 computeUnits
    ) external payable returns (uint64 expiresAt);

    /// @notice Replaces the sender's attestation with a fresh one; the expiry restarts from the block time.
    function renewAttestation(uint8 kind, bytes calldata evidence, bytes calldata collateral) external returns (uint64 expiresAt);

    /// @notice The sender's work for `epoch`, sent during the first reportWindowBlocks of epoch+1.
    /// @param dataRoot Merkle root of the stored chunks (storage challenges); zero when chunkCount is 0
    function submitWorkReport(
        uint64 epoch,
        uint64 bandwidthBytes,
        uint64 storageBytes,
        uint64 computeUnits,
        uint32 uptimePpm,
        bytes32 dataRoot,
        uint64 chunkCount
    ) external;

    /// @notice An assigned keeper's verdicts on edge nodes for `epoch`, during the verdict window of epoch+1.
    function submitVerdicts(uint64 epoch, Verdict[] calldata verdicts) external;

    /// @notice Answers the sender's storage challenge of `epoch` with the challenged chunk and its Merkle proof.
    function answerChallenge(uint64 epoch, bytes calldata chunk, bytes32[] calldata proof) external;

    /// @notice Answers the sender's compute challenge of `epoch`: `result` = h_rounds where
    /// h_1 = keccak256(uint64 chainId (big-endian) ++ edge ++ nonce) and h_(i+1) = keccak256(h_i), with the nonce and
    /// rounds of getComputeChallenge. The chain recomputes it (gas per round) and records nothing when it differs.
    /// @dev Proves the attested key's holder was live between the challenge seed and the deadline and did that
    /// sequential work after learning the nonce; it does not prove the declared compute capacity.
    function answerComputeChallenge(uint64 epoch, bytes32 result) external;

    /// @notice Pays the sender's settled edge rewards.
    function claimEdgeRewards() external returns (uint256 amount);

    /// @notice The sender stops being an edge node; its bond unlocks after the next epoch is finalised.
    function leaveEdge() external returns (uint64 unlockEpoch);

    /// @notice Pays back the bond of an edge node that left, once unlocked.
    function withdrawBond() external returns (uint256 amount);

    // ------------------------------------------------------------------ admin

    /// @notice Replaces the attestation policy (measurement allow-list, minimum TCB status, debug, max VMPL).
    /// Only the genesis admin may call; registrations and renewals use it from the next transaction on.
    /// @param policy the stored policy record (modules/Aro.Modules.Gpow/README.md, record 04), validated as genesis is
    function setAttestationPolicy(bytes calldata policy) external;

    /// @notice Replaces the roots of trust (Intel root CA, Nitro root, AMD ASK+ARK bundles); admin only.
    /// @param roots the stored roots record (README, record 05)
    function setRootsOfTrust(bytes calldata roots) external;

    // ------------------------------------------------------------------ views

    /// @notice The address allowed to change the policy and roots; zero when genesis named none (no updates possible).
    function getAdmin() external view returns (address);


    function getParams() external view returns (
        uint64 epochBlocks,
        uint64 reportWindowBlocks,
        uint64 challengeDeadlineBlocks,
        uint64 verdictWindowBlocks,
        uint32 keepersPerEdge,
        uint32 maxVerdictsPerTx,
        uint32 challengeRatePpm,
        uint32 challengeSlashPpm,
        uint256 minBond,
        uint64 attestationValiditySeconds,
        uint32 settlementPageSize,
        bool devAttestation
    );

    function getEdge(address edge) external view returns (
        bool exists,
        uint8 kind,
        uint64 expiresAt,
        uint256 bond,
        string memory region,
        uint64 registeredBlock,
        bool left,
        uint64 unlockEpoch,
        uint32 excellentStreak,
        uint256 claimable
    );

    /// @notice The resources `edge` declared when it registered (all zero for an unknown edge).
    function getDeclaredResources(address edge) external view returns (uint32 bandwidthMbps, uint32 storageGiB, uint64 computeUnits);

    function getEdgeCount() external view returns (uint256);

    function getEdgeAt(uint256 index) external view returns (address);

    function getWorkReport(address edge, uint64 epoch) external view returns (
        bool exists,
        uint64 bandwidthBytes,
        uint64 storageBytes,
        uint64 computeUnits,
        uint32 uptimePpm,
        bytes32 dataRoot,
        uint64 chunkCount
    );

    /// @notice The keepers assigned to `edge` for `epoch` (empty before the epoch's seed is fixed).
    function getAssignedKeepers(address edge, uint64 epoch) external view returns (address[] memory);

    function getChallenge(address edge, uint64 epoch) external view returns (
        bool challenged,
        uint64 chunkIndex,
        uint64 deadlineBlock,
        bool answered
    );

    /// @notice The compute challenge of `edge` for `epoch` (edges that declared compute units and reported;
    /// all zero when not challenged).
    function getComputeChallenge(address edge, uint64 epoch) external view returns (
        bool challenged,
        bytes32 nonce,
        uint64 rounds,
        uint64 deadlineBlock,
        bool answered
    );

    function getEdgeResult(address edge, uint64 epoch) external view returns (
        bool scored,
        uint256 score,
        uint256 reward,
        uint32 verdicts,
        bool challengeFailed
    );

    function getEpochInfo(uint64 epoch) external view returns (
        bytes32 assignmentSeed,
        bytes32 challengeSeed,
        uint64 reporters,
        uint256 totalScore,
        bool scored,
        uint256 pool,
        bool settled
    );

    /// @notice Verified work `keeper` vouched for in `epoch` (sum of scores of edges it judged in agreement).
    function getKeeperWork(address keeper, uint64 epoch) external view returns (uint256);

    /// @notice Wei held by purpose; their sum is the module's balance.
    function getTotals() external view returns (uint256 bonds, uint256 pools, uint256 claimable, uint256 carry);

    // ------------------------------------------------------------------ events

    event EdgeRegistered(address indexed edge, uint8 kind, uint64 expiresAt, uint256 bond, string region);
    event ResourcesDeclared(address indexed edge, uint32 bandwidthMbps, uint32 storageGiB, uint64 computeUnits);
    event AttestationRenewed(address indexed edge, uint8 kind, uint64 expiresAt);
    event WorkReported(address indexed edge, uint64 indexed epoch, uint64 bandwidthBytes, uint64 storageBytes,
        uint64 computeUnits, uint32 uptimePpm, bytes32 dataRoot, uint64 chunkCount);
    event VerdictsSubmitted(address indexed keeper, uint64 indexed epoch, uint256 count);
    event AssignmentSeedFixed(uint64 indexed epoch, bytes32 seed, uint256 keepers);
    event ChallengeSeedFixed(uint64 indexed epoch, bytes32 seed, uint64 deadlineBlock);
    event ChallengeAnswered(address indexed edge, uint64 indexed epoch, uint64 chunkIndex);
    event ComputeChallengeAnswered(address indexed edge, uint64 indexed epoch, bytes32 nonce);
    event ChallengeFailed(address indexed edge, uint64 indexed epoch, uint256 bondSlashed);
    event KeeperDeviated(address indexed keeper, address indexed edge, uint64 indexed epoch, uint256 keeperScore, uint256 score);
    event EdgeScored(address indexed edge, uint64 indexed epoch, uint256 score, uint32 verdicts);
    event EpochScored(uint64 indexed epoch, uint64 edges, uint256 totalScore);
    event EdgePoolReceived(uint64 indexed epoch, uint256 amount, uint256 carried);
    event EdgeRewarded(address indexed edge, uint64 indexed epoch, uint256 amount);
    event EdgeRewardsSettled(uint64 indexed epoch, uint256 pool, uint256 distributed, uint256 carried);
    event EdgeRewardsClaimed(address indexed edge, uint256 amount);
    event EdgeLeft(address indexed edge, uint64 unlockEpoch);
    event BondWithdrawn(address indexed edge, uint256 amount);
    event AttestationPolicyUpdated(bytes32 hash);
    event RootsOfTrustUpdated(bytes32 hash);

    // ------------------------------------------------------------------ errors

    error MalformedCalldata(bytes4 selector);
    error UnexpectedValue(uint256 value);
    error NotAdmin(address sender);
    error InvalidPolicy(string reason);
    error EdgeExists(address edge);
    error EdgeNotFound(address edge);
    error EdgeHasLeft(address edge);
    error BondBelowMinimum(uint256 bond, uint256 minimum);
    error InvalidRegion();
    error InvalidDeclaredResources(string reason);
    error UnknownAttestationKind(uint8 kind);
    error DevAttestationDisabled();
    error RootOfTrustMissing(uint8 kind);
    error AttestationMalformed(string reason);
    error AttestationInvalid(string reason);
    error ReportDataMismatch(bytes32 expected);
    error AttestationExpired(uint64 expiresAt);
    error FutureEpoch(uint64 epoch, uint64 current);
    error LateReport(uint64 epoch, uint64 current);
    error DuplicateReport(address edge, uint64 epoch);
    error InvalidReport(string reason);
    error ReportExceedsDeclared(string resource, uint256 reported, uint256 declared);
    error VerdictWindowClosed(uint64 epoch);
    error EmptyBatch();
    error TooManyVerdicts(uint256 count, uint256 maximum);
    error NotAKeeper(address keeper, uint64 epoch);
    error InvalidVerdict(address edge);
    error NoWorkReport(address edge, uint64 epoch);
    error NotAssigned(address keeper, address edge);
    error DuplicateVerdict(address keeper, address edge);
    error NoChallenge(address edge, uint64 epoch);
    error ChallengeClosed(uint64 deadlineBlock);
    error ChallengeAlreadyAnswered(address edge, uint64 epoch);
    error ChunkTooLarge(uint256 size, uint256 maximum);
    error InvalidStorageProof();
    error WrongComputeResult(bytes32 submitted);
    error NothingToClaim();
    error EdgeNotLeft(address edge);
    error BondLocked(uint64 unlockEpoch);
    error NothingToWithdraw();
}
