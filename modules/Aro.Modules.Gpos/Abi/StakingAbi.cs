using Aro.Core.Abi;

namespace Aro.Modules.Gpos.Abi;

/// <summary>
/// The C# side of contracts/IStaking.sol: every function, event and error the module handles or
/// emits. A test checks these against contracts/abi/IStaking.json in both directions.
/// </summary>
public static class StakingAbi
{
    private const AbiStateMutability Payable = AbiStateMutability.Payable;
    private const AbiStateMutability View = AbiStateMutability.View;

    // ---- messages
    public static readonly AbiFunction Register = AbiFunction.Parse("register(bytes,uint16,string,string)", null, Payable);
    public static readonly AbiFunction EditKeeper = AbiFunction.Parse("editKeeper(uint16,string,string)");
    public static readonly AbiFunction LeaveKeeper = AbiFunction.Parse("leaveKeeper()", "(uint256)");
    public static readonly AbiFunction Delegate = AbiFunction.Parse("delegate(address)", "(uint256)", Payable);
    public static readonly AbiFunction Undelegate = AbiFunction.Parse("undelegate(address,uint256)", "(uint256,uint64)");
    public static readonly AbiFunction Redelegate = AbiFunction.Parse("redelegate(address,address,uint256)", "(uint256,uint64)");
    public static readonly AbiFunction Withdraw = AbiFunction.Parse("withdraw()", "(uint256)");
    public static readonly AbiFunction Unjail = AbiFunction.Parse("unjail()");
    public static readonly AbiFunction SubmitDoubleSignEvidence = AbiFunction.Parse("submitDoubleSignEvidence(bytes)");

    // ---- views
    public static readonly AbiFunction GetParams = AbiFunction.Parse(
        "getParams()", "(uint64,uint64,uint32,uint32,uint256,uint16,uint16,uint64,uint32,uint32)", View);
    public static readonly AbiFunction GetEpoch = AbiFunction.Parse("getEpoch()", "(uint64,uint64,uint64)", View);
    public static readonly AbiFunction GetKeeper = AbiFunction.Parse(
        "getKeeper(address)", "(bool,bytes,uint16,uint8,bool,bool,bool,uint256,uint256,uint256,uint32,string,string)", View);
    public static readonly AbiFunction GetKeeperCount = AbiFunction.Parse("getKeeperCount()", "(uint256)", View);
    public static readonly AbiFunction GetKeeperAt = AbiFunction.Parse("getKeeperAt(uint256)", "(address)", View);
    public static readonly AbiFunction GetActiveSet = AbiFunction.Parse("getActiveSet()", "(address[],uint256[])", View);
    public static readonly AbiFunction GetDelegation = AbiFunction.Parse("getDelegation(address,address)", "(uint256,uint256)", View);
    public static readonly AbiFunction GetDelegatorKeepers = AbiFunction.Parse("getDelegatorKeepers(address)", "(address[])", View);
    public static readonly AbiFunction GetKeeperDelegationAt = AbiFunction.Parse(
        "getKeeperDelegationAt(address,uint256)", "(address,uint256,uint256)", View);
    public static readonly AbiFunction GetUnbonding = AbiFunction.Parse(
        "getUnbonding(uint256)", "(bool,address,address,uint256,uint64,uint64)", View);
    public static readonly AbiFunction GetRedelegation = AbiFunction.Parse(
        "getRedelegation(uint256)", "(bool,address,address,address,uint256,uint64,uint64)", View);
    public static readonly AbiFunction GetWithdrawable = AbiFunction.Parse("getWithdrawable(address)", "(uint256)", View);
    public static readonly AbiFunction GetTotals = AbiFunction.Parse("getTotals()", "(uint256,uint256,uint256)", View);
    public static readonly AbiFunction GetValidatorSet = AbiFunction.Parse("getValidatorSet(uint64)", "(bytes32,address[],address[],uint64[])", View);

