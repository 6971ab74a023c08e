using Aro.Core;
using Aro.Core.Abi;
using Aro.Execution.Modules;
using Aro.Modules.Gpos.Abi;
using Aro.Modules.Gpos.Guarantee;
using Aro.Modules.Gpos.Rewards;
using Aro.Modules.Gpos.Slashing;
using Aro.Modules.Gpos.State;
using Aro.Modules.Gpos.ValidatorSet;
using static Aro.Modules.Gpos.Abi.StakingAbi;

namespace Aro.Modules.Gpos;

/// <summary>
/// The staking state machine: keepers, delegations, unbonding and redelegation queues and the epoch
/// transition. Every rule lives here; the message server only decodes calldata and encodes results.
/// A rule violation throws <see cref="ModuleRevertException"/> with a named IStaking error; the host
/// then undoes everything the call wrote.
/// </summary>
internal sealed class StakingKeeper
{
    private readonly StakingStore _store;
    private readonly ulong _height;
    private readonly Action<AbiEvent, AbiValue[]> _emit;
    private readonly EconomyHooks? _economy;
    private readonly DelegatorRewards _rewards;

    /// <param name="height">Number of the block being executed (stamped on entries for slashing at infraction height).</param>
    /// <param name="emit">Event sink; genesis passes one that drops events.</param>
    /// <param name="economy">Context and GPoW interfaces for stake limits and epoch settlement; null at genesis.</param>
    public StakingKeeper(StakingStore store, ulong height, Action<AbiEvent, AbiValue[]> emit, EconomyHooks? economy = null)
    {
        _store = store;
        _height = height;
        _emit = emit;
        _economy = economy;
        _rewards = new DelegatorRewards(store, emit);
    }

    public StakingStore Store => _store;

    private GposParams Params => _store.Params;

    private ulong CurrentEpoch => _store.Epoch.Epoch;

    // ------------------------------------------------------------------ keepers

    public void Register(in Address sender, in UInt256 selfStake, byte[] consensusKey, ushort commissionBps, string moniker, string region)
    {
        var p = Params;
        if (_store.GetKeeper(sender) is not null)
        {
            throw Revert(KeeperExists, AbiValue.Address(sender));
        }

        if (selfStake < p.MinSelfStake)
        {
            throw Revert(SelfStakeBelowMinimum, AbiValue.UInt(selfStake), AbiValue.UInt(p.MinSelfStake));
        }

        var index = _store.KeeperIndex;
        if (index.Count >= p.MaxKeepers)
        {
            throw Revert(TooManyKeepers, AbiValue.UInt(p.MaxKeepers));
        }

        if (!Validation.IsValidConsensusKey(consensusKey))
        {
            throw Revert(InvalidConsensusKey);
        }

        var consensusAddress = Address.FromPublicKey(consensusKey);
        if (_store.KeeperOfConsensusAddress(consensusAddress) is { } holder)
        {
            throw Revert(ConsensusKeyInUse, AbiValue.Address(holder));
        }

        CheckCommissionCap(commissionBps, p);
        CheckDescription(moniker, region);
        CheckDelegationSlot(sender, sender, p);

        var keeper = new KeeperRecord
        {
            Address = sender,
            ConsensusKey = consensusKey,
            CommissionBps = commissionBps,
            CommissionChangedEpoch = CurrentEpoch,
            Moniker = moniker,
            Region = region,
            RegisteredHeight = _height,
        };
        index.Add(sender);
        _store.SetConsensusAddress(consensusAddress, sender);
        var shares = AddStake(keeper, sender, selfStake);
        _store.SetKeeper(keeper);
        AddBonded(selfStake);
        _emit(KeeperRegistered, [
            AbiValue.Address(sender), AbiValue.Bytes(consensusKey), AbiValue.UInt(commissionBps),
            AbiValue.String(moniker), AbiValue.String(region), AbiValue.UInt(selfStake)]);
        _emit(Delegated, [AbiValue.Address(sender), AbiValue.Address(sender), AbiValue.UInt(selfStake), AbiValue.UInt(shares)]);
    }

