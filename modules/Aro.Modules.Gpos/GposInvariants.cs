using Aro.Core;
using Aro.Modules.Gpos.Rewards;
using Aro.Modules.Gpos.Slashing;
using Aro.Modules.Gpos.State;
using Aro.State.World;

namespace Aro.Modules.Gpos;

/// <summary>
/// The module's bookkeeping invariants (Cosmos' invariants.go): every wei the module account holds
/// is bonded, unbonding or withdrawable, and every index agrees with the records it indexes.
/// Walks whole indexes, so it is for tests and audits, never for block execution.
/// </summary>
public static class GposInvariants
{
    /// <summary>Every violated invariant, described; empty when the state is sound.</summary>
    public static IReadOnlyList<string> Check(WorldState world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var errors = new List<string>();
        var store = new StakingStore(new WritableRecordStore(world.GetModuleStore(GposModule.Address)));
        if (!store.IsInitialized)
        {
            return errors;
        }

        var p = store.Params;
        var totals = store.Totals;
        var rewards = new RewardStore(store.Records).Totals;
        var balance = world.GetBalance(GposModule.Address);
        if (balance != totals.Sum + rewards.Sum)
        {
            errors.Add($"module balance {balance} != bonded {totals.Bonded} + unbonding {totals.Unbonding} + withdrawable {totals.Withdrawable}"
                + $" + epoch fees {rewards.EpochFees} + community pool {rewards.CommunityPool} + unclaimed rewards {rewards.OutstandingRewards}"
                + $" + unclaimed commission {rewards.OutstandingCommission}");
        }

        CheckKeepers(store, p, totals, errors);
        CheckRewards(store, rewards, errors);
        CheckUnbonding(store, p, totals, errors);
        CheckActiveSet(store, p, errors);
        CheckSlashingIndexes(store, errors);
        return errors;
    }

    /// <summary>Wei burnt by slashes so far (record <c>05</c>): the supply check is genesis + minted − burned = Σ balances.</summary>
    public static UInt256 Burned(WorldState world)
    {
        ArgumentNullException.ThrowIfNull(world);
        return new SlashingStore(new WritableRecordStore(world.GetModuleStore(GposModule.Address))).Burned;
    }

    /// <summary>The S5 indexes (33, 43) name exactly the immature entries of each keeper.</summary>
    private static void CheckSlashingIndexes(StakingStore store, List<string> errors)
    {
        var slashing = new SlashingStore(store.Records);
        ulong indexedUnbondings = 0, indexedRedelegations = 0;
        foreach (var keeper in store.KeeperIndex.ToArray())
        {
            foreach (var id in slashing.KeeperUnbondings(keeper).ToArray())
            {
                indexedUnbondings++;
                if (store.GetUnbonding(id)?.Keeper != keeper)
                {
                    errors.Add($"unbonding index of {keeper} names entry {id}, which is missing or another keeper's");
                }
            }

            foreach (var id in slashing.SourceRedelegations(keeper).ToArray())
            {
                indexedRedelegations++;
                if (store.GetRedelegation(id)?.Source != keeper)
                {
                    errors.Add($"redelegation index of {keeper} names entry {id}, which is missing or from another keeper");
                }
            }
        }

        ulong unbondings = 0, redelegations = 0;
        var epoch = store.Epoch;
        for (ulong id = 1; id < epoch.NextUnbondingId; id++)
        {
            unbondings += store.GetUnbonding(id) is null ? 0UL : 1UL;
        }

        for (ulong id = 1; id < epoch.NextRedelegationId; id++)
        {
            redelegations += store.GetRedelegation(id) is null ? 0UL : 1UL;
        }

        if (unbondings != indexedUnbondings || redelegations != indexedRedelegations)
        {
            errors.Add($"slashing indexes hold {indexedUnbondings} unbondings and {indexedRedelegations} redelegations; the records {unbondings} and {redelegations}");
        }
    }

    private static void CheckKeepers(StakingStore store, GposParams p, Totals totals, List<string> errors)
    {
        var bonded = UInt256.Zero;
        var keepers = store.KeeperIndex.ToArray();
        if ((ulong)keepers.Length > p.MaxKeepers)
        {
            errors.Add($"{keepers.Length} keepers exceed maxKeepers {p.MaxKeepers}");
        }

        foreach (var address in keepers)
        {
            var k = store.GetKeeper(address);
            if (k is null)
            {
                errors.Add($"keeper index names {address} without a record");
                continue;
            }

            bonded += k.Tokens;
            // A slash can leave shares without tokens (a pool burnt to nothing); never tokens without shares.
            if (k.TotalShares.IsZero && !k.Tokens.IsZero)
            {
                errors.Add($"keeper {address} has {k.Tokens} tokens but {k.TotalShares} shares");
            }

            if (store.KeeperOfConsensusAddress(Address.FromPublicKey(k.ConsensusKey)) != address)
            {
                errors.Add($"consensus key of {address} does not map back to it");
            }

            var shares = UInt256.Zero;
            foreach (var delegator in store.KeeperDelegators(address).ToArray())
            {
                var s = store.GetShares(delegator, address);
                if (s.IsZero)
                {
                    errors.Add($"delegator index of {address} names {delegator} without shares");
                }

                if (!store.DelegatorKeepers(delegator).Contains(address))
                {
                    errors.Add($"delegation {delegator}→{address} missing from the delegator's index");
                }

                shares += s;
            }

            if (shares != k.TotalShares)
            {
                errors.Add($"delegations to {address} hold {shares} shares, the keeper {k.TotalShares}");
            }

            if (!k.Left && store.GetShares(address, address).IsZero)
            {
                errors.Add($"keeper {address} has not left but has no self-stake");
            }
        }

        if (bonded != totals.Bonded)
        {
            errors.Add($"keeper tokens sum to {bonded}, totals say {totals.Bonded} bonded");
        }
    }

