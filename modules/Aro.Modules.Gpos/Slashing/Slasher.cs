using Aro.Core;
using Aro.Core.Abi;
using Aro.Core.Blocks;
using Aro.Execution.Modules;
using Aro.Modules.Gpos.State;
using Aro.Modules.Gpos.ValidatorSet;
using static Aro.Modules.Gpos.Abi.StakingAbi;

namespace Aro.Modules.Gpos.Slashing;

/// <summary>
/// Slashing, jailing and unjailing (README §12). A slash burns a fraction of the stake the keeper had at
/// the infraction height (Cosmos' contract): its power in that epoch's set, taken first from unbonding
/// entries and redelegations created at or after the infraction, then from the pool. Every amount rounds
/// up and is capped at what is there; the burnt wei leave the module account and the supply.
/// </summary>
internal sealed class Slasher
{
    private readonly StakingStore _store;
    private readonly SlashingStore _slashing;
    private readonly ulong _height;
    private readonly Action<AbiEvent, AbiValue[]> _emit;
    private readonly Action<UInt256> _burn;

    public Slasher(StakingStore store, ulong height, Action<AbiEvent, AbiValue[]> emit, Action<UInt256> burn)
    {
        _store = store;
        _slashing = new SlashingStore(store.Records);
        _height = height;
        _emit = emit;
        _burn = burn;
    }

    private GposParams Params => _store.Params;

    /// <summary>
    /// Burns <paramref name="fractionPpm"/> of <paramref name="keeperAddress"/>'s stake at <paramref name="infractionHeight"/>,
    /// records the slash under the current epoch (B2) and emits Slashed. Returns the wei burnt.
    /// </summary>
    public UInt256 Slash(in Address keeperAddress, SlashReason reason, ulong infractionHeight, uint fractionPpm)
    {
        var keeper = _store.GetKeeper(keeperAddress) ?? throw Revert(KeeperNotFound, AbiValue.Address(keeperAddress));
        var target = Fraction(StakeAt(keeper, infractionHeight), fractionPpm);
        var remaining = target;
        var burnt = UInt256.Zero;
        var totals = _store.Totals;

        // Stake that left the pool after the infraction was still bonded when it happened.
        var unbondings = _slashing.KeeperUnbondings(keeperAddress);
        foreach (var id in unbondings.ToArray())
        {
            var entry = _store.GetUnbonding(id) ?? throw new InvalidOperationException($"indexed unbonding {id} missing");
            if (entry.CreationHeight < infractionHeight || entry.Amount.IsZero)
            {
                continue;
            }

            var cut = Min(Fraction(entry.Amount, fractionPpm), entry.Amount);
            _store.SetUnbonding(entry with { Amount = entry.Amount - cut });
            totals = totals with { Unbonding = totals.Unbonding - cut };
            burnt += cut;
            remaining = Sub(remaining, cut);
        }

        foreach (var id in _slashing.SourceRedelegations(keeperAddress).ToArray())
        {
            var entry = _store.GetRedelegation(id) ?? throw new InvalidOperationException($"indexed redelegation {id} missing");
            if (entry.CreationHeight < infractionHeight)
            {
                continue;
            }

            var destination = _store.GetKeeper(entry.Destination) ?? throw new InvalidOperationException("redelegation destination missing");
            var held = _store.GetShares(entry.Delegator, entry.Destination);
            var shares = Min(Fraction(entry.DestinationShares, fractionPpm), held);
            if (shares.IsZero)
            {
                continue;
            }

            // The last shares of a pool own all its tokens, so a pool never keeps tokens without shares.
            var tokens = shares == destination.TotalShares ? destination.Tokens : StakeMath.TokensOf(shares, destination.Tokens, destination.TotalShares);
            destination.Tokens -= tokens;
            destination.TotalShares -= shares;
            _store.SetShares(entry.Delegator, entry.Destination, held - shares);
            _store.SetKeeper(destination);
            totals = totals with { Bonded = totals.Bonded - tokens };
            burnt += tokens;
            remaining = Sub(remaining, tokens);
        }

        // Re-read: a redelegation may not point back here, but the record must be the latest either way.
        keeper = _store.GetKeeper(keeperAddress)!;
        var fromPool = Min(remaining, keeper.Tokens);
        keeper.Tokens -= fromPool;
        _store.SetKeeper(keeper);
        totals = totals with { Bonded = totals.Bonded - fromPool };
        burnt += fromPool;

        _store.Totals = totals;
        if (!burnt.IsZero)
        {
            _burn(burnt);
            _slashing.Burned += burnt;
        }

        _slashing.AppendSlash(_store.Epoch.Epoch, new SlashRecord(keeperAddress, reason, infractionHeight, burnt));
        _emit(Slashed, [AbiValue.Address(keeperAddress), AbiValue.UInt((byte)reason), AbiValue.UInt(infractionHeight), AbiValue.UInt(burnt)]);
        return burnt;
    }