    // ---- events
    public static readonly AbiEvent KeeperRegistered = AbiEvent.Parse("KeeperRegistered(address,bytes,uint16,string,string,uint256)", 0);
    public static readonly AbiEvent KeeperEdited = AbiEvent.Parse("KeeperEdited(address,uint16,string,string)", 0);
    public static readonly AbiEvent KeeperLeft = AbiEvent.Parse("KeeperLeft(address)", 0);
    public static readonly AbiEvent KeeperStatusChanged = AbiEvent.Parse("KeeperStatusChanged(address,uint8,uint8)", 0);
    public static readonly AbiEvent Delegated = AbiEvent.Parse("Delegated(address,address,uint256,uint256)", 0, 1);
    public static readonly AbiEvent Undelegated = AbiEvent.Parse("Undelegated(address,address,uint256,uint256,uint256,uint64)", 0, 1, 2);
    public static readonly AbiEvent Redelegated = AbiEvent.Parse("Redelegated(address,address,address,uint256,uint256,uint64)", 0, 1, 2);
    public static readonly AbiEvent UnbondingMatured = AbiEvent.Parse("UnbondingMatured(uint256,address,address,uint256)", 0, 1, 2);
    public static readonly AbiEvent RedelegationMatured = AbiEvent.Parse("RedelegationMatured(uint256,address,address)", 0, 1, 2);
    public static readonly AbiEvent Withdrawn = AbiEvent.Parse("Withdrawn(address,uint256)", 0);
    public static readonly AbiEvent EpochStarted = AbiEvent.Parse("EpochStarted(uint64,uint32,uint256)", 0);
    public static readonly AbiEvent ValidatorSetChanged = AbiEvent.Parse("ValidatorSetChanged(uint64,bytes32,uint256)", 0);
    /// <summary>Written by the block executor (not this module) at GPoS's address when a block's evidence is refused.</summary>
    public static readonly AbiEvent EvidenceRefused = Aro.Execution.Execution.EvidenceEvents.Refused;

    public static readonly AbiEvent Slashed = AbiEvent.Parse("Slashed(address,uint8,uint64,uint256)", 0, 1);
    public static readonly AbiEvent Jailed = AbiEvent.Parse("Jailed(address,uint64)", 0);
    public static readonly AbiEvent Unjailed = AbiEvent.Parse("Unjailed(address)", 0);
    public static readonly AbiEvent Tombstoned = AbiEvent.Parse("Tombstoned(address)", 0);

