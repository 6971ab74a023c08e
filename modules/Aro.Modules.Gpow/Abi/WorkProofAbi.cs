using Aro.Core.Abi;

namespace Aro.Modules.Gpow.Abi;

/// <summary>
/// The C# side of contracts/IWorkProof.sol: every function, event and error the module handles or
/// emits. A test checks these against contracts/abi/IWorkProof.json in both directions.
/// </summary>
public static class WorkProofAbi
{
    private const AbiStateMutability Payable = AbiStateMutability.Payable;
    private const AbiStateMutability View = AbiStateMutability.View;

    /// <summary>The ABI tuple of one keeper verdict (IWorkProof.Verdict).</summary>
    public const string VerdictTuple = "(address,uint8,uint16,uint32,bool,uint32)";

    // ---- messages
    public static readonly AbiFunction RegisterEdge = AbiFunction.Parse("registerEdge(uint8,bytes,bytes,string,uint32,uint32,uint64)", "(uint64)", Payable);
    public static readonly AbiFunction RenewAttestation = AbiFunction.Parse("renewAttestation(uint8,bytes,bytes)", "(uint64)");
    public static readonly AbiFunction SubmitWorkReport = AbiFunction.Parse("submitWorkReport(uint64,uint64,uint64,uint64,uint32,bytes32,uint64)");
    public static readonly AbiFunction SubmitVerdicts = AbiFunction.Parse("submitVerdicts(uint64," + VerdictTuple + "[])");
    public static readonly AbiFunction AnswerChallenge = AbiFunction.Parse("answerChallenge(uint64,bytes,bytes32[])");
    public static readonly AbiFunction AnswerComputeChallenge = AbiFunction.Parse("answerComputeChallenge(uint64,bytes32)");
    public static readonly AbiFunction ClaimEdgeRewards = AbiFunction.Parse("claimEdgeRewards()", "(uint256)");
    public static readonly AbiFunction LeaveEdge = AbiFunction.Parse("leaveEdge()", "(uint64)");
    public static readonly AbiFunction WithdrawBond = AbiFunction.Parse("withdrawBond()", "(uint256)");

    // ---- admin
    public static readonly AbiFunction SetAttestationPolicy = AbiFunction.Parse("setAttestationPolicy(bytes)");
    public static readonly AbiFunction SetRootsOfTrust = AbiFunction.Parse("setRootsOfTrust(bytes)");

    // ---- views
    public static readonly AbiFunction GetAdmin = AbiFunction.Parse("getAdmin()", "(address)", View);
    public static readonly AbiFunction GetParams = AbiFunction.Parse(
        "getParams()", "(uint64,uint64,uint64,uint64,uint32,uint32,uint32,uint32,uint256,uint64,uint32,bool)", View);
    public static readonly AbiFunction GetEdge = AbiFunction.Parse(
        "getEdge(address)", "(bool,uint8,uint64,uint256,string,uint64,bool,uint64,uint32,uint256)", View);
    public static readonly AbiFunction GetDeclaredResources = AbiFunction.Parse("getDeclaredResources(address)", "(uint32,uint32,uint64)", View);
    public static readonly AbiFunction GetEdgeCount = AbiFunction.Parse("getEdgeCount()", "(uint256)", View);
    public static readonly AbiFunction GetEdgeAt = AbiFunction.Parse("getEdgeAt(uint256)", "(address)", View);
    public static readonly AbiFunction GetWorkReport = AbiFunction.Parse(
        "getWorkReport(address,uint64)", "(bool,uint64,uint64,uint64,uint32,bytes32,uint64)", View);
    public static readonly AbiFunction GetAssignedKeepers = AbiFunction.Parse("getAssignedKeepers(address,uint64)", "(address[])", View);
    public static readonly AbiFunction GetChallenge = AbiFunction.Parse("getChallenge(address,uint64)", "(bool,uint64,uint64,bool)", View);
    public static readonly AbiFunction GetComputeChallenge = AbiFunction.Parse("getComputeChallenge(address,uint64)", "(bool,bytes32,uint64,uint64,bool)", View);
    public static readonly AbiFunction GetEdgeResult = AbiFunction.Parse("getEdgeResult(address,uint64)", "(bool,uint256,uint256,uint32,bool)", View);
    public static readonly AbiFunction GetEpochInfo = AbiFunction.Parse(
        "getEpochInfo(uint64)", "(bytes32,bytes32,uint64,uint256,bool,uint256,bool)", View);
    public static readonly AbiFunction GetKeeperWork = AbiFunction.Parse("getKeeperWork(address,uint64)", "(uint256)", View);
    public static readonly AbiFunction GetTotals = AbiFunction.Parse("getTotals()", "(uint256,uint256,uint256,uint256)", View);