    /// <summary>Every wei the module ever minted (record <c>04</c>): the supply invariant's minted term.</summary>
    public static UInt256 Minted(WorldState world)
    {
        ArgumentNullException.ThrowIfNull(world);
        return new RewardStore(new WritableRecordStore(world.GetModuleStore(GposModule.Address))).Minted;
    }

    /// <summary>
    /// Keeper reward pools sum to the reward totals, and no keeper owes its delegators more than it holds
    /// for them (Σ pending ≤ outstanding: the accumulator only ever rounds down).
    /// </summary>
    private static void CheckRewards(StakingStore store, RewardTotals totals, List<string> errors)
    {
        var rewards = new RewardStore(store.Records);
        var delegatorRewards = new DelegatorRewards(store, static (_, _) => { });
        var outstanding = UInt256.Zero;
        var commission = UInt256.Zero;
        foreach (var keeper in store.KeeperIndex.ToArray())
        {
            var pool = rewards.GetKeeper(keeper);
            outstanding += pool.Outstanding;
            commission += pool.Commission;
            var pending = UInt256.Zero;
            foreach (var delegator in store.KeeperDelegators(keeper).ToArray())
            {
                pending += delegatorRewards.Pending(delegator, keeper);
            }

            if (pending > pool.Outstanding)
            {
                errors.Add($"delegators of {keeper} may claim {pending}, its pool holds {pool.Outstanding}");
            }
        }

        if (outstanding != totals.OutstandingRewards)
        {
            errors.Add($"keeper reward pools hold {outstanding}, totals say {totals.OutstandingRewards} unclaimed rewards");
        }

        if (commission != totals.OutstandingCommission)
        {
            errors.Add($"keeper commissions sum to {commission}, totals say {totals.OutstandingCommission}");
        }
    }

    private static void CheckUnbonding(StakingStore store, GposParams p, Totals totals, List<string> errors)
    {
        // Every immature entry completes within (epoch, epoch + unbondingEpochs]: the queues there hold them all.
        var epoch = store.Epoch.Epoch;
        var unbonding = UInt256.Zero;
        var queue = store.UnbondingQueue;
        for (var e = epoch + 1; e <= epoch + p.UnbondingEpochs; e++)
        {
            var count = queue.Count(e);
            for (uint i = 0; i < count; i++)
            {
                var id = IndexedAddressSet.ReadNumber(queue.At(e, i));
                var entry = store.GetUnbonding(id);
                if (entry is null || entry.CompletionEpoch != e)
                {
                    errors.Add($"unbonding queue of epoch {e} names entry {id}, which is missing or due elsewhere");
                    continue;
                }

                unbonding += entry.Amount;
            }
        }

        if (unbonding != totals.Unbonding)
        {
            errors.Add($"queued unbonding entries sum to {unbonding}, totals say {totals.Unbonding}");
        }
    }

    private static void CheckActiveSet(StakingStore store, GposParams p, List<string> errors)
    {
        var set = store.GetActiveSet();
        if (set.Length > p.MaxValidators)
        {
            errors.Add($"active set of {set.Length} exceeds maxValidators {p.MaxValidators}");
        }

        for (var i = 0; i < set.Length; i++)
        {
            if (i > 0 && (set[i - 1].Power < set[i].Power || (set[i - 1].Power == set[i].Power && set[i - 1].Keeper.CompareTo(set[i].Keeper) >= 0)))
            {
                errors.Add($"active set is not ordered by power then address at {i}");
            }

            var k = store.GetKeeper(set[i].Keeper);
            if (k is null || k.Status != KeeperStatus.Bonded)
            {
                errors.Add($"active set member {set[i].Keeper} is not Bonded");
            }
        }

        var bondedCount = 0;
        foreach (var address in store.KeeperIndex.ToArray())
        {
            if (store.GetKeeper(address)?.Status == KeeperStatus.Bonded)
            {
                bondedCount++;
            }
        }

        if (bondedCount != set.Length)
        {
            errors.Add($"{bondedCount} keepers are Bonded but the active set has {set.Length}");
        }
    }
}