    // ---- errors
    public static readonly AbiError MalformedCalldata = AbiError.Parse("MalformedCalldata(bytes4)");
    public static readonly AbiError UnexpectedValue = AbiError.Parse("UnexpectedValue(uint256)");
    public static readonly AbiError ZeroAmount = AbiError.Parse("ZeroAmount()");
    public static readonly AbiError KeeperExists = AbiError.Parse("KeeperExists(address)");
    public static readonly AbiError KeeperNotFound = AbiError.Parse("KeeperNotFound(address)");
    public static readonly AbiError KeeperHasLeft = AbiError.Parse("KeeperHasLeft(address)");
    public static readonly AbiError KeeperTombstoned = AbiError.Parse("KeeperTombstoned(address)");
    public static readonly AbiError TooManyKeepers = AbiError.Parse("TooManyKeepers(uint256)");
    public static readonly AbiError InvalidConsensusKey = AbiError.Parse("InvalidConsensusKey()");
    public static readonly AbiError ConsensusKeyInUse = AbiError.Parse("ConsensusKeyInUse(address)");
    public static readonly AbiError InvalidMoniker = AbiError.Parse("InvalidMoniker()");
    public static readonly AbiError InvalidRegion = AbiError.Parse("InvalidRegion()");
    public static readonly AbiError CommissionTooHigh = AbiError.Parse("CommissionTooHigh(uint16,uint16)");
    public static readonly AbiError CommissionChangeTooLarge = AbiError.Parse("CommissionChangeTooLarge(uint16,uint16,uint16)");
    public static readonly AbiError CommissionChangeTooSoon = AbiError.Parse("CommissionChangeTooSoon(uint64)");
    public static readonly AbiError SelfStakeBelowMinimum = AbiError.Parse("SelfStakeBelowMinimum(uint256,uint256)");
    public static readonly AbiError DelegationNotFound = AbiError.Parse("DelegationNotFound(address,address)");
    public static readonly AbiError InsufficientDelegation = AbiError.Parse("InsufficientDelegation(uint256,uint256)");
    public static readonly AbiError TooManyDelegations = AbiError.Parse("TooManyDelegations(uint256)");
    public static readonly AbiError SelfRedelegation = AbiError.Parse("SelfRedelegation(address)");
    public static readonly AbiError TransitiveRedelegation = AbiError.Parse("TransitiveRedelegation(address)");
    public static readonly AbiError TooManyEntries = AbiError.Parse("TooManyEntries(uint256)");
    public static readonly AbiError NothingToWithdraw = AbiError.Parse("NothingToWithdraw()");
    public static readonly AbiError ValidatorSetNotFound = AbiError.Parse("ValidatorSetNotFound(uint64)");
    public static readonly AbiError KeeperNotJailed = AbiError.Parse("KeeperNotJailed(address)");
    public static readonly AbiError JailPeriodNotOver = AbiError.Parse("JailPeriodNotOver(uint64)");
    public static readonly AbiError MalformedEvidence = AbiError.Parse("MalformedEvidence()");
    public static readonly AbiError EvidenceFromFuture = AbiError.Parse("EvidenceFromFuture(uint64,uint64)");
    public static readonly AbiError EvidenceTooOld = AbiError.Parse("EvidenceTooOld(uint64,uint64)");
    public static readonly AbiError EvidenceAlreadyHandled = AbiError.Parse("EvidenceAlreadyHandled(bytes32)");
    public static readonly AbiError InvalidEvidenceSignature = AbiError.Parse("InvalidEvidenceSignature()");
    public static readonly AbiError ValidatorNotInSet = AbiError.Parse("ValidatorNotInSet(address,uint64)");

    /// <summary>Every function the module dispatches.</summary>
    public static IReadOnlyList<AbiFunction> Functions { get; } =
    [
        Register, EditKeeper, LeaveKeeper, Delegate, Undelegate, Redelegate, Withdraw, Unjail, SubmitDoubleSignEvidence,
        GetParams, GetEpoch, GetKeeper, GetKeeperCount, GetKeeperAt, GetActiveSet, GetDelegation,
        GetDelegatorKeepers, GetKeeperDelegationAt, GetUnbonding, GetRedelegation, GetWithdrawable, GetTotals,
        GetValidatorSet,
    ];

    /// <summary>Every event the module emits.</summary>
    public static IReadOnlyList<AbiEvent> Events { get; } =
    [
        KeeperRegistered, KeeperEdited, KeeperLeft, KeeperStatusChanged, Delegated, Undelegated, Redelegated,
        UnbondingMatured, RedelegationMatured, Withdrawn, EpochStarted, ValidatorSetChanged, Slashed, Jailed, Unjailed,
        Tombstoned, EvidenceRefused,
    ];

    /// <summary>Every error the module reverts with.</summary>
    public static IReadOnlyList<AbiError> Errors { get; } =
    [
        MalformedCalldata, UnexpectedValue, ZeroAmount, KeeperExists, KeeperNotFound, KeeperHasLeft, KeeperTombstoned,
        TooManyKeepers, InvalidConsensusKey, ConsensusKeyInUse, InvalidMoniker, InvalidRegion, CommissionTooHigh,
        CommissionChangeTooLarge, CommissionChangeTooSoon, SelfStakeBelowMinimum, DelegationNotFound,
        InsufficientDelegation, TooManyDelegations, SelfRedelegation, TransitiveRedelegation, TooManyEntries,
        NothingToWithdraw, ValidatorSetNotFound, KeeperNotJailed, JailPeriodNotOver, MalformedEvidence, EvidenceFromFuture,
        EvidenceTooOld, EvidenceAlreadyHandled, InvalidEvidenceSignature, ValidatorNotInSet,
    ];
}