    public void Edit(in Address sender, ushort commissionBps, string moniker, string region)
    {
        var p = Params;
        var keeper = ActiveKeeper(sender);
        CheckDescription(moniker, region);
        if (commissionBps != keeper.CommissionBps)
        {
            CheckCommissionCap(commissionBps, p);
            var step = commissionBps > keeper.CommissionBps ? commissionBps - keeper.CommissionBps : keeper.CommissionBps - commissionBps;
            if (step > p.MaxCommissionChangeBps)
            {
                throw Revert(CommissionChangeTooLarge, AbiValue.UInt(keeper.CommissionBps), AbiValue.UInt(commissionBps), AbiValue.UInt(p.MaxCommissionChangeBps));
            }

            var nextAllowed = keeper.CommissionChangedEpoch + p.CommissionChangeEpochs;
            if (CurrentEpoch < nextAllowed)
            {
                throw Revert(CommissionChangeTooSoon, AbiValue.UInt(nextAllowed));
            }

            keeper.CommissionBps = commissionBps;
            keeper.CommissionChangedEpoch = CurrentEpoch;
        }

        keeper.Moniker = moniker;
        keeper.Region = region;
        _store.SetKeeper(keeper);
        _emit(KeeperEdited, [AbiValue.Address(sender), AbiValue.UInt(commissionBps), AbiValue.String(moniker), AbiValue.String(region)]);
    }

    /// <returns>The unbonding entry of the self-stake (0 when there was none left).</returns>
    public ulong Leave(in Address sender)
    {
        var keeper = ActiveKeeper(sender);
        keeper.Left = true;
        _emit(KeeperLeft, [AbiValue.Address(sender)]);
        var shares = _store.GetShares(sender, sender);
        if (shares.IsZero)
        {
            _store.SetKeeper(keeper);
            return 0;
        }

        var amount = StakeMath.TokensOf(shares, keeper.Tokens, keeper.TotalShares);
        var (id, _) = StartUnbonding(keeper, sender, amount, shares);
        return id;
    }

    // ------------------------------------------------------------------ delegations

    public UInt256 Delegate(in Address sender, in Address keeperAddress, in UInt256 amount)
    {
        if (amount.IsZero)
        {
            throw Revert(ZeroAmount);
        }

        var keeper = OpenKeeper(keeperAddress);
        CheckDelegationSlot(sender, keeperAddress, Params);
        var shares = AddStake(keeper, sender, amount);
        _store.SetKeeper(keeper);
        AddBonded(amount);
        _emit(Delegated, [AbiValue.Address(sender), AbiValue.Address(keeperAddress), AbiValue.UInt(amount), AbiValue.UInt(shares)]);
        return shares;
    }

    public (ulong Id, ulong CompletionEpoch) Undelegate(in Address sender, in Address keeperAddress, in UInt256 amount)
    {
        if (amount.IsZero)
        {
            throw Revert(ZeroAmount);
        }

        var keeper = _store.GetKeeper(keeperAddress) ?? throw Revert(KeeperNotFound, AbiValue.Address(keeperAddress));
        var shares = SharesToRemove(keeper, sender, amount);
        if (_store.GetUnbondingEntryCount(sender, keeperAddress) >= Params.MaxEntries)
        {
            throw Revert(TooManyEntries, AbiValue.UInt(Params.MaxEntries));
        }

        return StartUnbonding(keeper, sender, amount, shares);
    }

