using Aro.Core;

namespace Aro.Modules.Gpos.State;

/// <summary>Typed access to every record of the module (layout in <see cref="GposKeys"/> and the README).</summary>
internal sealed class StakingStore
{
    private readonly IRecordStore _store;
    private GposParams? _params;

    public StakingStore(IRecordStore store) => _store = store;

    public IRecordStore Records => _store;

    public GposParams Params
    {
        get
        {
            if (_params is null)
            {
                var stored = _store.Get(GposKeys.Single(GposKeys.Params)) ?? throw new InvalidOperationException("GPoS params missing: genesis was not initialised");
                _params = GposParams.Decode(stored);
            }

            return _params;
        }
    }

    public void SetParams(GposParams value)
    {
        _store.Set(GposKeys.Single(GposKeys.Params), value.Encode());
        _params = value;
    }

    public bool IsInitialized => _store.Get(GposKeys.Single(GposKeys.Params)) is not null;

    // ---- epoch and id sequences

    public EpochState Epoch
    {
        get
        {
            var stored = _store.Get(GposKeys.Single(GposKeys.EpochState));
            return stored is null ? new EpochState(0, 1, 1) : EpochState.Decode(stored);
        }
        set => _store.Set(GposKeys.Single(GposKeys.EpochState), value.Encode());
    }

    public Totals Totals
    {
        get
        {
            var stored = _store.Get(GposKeys.Single(GposKeys.Totals));
            return stored is null ? default : Totals.Decode(stored);
        }
        set => _store.Set(GposKeys.Single(GposKeys.Totals), value.Encode());
    }

    // ---- keepers

    public IndexedAddressSet KeeperIndex => new(_store, GposKeys.Single(GposKeys.KeeperIndex));

    public KeeperRecord? GetKeeper(in Address address)
    {
        var stored = _store.Get(GposKeys.Of(GposKeys.Keeper, address));
        return stored is null ? null : KeeperRecord.Decode(address, stored);
    }

    public void SetKeeper(KeeperRecord keeper) => _store.Set(GposKeys.Of(GposKeys.Keeper, keeper.Address), keeper.Encode());

    public Address? KeeperOfConsensusAddress(in Address consensusAddress)
    {
        var stored = _store.Get(GposKeys.Of(GposKeys.ConsensusAddress, consensusAddress));
        return stored is null ? null : new Address(stored);
    }

    public void SetConsensusAddress(in Address consensusAddress, in Address keeper) =>
        _store.Set(GposKeys.Of(GposKeys.ConsensusAddress, consensusAddress), keeper.Bytes);

    // ---- delegations

    public UInt256 GetShares(in Address delegator, in Address keeper)
    {
        var stored = _store.Get(GposKeys.Of(GposKeys.Delegation, keeper, delegator));
        return stored is null ? UInt256.Zero : UInt256.FromBigEndian(stored);
    }

    /// <summary>Writes the shares and keeps both delegation indexes in step (zero removes the delegation).</summary>
    public void SetShares(in Address delegator, in Address keeper, in UInt256 shares)
    {
        var key = GposKeys.Of(GposKeys.Delegation, keeper, delegator);
        if (shares.IsZero)
        {
            _store.Delete(key);
            KeeperDelegators(keeper).Remove(delegator);
            DelegatorKeepers(delegator).Remove(keeper);
        }
        else
        {
            _store.Set(key, shares.ToBigEndianMinimal());
            KeeperDelegators(keeper).Add(delegator);
            DelegatorKeepers(delegator).Add(keeper);
        }
    }

    public IndexedAddressSet KeeperDelegators(in Address keeper) => new(_store, GposKeys.Of(GposKeys.KeeperDelegators, keeper));

    public IndexedAddressSet DelegatorKeepers(in Address delegator) => new(_store, GposKeys.Of(GposKeys.DelegatorKeepers, delegator));

    // ---- unbonding

    public UnbondingEntry? GetUnbonding(ulong id)
    {
        var stored = _store.Get(GposKeys.Of(GposKeys.Unbonding, id));
        return stored is null ? null : UnbondingEntry.Decode(id, stored);
    }

    public void SetUnbonding(UnbondingEntry entry) => _store.Set(GposKeys.Of(GposKeys.Unbonding, entry.Id), entry.Encode());

    public void DeleteUnbonding(ulong id) => _store.Delete(GposKeys.Of(GposKeys.Unbonding, id));

    public EpochQueue UnbondingQueue => new(_store, GposKeys.UnbondingQueue);

    public ulong GetUnbondingEntryCount(in Address delegator, in Address keeper) =>
        IndexedAddressSet.ReadNumber(_store.Get(GposKeys.Of(GposKeys.UnbondingEntryCount, delegator, keeper)));

    public void SetUnbondingEntryCount(in Address delegator, in Address keeper, ulong count) =>
        SetCounter(GposKeys.Of(GposKeys.UnbondingEntryCount, delegator, keeper), count);

    // ---- redelegation