    /// <summary>Jails the keeper until <paramref name="untilEpoch"/> (no-op when already jailed until then or later).</summary>
    public void Jail(in Address keeperAddress, ulong untilEpoch)
    {
        var keeper = _store.GetKeeper(keeperAddress) ?? throw Revert(KeeperNotFound, AbiValue.Address(keeperAddress));
        if (keeper.Jailed && keeper.JailedUntilEpoch >= untilEpoch)
        {
            return;
        }

        keeper.Jailed = true;
        keeper.JailedUntilEpoch = untilEpoch;
        _store.SetKeeper(keeper);
        UpdateSigningInfo(keeper, info => info with { JailedUntilEpoch = untilEpoch });
        _emit(Jailed, [AbiValue.Address(keeperAddress), AbiValue.UInt(untilEpoch)]);
    }

    public void Tombstone(in Address keeperAddress)
    {
        var keeper = _store.GetKeeper(keeperAddress) ?? throw Revert(KeeperNotFound, AbiValue.Address(keeperAddress));
        keeper.Tombstoned = true;
        _store.SetKeeper(keeper);
        UpdateSigningInfo(keeper, info => info with { Tombstoned = true });
        _emit(Tombstoned, [AbiValue.Address(keeperAddress)]);
    }

    /// <summary>The keeper's own <c>unjail</c>: checks in README order, then a fresh liveness window.</summary>
    public void Unjail(in Address sender)
    {
        var p = Params;
        var keeper = _store.GetKeeper(sender) ?? throw Revert(KeeperNotFound, AbiValue.Address(sender));
        if (keeper.Left)
        {
            throw Revert(KeeperHasLeft, AbiValue.Address(sender));
        }

        if (keeper.Tombstoned)
        {
            throw Revert(KeeperTombstoned, AbiValue.Address(sender));
        }

        if (!keeper.Jailed)
        {
            throw Revert(KeeperNotJailed, AbiValue.Address(sender));
        }

        if (_store.Epoch.Epoch < keeper.JailedUntilEpoch)
        {
            throw Revert(JailPeriodNotOver, AbiValue.UInt(keeper.JailedUntilEpoch));
        }

        var selfStake = StakeMath.TokensOf(_store.GetShares(sender, sender), keeper.Tokens, keeper.TotalShares);
        if (selfStake < p.MinSelfStake)
        {
            throw Revert(SelfStakeBelowMinimum, AbiValue.UInt(selfStake), AbiValue.UInt(p.MinSelfStake));
        }

        keeper.Jailed = false;
        _store.SetKeeper(keeper);
        var consensusAddress = Address.FromPublicKey(keeper.ConsensusKey);
        _slashing.ClearBitmap(consensusAddress, p.SignedBlocksWindow);
        _slashing.SetSigningInfo(consensusAddress, new SigningInfo(_height, 0, 0, keeper.JailedUntilEpoch, false));
        _emit(Unjailed, [AbiValue.Address(sender)]);
    }