    public (ulong Id, ulong CompletionEpoch) Redelegate(in Address sender, in Address sourceAddress, in Address destinationAddress, in UInt256 amount)
    {
        var p = Params;
        if (amount.IsZero)
        {
            throw Revert(ZeroAmount);
        }

        if (sourceAddress == destinationAddress)
        {
            throw Revert(SelfRedelegation, AbiValue.Address(sourceAddress));
        }

        var source = _store.GetKeeper(sourceAddress) ?? throw Revert(KeeperNotFound, AbiValue.Address(sourceAddress));
        var destination = OpenKeeper(destinationAddress);
        var sourceShares = SharesToRemove(source, sender, amount);

        // Cosmos' rule: stake that arrived by an immature redelegation cannot hop again, or one
        // stake could escape a slash of each keeper it passed through.
        if (_store.GetIncomingRedelegations(sender, sourceAddress) > 0)
        {
            throw Revert(TransitiveRedelegation, AbiValue.Address(sourceAddress));
        }

        var incoming = _store.GetIncomingRedelegations(sender, destinationAddress);
        if (incoming >= p.MaxEntries)
        {
            throw Revert(TooManyEntries, AbiValue.UInt(p.MaxEntries));
        }

        CheckDelegationSlot(sender, destinationAddress, p);
        RemoveStake(source, sender, amount, sourceShares);
        _store.SetKeeper(source);
        var destinationShares = AddStake(destination, sender, amount);
        _store.SetKeeper(destination);

        var epochState = _store.Epoch;
        var completion = epochState.Epoch + p.UnbondingEpochs;
        var entry = new RedelegationEntry(epochState.NextRedelegationId, sender, sourceAddress, destinationAddress, amount, destinationShares, _height, completion);
        _store.Epoch = epochState with { NextRedelegationId = epochState.NextRedelegationId + 1 };
        _store.SetRedelegation(entry);
        _store.RedelegationQueue.Enqueue(completion, IndexedAddressSet.Number(entry.Id));
        new SlashingStore(_store.Records).SourceRedelegations(sourceAddress).Add(entry.Id);
        _store.SetIncomingRedelegations(sender, destinationAddress, incoming + 1);
        _emit(Redelegated, [
            AbiValue.Address(sender), AbiValue.Address(sourceAddress), AbiValue.Address(destinationAddress),
            AbiValue.UInt(entry.Id), AbiValue.UInt(amount), AbiValue.UInt(completion)]);
        return (entry.Id, completion);
    }

    /// <summary>Takes the sender's pending rewards from <paramref name="keeper"/> out of the books; the caller pays them.</summary>
    public UInt256 ClaimRewards(in Address sender, in Address keeper) => _rewards.Claim(sender, keeper);

    /// <summary>Takes the sender's accrued commission out of the books; the caller pays it.</summary>
    public UInt256 ClaimCommission(in Address sender) => _rewards.ClaimCommission(sender);

    /// <summary>Clears the sender's matured funds and returns the amount; the caller pays it out.</summary>
    public UInt256 TakeWithdrawable(in Address sender)
    {
        var amount = _store.GetWithdrawable(sender);
        if (amount.IsZero)
        {
            throw Revert(NothingToWithdraw);
        }

        _store.SetWithdrawable(sender, UInt256.Zero);
        var totals = _store.Totals;
        _store.Totals = totals with { Withdrawable = totals.Withdrawable - amount };
        _emit(Withdrawn, [AbiValue.Address(sender), AbiValue.UInt(amount)]);
        return amount;
    }

    // ------------------------------------------------------------------ epochs

    /// <summary>Runs every epoch transition due after block <c>height</c>: the epoch of height + 1 starts now.</summary>
    public void EndBlock()
    {
        var target = (_height + 1) / Params.EpochBlocks;
        while (CurrentEpoch < target)
        {
            StartEpoch(CurrentEpoch + 1);
        }
    }

    /// <summary>Matures the queues due at <paramref name="epoch"/>, then picks its active set.</summary>
    internal void StartEpoch(ulong epoch)
    {
        if (_economy is not null)
        {
            // Settle the epoch that ends now while its active set is still in place.
            new EpochRewards(_store, _economy.Context, _economy.Edge, _emit).Settle(epoch - 1);
        }

        _store.Epoch = _store.Epoch with { Epoch = epoch };
        MatureUnbondings(epoch);
        MatureRedelegations(epoch);
        MatureKeeperUnbonding(epoch);
        var active = UpdateActiveSet(epoch);
        _emit(EpochStarted, [AbiValue.UInt(epoch), AbiValue.UInt((ulong)active), AbiValue.UInt(_store.Totals.Bonded)]);
    }