    public RedelegationEntry? GetRedelegation(ulong id)
    {
        var stored = _store.Get(GposKeys.Of(GposKeys.Redelegation, id));
        return stored is null ? null : RedelegationEntry.Decode(id, stored);
    }

    public void SetRedelegation(RedelegationEntry entry) => _store.Set(GposKeys.Of(GposKeys.Redelegation, entry.Id), entry.Encode());

    public void DeleteRedelegation(ulong id) => _store.Delete(GposKeys.Of(GposKeys.Redelegation, id));

    public EpochQueue RedelegationQueue => new(_store, GposKeys.RedelegationQueue);

    /// <summary>Immature redelegations of <paramref name="delegator"/> into <paramref name="destination"/>.</summary>
    public ulong GetIncomingRedelegations(in Address delegator, in Address destination) =>
        IndexedAddressSet.ReadNumber(_store.Get(GposKeys.Of(GposKeys.IncomingRedelegationCount, delegator, destination)));

    public void SetIncomingRedelegations(in Address delegator, in Address destination, ulong count) =>
        SetCounter(GposKeys.Of(GposKeys.IncomingRedelegationCount, delegator, destination), count);

    // ---- withdrawable, keeper queue, active set

    public UInt256 GetWithdrawable(in Address delegator)
    {
        var stored = _store.Get(GposKeys.Of(GposKeys.Withdrawable, delegator));
        return stored is null ? UInt256.Zero : UInt256.FromBigEndian(stored);
    }

    public void SetWithdrawable(in Address delegator, in UInt256 amount)
    {
        var key = GposKeys.Of(GposKeys.Withdrawable, delegator);
        if (amount.IsZero)
        {
            _store.Delete(key);
        }
        else
        {
            _store.Set(key, amount.ToBigEndianMinimal());
        }
    }

    public EpochQueue KeeperUnbondingQueue => new(_store, GposKeys.KeeperUnbondingQueue);

    public ActiveSetEntry[] GetActiveSet()
    {
        var count = IndexedAddressSet.ReadNumber(_store.Get(GposKeys.Single(GposKeys.ActiveSet)));
        var result = new ActiveSetEntry[count];
        for (ulong i = 0; i < count; i++)
        {
            var stored = _store.Get(GposKeys.Of(GposKeys.ActiveSet, i)) ?? throw new InvalidOperationException("active set entry missing");
            result[i] = ActiveSetEntry.Decode(stored);
        }

        return result;
    }

    public void SetActiveSet(IReadOnlyList<ActiveSetEntry> entries)
    {
        var previous = IndexedAddressSet.ReadNumber(_store.Get(GposKeys.Single(GposKeys.ActiveSet)));
        for (var i = (ulong)entries.Count; i < previous; i++)
        {
            _store.Delete(GposKeys.Of(GposKeys.ActiveSet, i));
        }

        for (var i = 0; i < entries.Count; i++)
        {
            _store.Set(GposKeys.Of(GposKeys.ActiveSet, (ulong)i), entries[i].Encode());
        }

        SetCounter(GposKeys.Single(GposKeys.ActiveSet), (ulong)entries.Count);
    }

    private void SetCounter(byte[] key, ulong count)
    {
        if (count == 0)
        {
            _store.Delete(key);
        }
        else
        {
            _store.Set(key, IndexedAddressSet.Number(count));
        }
    }
}

/// <summary>The current epoch and the next ids of unbonding and redelegation entries (ids start at 1).</summary>
internal readonly record struct EpochState(ulong Epoch, ulong NextUnbondingId, ulong NextRedelegationId)
{
    public byte[] Encode() => new RecordWriter().Add(Epoch).Add(NextUnbondingId).Add(NextRedelegationId).ToArray();

    public static EpochState Decode(ReadOnlySpan<byte> record)
    {
        var r = new RecordReader(record);
        var state = new EpochState(r.UInt64(), r.UInt64(), r.UInt64());
        r.End();
        return state;
    }
}

/// <summary>Wei the module account holds, by purpose; their sum is the module account's balance.</summary>
internal readonly record struct Totals(UInt256 Bonded, UInt256 Unbonding, UInt256 Withdrawable)
{
    public UInt256 Sum => Bonded + Unbonding + Withdrawable;

    public byte[] Encode() => new RecordWriter().Add(Bonded).Add(Unbonding).Add(Withdrawable).ToArray();

    public static Totals Decode(ReadOnlySpan<byte> record)
    {
        var r = new RecordReader(record);
        var totals = new Totals(r.UInt256(), r.UInt256(), r.UInt256());
        r.End();
        return totals;
    }
}

/// <summary>One member of the active set and its voting power (wei of stake in this slice).</summary>
internal readonly record struct ActiveSetEntry(Address Keeper, UInt256 Power)
{
    public byte[] Encode() => new RecordWriter().Add(Keeper).Add(Power).ToArray();

    public static ActiveSetEntry Decode(ReadOnlySpan<byte> record)
    {
        var r = new RecordReader(record);
        var entry = new ActiveSetEntry(r.Address(), r.UInt256());
        r.End();
        return entry;
    }
}