    /// <summary>
    /// Double sign (message and the node's evidence list share this): checks in order — height below the
    /// current block, not older than maxEvidenceAgeBlocks, not handled before, both signatures by one key, that
    /// key in the set of the evidence height, its keeper not tombstoned — then slash, jail forever, tombstone.
    /// </summary>
    public void HandleDoubleSign(DuplicateVoteEvidence evidence, ulong chainId)
    {
        var p = Params;
        var height = evidence.Height;
        if (height >= _height)
        {
            throw Revert(EvidenceFromFuture, AbiValue.UInt(height), AbiValue.UInt(_height));
        }

        if (_height - height > p.MaxEvidenceAgeBlocks)
        {
            throw Revert(EvidenceTooOld, AbiValue.UInt(height), AbiValue.UInt(_height - p.MaxEvidenceAgeBlocks));
        }

        if (_slashing.IsEvidenceHandled(evidence.Hash))
        {
            throw Revert(EvidenceAlreadyHandled, AbiValue.Bytes(evidence.Hash.Bytes.ToArray()));
        }

        // Both votes must recover to the validator address they carry (consensus' Vote.Verify).
        if (!evidence.Verify(chainId))
        {
            throw Revert(InvalidEvidenceSignature);
        }

        var signer = evidence.Validator;

        var member = FindMember(height / p.EpochBlocks, signer) ?? throw Revert(ValidatorNotInSet, AbiValue.Address(signer), AbiValue.UInt(height));
        var keeper = _store.GetKeeper(member.Keeper) ?? throw new InvalidOperationException("validator set names a missing keeper");
        if (keeper.Tombstoned)
        {
            throw Revert(KeeperTombstoned, AbiValue.Address(keeper.Address));
        }

        _slashing.SetEvidenceHandled(evidence.Hash, _height);
        Slash(keeper.Address, SlashReason.DoubleSign, height, p.SlashFractionDoubleSignPpm);
        Jail(keeper.Address, ulong.MaxValue);
        Tombstone(keeper.Address);
    }

    /// <summary>Power at the infraction height: the keeper's power in that epoch's set (whole ARO) in wei; its current tokens when it was not in it.</summary>
    private UInt256 StakeAt(KeeperRecord keeper, ulong infractionHeight)
    {
        var sets = new ValidatorSetStore(_store.Records);
        var epoch = infractionHeight / Params.EpochBlocks;
        if (sets.Header(epoch) is { } header)
        {
            for (uint i = 0; i < header.Count; i++)
            {
                var member = sets.Member(epoch, i);
                if (member.Keeper == keeper.Address)
                {
                    return (UInt256)member.Power * ValidatorSetStore.PowerReduction;
                }
            }
        }

        return keeper.Tokens;
    }

    private ConsensusValidator? FindMember(ulong epoch, in Address consensusAddress)
    {
        var sets = new ValidatorSetStore(_store.Records);
        if (sets.Header(epoch) is not { } header)
        {
            return null;
        }

        for (uint i = 0; i < header.Count; i++)
        {
            var member = sets.Member(epoch, i);
            if (member.ConsensusAddress == consensusAddress)
            {
                return member;
            }
        }

        return null;
    }

    private void UpdateSigningInfo(KeeperRecord keeper, Func<SigningInfo, SigningInfo> change)
    {
        var consensusAddress = Address.FromPublicKey(keeper.ConsensusKey);
        var info = _slashing.GetSigningInfo(consensusAddress) ?? new SigningInfo(_height, 0, 0, 0, false);
        _slashing.SetSigningInfo(consensusAddress, change(info));
    }

    /// <summary>⌈amount · ppm / 10^6⌉.</summary>
    internal static UInt256 Fraction(in UInt256 amount, uint ppm) =>
        ppm == 0 ? UInt256.Zero : StakeMath.MulDivUp(amount, ppm, GposParams.PartsPerMillion);

    private static UInt256 Min(in UInt256 a, in UInt256 b) => a < b ? a : b;

    private static UInt256 Sub(in UInt256 a, in UInt256 b) => a > b ? a - b : UInt256.Zero;

    private static ModuleRevertException Revert(AbiError error, params AbiValue[] arguments) => ModuleRevertException.With(error, arguments);
}
