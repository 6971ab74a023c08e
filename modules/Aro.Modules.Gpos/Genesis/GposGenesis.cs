using System.Collections.Immutable;
using Aro.Core;
using Aro.Execution.Chain;
using Aro.Execution.Modules;
using Aro.Modules.Gpos.State;
using Aro.State.World;

namespace Aro.Modules.Gpos.Genesis;

/// <summary>A keeper of the genesis file; it starts with <see cref="SelfStake"/> wei of self-delegation.</summary>
public sealed record GenesisKeeper(Address Address, ImmutableArray<byte> ConsensusKey, ushort CommissionBps, string Moniker, string Region, UInt256 SelfStake)
{
    public bool Equals(GenesisKeeper? other) =>
        other is not null && Address == other.Address && ConsensusKey.AsSpan().SequenceEqual(other.ConsensusKey.AsSpan())
        && CommissionBps == other.CommissionBps && Moniker == other.Moniker && Region == other.Region && SelfStake == other.SelfStake;

    public override int GetHashCode() => HashCode.Combine(Address, CommissionBps, SelfStake);
}

/// <summary>A delegation of the genesis file (never a keeper's own self-stake).</summary>
public sealed record GenesisDelegation(Address Delegator, Address Keeper, UInt256 Amount);

/// <summary>
/// The module's genesis section: params, keepers in ascending address order, delegations in
/// ascending (keeper, delegator) order. The fixed order gives every section one canonical form, so
/// export(load(section)) reproduces it exactly. The stake must be in the module account already:
/// the chain's alloc funds <see cref="GposModule.Address"/> with exactly the sum of all stake.
/// </summary>
public sealed record GposGenesis(GposParams Params, ImmutableArray<GenesisKeeper> Keepers, ImmutableArray<GenesisDelegation> Delegations)
{
    public const string Path = "$.modules." + GposModule.GenesisSection;

    public bool Equals(GposGenesis? other) =>
        other is not null && Params == other.Params && Keepers.SequenceEqual(other.Keepers) && Delegations.SequenceEqual(other.Delegations);

    public override int GetHashCode() => HashCode.Combine(Params, Keepers.Length, Delegations.Length);

    /// <summary>Sum of all genesis stake, which the module account must hold.</summary>
    public UInt256 TotalStake
    {
        get
        {
            var total = UInt256.Zero;
            foreach (var keeper in Keepers)
            {
                total += keeper.SelfStake;
            }

            foreach (var delegation in Delegations)
            {
                total += delegation.Amount;
            }

            return total;
        }
    }

    /// <exception cref="GenesisException">A structural or rule violation, with the JSON path.</exception>
    public static GposGenesis Parse(System.Text.Json.JsonElement section) => GposGenesisJson.Read(section);

    /// <inheritdoc cref="Parse(System.Text.Json.JsonElement)"/>
    public static GposGenesis Parse(string json) => GposGenesisJson.Read(json);

    /// <summary>The canonical indented JSON of the section.</summary>
    public string ToJson() => GposGenesisJson.Write(this);

    /// <summary>
    /// Validates the section against the module's rules and writes it into the module's records;
    /// the keepers with the most stake form the active set of epoch 0.
    /// </summary>
    /// <exception cref="GenesisException">Any rule a message would enforce, the order rules, or a module balance ≠ total stake.</exception>
    public void Load(WorldState world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var error = Params.Validate();
        if (error is not null)
        {
            throw new GenesisException(Path + ".params", error);
        }

        CheckOrder();
        var balance = world.GetBalance(GposModule.Address);
        if (balance != TotalStake)
        {
            throw new GenesisException(Path, $"the module account {GposModule.Address} holds {balance} wei but the genesis stake is {TotalStake}; fund it in alloc");
        }

        var store = new StakingStore(new WritableRecordStore(world.GetModuleStore(GposModule.Address)));
        if (store.IsInitialized)
        {
            throw new GenesisException(Path, "the module state is already initialised");
        }

        store.SetParams(Params);
        store.Epoch = new EpochState(0, 1, 1);
        var keeper = new StakingKeeper(store, 0, static (_, _) => { });
        for (var i = 0; i < Keepers.Length; i++)
        {
            var k = Keepers[i];
            Apply($"{Path}.keepers[{i}]", () => keeper.Register(k.Address, k.SelfStake, [.. k.ConsensusKey], k.CommissionBps, k.Moniker, k.Region));
        }

        for (var i = 0; i < Delegations.Length; i++)
        {
            var d = Delegations[i];
            Apply($"{Path}.delegations[{i}]", () => keeper.Delegate(d.Delegator, d.Keeper, d.Amount));
        }

        keeper.UpdateActiveSet(0);
    }