    // ---- events
    public static readonly AbiEvent EdgeRegistered = AbiEvent.Parse("EdgeRegistered(address,uint8,uint64,uint256,string)", 0);
    public static readonly AbiEvent ResourcesDeclared = AbiEvent.Parse("ResourcesDeclared(address,uint32,uint32,uint64)", 0);
    public static readonly AbiEvent AttestationRenewed = AbiEvent.Parse("AttestationRenewed(address,uint8,uint64)", 0);
    public static readonly AbiEvent WorkReported = AbiEvent.Parse("WorkReported(address,uint64,uint64,uint64,uint64,uint32,bytes32,uint64)", 0, 1);
    public static readonly AbiEvent VerdictsSubmitted = AbiEvent.Parse("VerdictsSubmitted(address,uint64,uint256)", 0, 1);
    public static readonly AbiEvent AssignmentSeedFixed = AbiEvent.Parse("AssignmentSeedFixed(uint64,bytes32,uint256)", 0);
    public static readonly AbiEvent ChallengeSeedFixed = AbiEvent.Parse("ChallengeSeedFixed(uint64,bytes32,uint64)", 0);
    public static readonly AbiEvent ChallengeAnswered = AbiEvent.Parse("ChallengeAnswered(address,uint64,uint64)", 0, 1);
    public static readonly AbiEvent ComputeChallengeAnswered = AbiEvent.Parse("ComputeChallengeAnswered(address,uint64,bytes32)", 0, 1);
    public static readonly AbiEvent ChallengeFailed = AbiEvent.Parse("ChallengeFailed(address,uint64,uint256)", 0, 1);
    public static readonly AbiEvent KeeperDeviated = AbiEvent.Parse("KeeperDeviated(address,address,uint64,uint256,uint256)", 0, 1, 2);
    public static readonly AbiEvent EdgeScored = AbiEvent.Parse("EdgeScored(address,uint64,uint256,uint32)", 0, 1);
    public static readonly AbiEvent EpochScored = AbiEvent.Parse("EpochScored(uint64,uint64,uint256)", 0);
    public static readonly AbiEvent EdgePoolReceived = AbiEvent.Parse("EdgePoolReceived(uint64,uint256,uint256)", 0);
    public static readonly AbiEvent EdgeRewarded = AbiEvent.Parse("EdgeRewarded(address,uint64,uint256)", 0, 1);
    public static readonly AbiEvent EdgeRewardsSettled = AbiEvent.Parse("EdgeRewardsSettled(uint64,uint256,uint256,uint256)", 0);
    public static readonly AbiEvent EdgeRewardsClaimed = AbiEvent.Parse("EdgeRewardsClaimed(address,uint256)", 0);
    public static readonly AbiEvent EdgeLeft = AbiEvent.Parse("EdgeLeft(address,uint64)", 0);
    public static readonly AbiEvent BondWithdrawn = AbiEvent.Parse("BondWithdrawn(address,uint256)", 0);
    public static readonly AbiEvent AttestationPolicyUpdated = AbiEvent.Parse("AttestationPolicyUpdated(bytes32)");
    public static readonly AbiEvent RootsOfTrustUpdated = AbiEvent.Parse("RootsOfTrustUpdated(bytes32)");