    /// <summary>
    /// The top maxValidators candidates by stake (ties: lower address first) become Bonded; Bonded
    /// keepers that fell out start unbonding. One walk over the keeper registry (≤ maxKeepers).
    /// </summary>
    internal int UpdateActiveSet(ulong epoch)
    {
        var p = Params;
        var index = _store.KeeperIndex;
        var count = index.Count;
        var keepers = new KeeperRecord[count];
        var candidates = new List<ActiveSetEntry>();
        var limiter = new StakeLimiter(_store.Records, p, epoch, _economy?.Work, _economy?.Context);
        for (ulong i = 0; i < count; i++)
        {
            var keeper = _store.GetKeeper(index.At(i)) ?? throw new InvalidOperationException("keeper index points at a missing record");
            keepers[i] = keeper;
            if (keeper.IsCandidate)
            {
                // Power is the effective stake (S2); a keeper whose limit is 0 stays out of the set.
                var power = limiter.EffectiveStake(keeper);
                if (!power.IsZero)
                {
                    candidates.Add(new ActiveSetEntry(keeper.Address, power));
                }
            }
        }

        candidates.Sort(static (a, b) => a.Power != b.Power ? b.Power.CompareTo(a.Power) : a.Keeper.CompareTo(b.Keeper));
        if (candidates.Count > (int)p.MaxValidators)
        {
            candidates.RemoveRange((int)p.MaxValidators, candidates.Count - (int)p.MaxValidators);
        }

        var members = new HashSet<Address>(candidates.Count);
        foreach (var member in candidates)
        {
            members.Add(member.Keeper);
        }

        // Registry order, so status events come out in one order everywhere.
        foreach (var keeper in keepers)
        {
            var from = keeper.Status;
            if (members.Contains(keeper.Address))
            {
                if (from == KeeperStatus.Bonded)
                {
                    continue;
                }

                keeper.Status = KeeperStatus.Bonded;
                keeper.UnbondingCompletionEpoch = 0;
            }
            else if (from == KeeperStatus.Bonded)
            {
                keeper.Status = KeeperStatus.Unbonding;
                keeper.UnbondingCompletionEpoch = epoch + p.UnbondingEpochs;
                _store.KeeperUnbondingQueue.Enqueue(keeper.UnbondingCompletionEpoch, keeper.Address.Bytes);
            }
            else
            {
                continue;
            }

            _store.SetKeeper(keeper);
            _emit(KeeperStatusChanged, [AbiValue.Address(keeper.Address), AbiValue.UInt((ulong)from), AbiValue.UInt((ulong)keeper.Status)]);
        }

        _store.SetActiveSet(candidates);
        RecordValidatorSet(epoch, candidates, p);
        return candidates.Count;
    }

    /// <summary>S3: the consensus set of the epoch (71/72), and ValidatorSetChanged when its hash differs from the previous epoch's.</summary>
    private void RecordValidatorSet(ulong epoch, List<ActiveSetEntry> active, GposParams p)
    {
        var sets = new ValidatorSetStore(_store.Records);
        var set = sets.Write(epoch, active, _store, p.MaxValidators);
        if (epoch == 0 || sets.Header(epoch - 1) is not { } previous || previous.Hash != set.Hash)
        {
            _emit(ValidatorSetChanged, [AbiValue.UInt(epoch), AbiValue.Bytes(set.Hash.Bytes.ToArray()), AbiValue.UInt((ulong)set.Members.Length)]);
        }
    }

    private void MatureUnbondings(ulong epoch)
    {
        foreach (var item in _store.UnbondingQueue.Drain(epoch))
        {
            var id = IndexedAddressSet.ReadNumber(item);
            var entry = _store.GetUnbonding(id) ?? throw new InvalidOperationException($"queued unbonding {id} missing");
            _store.DeleteUnbonding(id);
            new SlashingStore(_store.Records).KeeperUnbondings(entry.Keeper).Remove(id);
            _store.SetUnbondingEntryCount(entry.Delegator, entry.Keeper, _store.GetUnbondingEntryCount(entry.Delegator, entry.Keeper) - 1);
            _store.SetWithdrawable(entry.Delegator, _store.GetWithdrawable(entry.Delegator) + entry.Amount);
            var totals = _store.Totals;
            _store.Totals = totals with { Unbonding = totals.Unbonding - entry.Amount, Withdrawable = totals.Withdrawable + entry.Amount };
            _emit(UnbondingMatured, [AbiValue.UInt(id), AbiValue.Address(entry.Delegator), AbiValue.Address(entry.Keeper), AbiValue.UInt(entry.Amount)]);
        }
    }