    /// <summary>
    /// Reads the section back from state (keepers by address, delegations by keeper then delegator).
    /// Only a state without in-flight entries or departed keepers has a genesis form; later state
    /// export (unbondings, redelegations, jail, rewards) belongs to the upgrade tooling.
    /// </summary>
    /// <exception cref="InvalidOperationException">The state holds something a genesis section cannot express.</exception>
    public static GposGenesis Export(WorldState world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var store = new StakingStore(new WritableRecordStore(world.GetModuleStore(GposModule.Address)));
        var totals = store.Totals;
        if (!totals.Unbonding.IsZero || !totals.Withdrawable.IsZero)
        {
            throw new InvalidOperationException("unbonding or withdrawable funds have no genesis form");
        }

        if (!new Rewards.RewardStore(store.Records).Totals.Sum.IsZero)
        {
            throw new InvalidOperationException("unsettled fees, the community pool and unclaimed rewards have no genesis form");
        }

        var addresses = store.KeeperIndex.ToArray();
        Array.Sort(addresses);
        var keepers = ImmutableArray.CreateBuilder<GenesisKeeper>(addresses.Length);
        var delegations = ImmutableArray.CreateBuilder<GenesisDelegation>();
        foreach (var address in addresses)
        {
            var k = store.GetKeeper(address)!;
            if (k.Left || k.Jailed || k.Tombstoned)
            {
                throw new InvalidOperationException($"keeper {address} has left, is jailed or tombstoned: no genesis form");
            }

            var selfStake = StakeMath.TokensOf(store.GetShares(address, address), k.Tokens, k.TotalShares);
            keepers.Add(new GenesisKeeper(address, [.. k.ConsensusKey], k.CommissionBps, k.Moniker, k.Region, selfStake));
            var delegators = store.KeeperDelegators(address).ToArray();
            Array.Sort(delegators);
            foreach (var delegator in delegators)
            {
                if (delegator != address)
                {
                    delegations.Add(new GenesisDelegation(delegator, address, StakeMath.TokensOf(store.GetShares(delegator, address), k.Tokens, k.TotalShares)));
                }
            }
        }

        return new GposGenesis(store.Params, keepers.ToImmutable(), delegations.ToImmutable());
    }

    private void CheckOrder()
    {
        for (var i = 1; i < Keepers.Length; i++)
        {
            if (Keepers[i - 1].Address.CompareTo(Keepers[i].Address) >= 0)
            {
                throw new GenesisException($"{Path}.keepers[{i}]", "keepers must be in strictly ascending address order");
            }
        }

        for (var i = 0; i < Delegations.Length; i++)
        {
            var d = Delegations[i];
            if (d.Delegator == d.Keeper)
            {
                throw new GenesisException($"{Path}.delegations[{i}]", "a keeper's own stake is its selfStake, not a delegation");
            }

            if (i > 0)
            {
                var p = Delegations[i - 1];
                var order = p.Keeper.CompareTo(d.Keeper);
                if (order > 0 || (order == 0 && p.Delegator.CompareTo(d.Delegator) >= 0))
                {
                    throw new GenesisException($"{Path}.delegations[{i}]", "delegations must be in strictly ascending (keeper, delegator) order");
                }
            }
        }
    }

    private static void Apply(string path, Action action)
    {
        try
        {
            action();
        }
        catch (ModuleRevertException e)
        {
            throw new GenesisException(path, "violates " + e.Message, e);
        }
    }
}