    // ---- errors
    public static readonly AbiError MalformedCalldata = AbiError.Parse("MalformedCalldata(bytes4)");
    public static readonly AbiError UnexpectedValue = AbiError.Parse("UnexpectedValue(uint256)");
    public static readonly AbiError NotAdmin = AbiError.Parse("NotAdmin(address)");
    public static readonly AbiError InvalidPolicy = AbiError.Parse("InvalidPolicy(string)");
    public static readonly AbiError EdgeExists = AbiError.Parse("EdgeExists(address)");
    public static readonly AbiError EdgeNotFound = AbiError.Parse("EdgeNotFound(address)");
    public static readonly AbiError EdgeHasLeft = AbiError.Parse("EdgeHasLeft(address)");
    public static readonly AbiError BondBelowMinimum = AbiError.Parse("BondBelowMinimum(uint256,uint256)");
    public static readonly AbiError InvalidRegion = AbiError.Parse("InvalidRegion()");
    public static readonly AbiError InvalidDeclaredResources = AbiError.Parse("InvalidDeclaredResources(string)");
    public static readonly AbiError UnknownAttestationKind = AbiError.Parse("UnknownAttestationKind(uint8)");
    public static readonly AbiError DevAttestationDisabled = AbiError.Parse("DevAttestationDisabled()");
    public static readonly AbiError RootOfTrustMissing = AbiError.Parse("RootOfTrustMissing(uint8)");
    public static readonly AbiError AttestationMalformed = AbiError.Parse("AttestationMalformed(string)");
    public static readonly AbiError AttestationInvalid = AbiError.Parse("AttestationInvalid(string)");
    public static readonly AbiError ReportDataMismatch = AbiError.Parse("ReportDataMismatch(bytes32)");
    public static readonly AbiError AttestationExpired = AbiError.Parse("AttestationExpired(uint64)");
    public static readonly AbiError FutureEpoch = AbiError.Parse("FutureEpoch(uint64,uint64)");
    public static readonly AbiError LateReport = AbiError.Parse("LateReport(uint64,uint64)");
    public static readonly AbiError DuplicateReport = AbiError.Parse("DuplicateReport(address,uint64)");
    public static readonly AbiError InvalidReport = AbiError.Parse("InvalidReport(string)");
    public static readonly AbiError ReportExceedsDeclared = AbiError.Parse("ReportExceedsDeclared(string,uint256,uint256)");
    public static readonly AbiError VerdictWindowClosed = AbiError.Parse("VerdictWindowClosed(uint64)");
    public static readonly AbiError EmptyBatch = AbiError.Parse("EmptyBatch()");
    public static readonly AbiError TooManyVerdicts = AbiError.Parse("TooManyVerdicts(uint256,uint256)");
    public static readonly AbiError NotAKeeper = AbiError.Parse("NotAKeeper(address,uint64)");
    public static readonly AbiError InvalidVerdict = AbiError.Parse("InvalidVerdict(address)");
    public static readonly AbiError NoWorkReport = AbiError.Parse("NoWorkReport(address,uint64)");
    public static readonly AbiError NotAssigned = AbiError.Parse("NotAssigned(address,address)");
    public static readonly AbiError DuplicateVerdict = AbiError.Parse("DuplicateVerdict(address,address)");
    public static readonly AbiError NoChallenge = AbiError.Parse("NoChallenge(address,uint64)");
    public static readonly AbiError ChallengeClosed = AbiError.Parse("ChallengeClosed(uint64)");
    public static readonly AbiError ChallengeAlreadyAnswered = AbiError.Parse("ChallengeAlreadyAnswered(address,uint64)");
    public static readonly AbiError ChunkTooLarge = AbiError.Parse("ChunkTooLarge(uint256,uint256)");
    public static readonly AbiError InvalidStorageProof = AbiError.Parse("InvalidStorageProof()");
    public static readonly AbiError WrongComputeResult = AbiError.Parse("WrongComputeResult(bytes32)");
    public static readonly AbiError NothingToClaim = AbiError.Parse("NothingToClaim()");
    public static readonly AbiError EdgeNotLeft = AbiError.Parse("EdgeNotLeft(address)");
    public static readonly AbiError BondLocked = AbiError.Parse("BondLocked(uint64)");
    public static readonly AbiError NothingToWithdraw = AbiError.Parse("NothingToWithdraw()");

    public static IReadOnlyList<AbiEvent> Events { get; } =
    [
        EdgeRegistered, ResourcesDeclared, AttestationRenewed, WorkReported, VerdictsSubmitted, AssignmentSeedFixed, ChallengeSeedFixed,
        ChallengeAnswered, ComputeChallengeAnswered, ChallengeFailed, KeeperDeviated, EdgeScored, EpochScored, EdgePoolReceived, EdgeRewarded,
        EdgeRewardsSettled, EdgeRewardsClaimed, EdgeLeft, BondWithdrawn, AttestationPolicyUpdated, RootsOfTrustUpdated,
    ];

    public static IReadOnlyList<AbiError> Errors { get; } =
    [
        MalformedCalldata, UnexpectedValue, NotAdmin, InvalidPolicy, EdgeExists, EdgeNotFound, EdgeHasLeft, BondBelowMinimum, InvalidRegion, InvalidDeclaredResources,
        UnknownAttestationKind, DevAttestationDisabled, RootOfTrustMissing, AttestationMalformed, AttestationInvalid,
        ReportDataMismatch, AttestationExpired, FutureEpoch, LateReport, DuplicateReport, InvalidReport, ReportExceedsDeclared, VerdictWindowClosed,
        EmptyBatch, TooManyVerdicts, NotAKeeper, InvalidVerdict, NoWorkReport, NotAssigned, DuplicateVerdict, NoChallenge,
        ChallengeClosed, ChallengeAlreadyAnswered, ChunkTooLarge, InvalidStorageProof, WrongComputeResult, NothingToClaim, EdgeNotLeft,
        BondLocked, NothingToWithdraw,
    ];
}