    private void MatureRedelegations(ulong epoch)
    {
        foreach (var item in _store.RedelegationQueue.Drain(epoch))
        {
            var id = IndexedAddressSet.ReadNumber(item);
            var entry = _store.GetRedelegation(id) ?? throw new InvalidOperationException($"queued redelegation {id} missing");
            _store.DeleteRedelegation(id);
            new SlashingStore(_store.Records).SourceRedelegations(entry.Source).Remove(id);
            _store.SetIncomingRedelegations(entry.Delegator, entry.Destination, _store.GetIncomingRedelegations(entry.Delegator, entry.Destination) - 1);
            _emit(RedelegationMatured, [AbiValue.UInt(id), AbiValue.Address(entry.Delegator), AbiValue.Address(entry.Destination)]);
        }
    }

    private void MatureKeeperUnbonding(ulong epoch)
    {
        foreach (var item in _store.KeeperUnbondingQueue.Drain(epoch))
        {
            var keeper = _store.GetKeeper(new Address(item)) ?? throw new InvalidOperationException("queued keeper missing");

            // A keeper that re-entered the set (or re-left later) since it was queued is not due now.
            if (keeper.Status != KeeperStatus.Unbonding || keeper.UnbondingCompletionEpoch != epoch)
            {
                continue;
            }

            keeper.Status = KeeperStatus.Unbonded;
            keeper.UnbondingCompletionEpoch = 0;
            _store.SetKeeper(keeper);
            _emit(KeeperStatusChanged, [AbiValue.Address(keeper.Address), AbiValue.UInt((ulong)KeeperStatus.Unbonding), AbiValue.UInt((ulong)KeeperStatus.Unbonded)]);
        }
    }

    // ------------------------------------------------------------------ helpers

    private (ulong Id, ulong CompletionEpoch) StartUnbonding(KeeperRecord keeper, in Address delegator, in UInt256 amount, in UInt256 shares)
    {
        RemoveStake(keeper, delegator, amount, shares);
        _store.SetKeeper(keeper);
        var totals = _store.Totals;
        _store.Totals = totals with { Bonded = totals.Bonded - amount, Unbonding = totals.Unbonding + amount };

        var epochState = _store.Epoch;
        var completion = epochState.Epoch + Params.UnbondingEpochs;
        var entry = new UnbondingEntry(epochState.NextUnbondingId, delegator, keeper.Address, amount, _height, completion);
        _store.Epoch = epochState with { NextUnbondingId = epochState.NextUnbondingId + 1 };
        _store.SetUnbonding(entry);
        _store.UnbondingQueue.Enqueue(completion, IndexedAddressSet.Number(entry.Id));
        new SlashingStore(_store.Records).KeeperUnbondings(keeper.Address).Add(entry.Id);
        _store.SetUnbondingEntryCount(delegator, keeper.Address, _store.GetUnbondingEntryCount(delegator, keeper.Address) + 1);
        _emit(Undelegated, [
            AbiValue.Address(delegator), AbiValue.Address(keeper.Address), AbiValue.UInt(entry.Id),
            AbiValue.UInt(amount), AbiValue.UInt(shares), AbiValue.UInt(completion)]);
        return (entry.Id, completion);
    }

    /// <summary>Mints shares for <paramref name="amount"/> wei; the caller books where the wei came from.</summary>
    private UInt256 AddStake(KeeperRecord keeper, in Address delegator, in UInt256 amount)
    {
        var shares = StakeMath.SharesFor(amount, keeper.Tokens, keeper.TotalShares);
        if (shares.IsZero)
        {
            throw Revert(ZeroAmount);
        }

        keeper.Tokens += amount;
        keeper.TotalShares += shares;
        var before = _store.GetShares(delegator, keeper.Address);
        _rewards.SettleBeforeChange(keeper.Address, delegator, before, before + shares);
        _store.SetShares(delegator, keeper.Address, before + shares);
        return shares;
    }

    /// <summary>Books value that entered the module account through a payable call as bonded.</summary>
    private void AddBonded(in UInt256 amount)
    {
        var totals = _store.Totals;
        _store.Totals = totals with { Bonded = totals.Bonded + amount };
    }

    /// <summary>
    /// Burns shares from a pool; the caller books where the wei go (unbonding, or another pool).
    /// The last shares of a pool are worth exactly its tokens (S·T/S = T), so a pool never keeps
    /// tokens without shares.
    /// </summary>
    private void RemoveStake(KeeperRecord keeper, in Address delegator, in UInt256 amount, in UInt256 shares)
    {
        keeper.Tokens -= amount;
        keeper.TotalShares -= shares;
        var before = _store.GetShares(delegator, keeper.Address);
        _rewards.SettleBeforeChange(keeper.Address, delegator, before, before - shares);
        _store.SetShares(delegator, keeper.Address, before - shares);
    }

    /// <summary>
    /// Checks that <paramref name="delegator"/> may take <paramref name="amount"/> wei out of <paramref name="keeper"/>'s
    /// pool and returns the shares that burns: all of them when the whole delegation goes, else ⌈amount·S/T⌉.
    /// </summary>
    private UInt256 SharesToRemove(KeeperRecord keeper, in Address delegator, in UInt256 amount)
    {
        var shares = _store.GetShares(delegator, keeper.Address);
        if (shares.IsZero)
        {
            throw Revert(DelegationNotFound, AbiValue.Address(delegator), AbiValue.Address(keeper.Address));
        }

        var available = StakeMath.TokensOf(shares, keeper.Tokens, keeper.TotalShares);
        if (amount > available)
        {
            throw Revert(InsufficientDelegation, AbiValue.UInt(amount), AbiValue.UInt(available));
        }

        if (delegator == keeper.Address && !keeper.Left)
        {
            var remaining = available - amount;
            if (remaining < Params.MinSelfStake)
            {
                throw Revert(SelfStakeBelowMinimum, AbiValue.UInt(remaining), AbiValue.UInt(Params.MinSelfStake));
            }
        }

        return amount == available ? shares : StakeMath.MulDivUp(amount, keeper.TotalShares, keeper.Tokens);
    }

    /// <summary>The sender's own keeper record, which must not have left.</summary>
    private KeeperRecord ActiveKeeper(in Address sender)
    {
        var keeper = _store.GetKeeper(sender) ?? throw Revert(KeeperNotFound, AbiValue.Address(sender));
        return keeper.Left ? throw Revert(KeeperHasLeft, AbiValue.Address(sender)) : keeper;
    }

    /// <summary>A keeper that takes new stake: registered, not left, not tombstoned (jailed keepers do).</summary>
    private KeeperRecord OpenKeeper(in Address address)
    {
        var keeper = _store.GetKeeper(address) ?? throw Revert(KeeperNotFound, AbiValue.Address(address));
        if (keeper.Left)
        {
            throw Revert(KeeperHasLeft, AbiValue.Address(address));
        }

        return keeper.Tombstoned ? throw Revert(KeeperTombstoned, AbiValue.Address(address)) : keeper;
    }

    private void CheckDelegationSlot(in Address delegator, in Address keeper, GposParams p)
    {
        var keepers = _store.DelegatorKeepers(delegator);
        if (!keepers.Contains(keeper) && keepers.Count >= p.MaxDelegationsPerDelegator)
        {
            throw Revert(TooManyDelegations, AbiValue.UInt(p.MaxDelegationsPerDelegator));
        }
    }

    private static void CheckCommissionCap(ushort commissionBps, GposParams p)
    {
        if (commissionBps > p.MaxCommissionBps)
        {
            throw Revert(CommissionTooHigh, AbiValue.UInt(commissionBps), AbiValue.UInt(p.MaxCommissionBps));
        }
    }

    private static void CheckDescription(string moniker, string region)
    {
        if (!Validation.IsValidMoniker(moniker))
        {
            throw Revert(InvalidMoniker);
        }

        if (!Validation.IsValidRegion(region))
        {
            throw Revert(InvalidRegion);
        }
    }

    private static ModuleRevertException Revert(AbiError error, params AbiValue[] arguments) => ModuleRevertException.With(error, arguments);
}
