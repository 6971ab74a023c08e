using Aro.Core;
using Aro.Core.Abi;
using Aro.Modules.Gpos.State;
using static Aro.Modules.Gpos.Abi.StakingAbi;

namespace Aro.Modules.Gpos;

/// <summary>The IStaking views: read-only answers from the module's records, for eth_call.</summary>
internal static class StakingViews
{
    private const ulong ReadGas = 5_000;

    /// <summary>Each view with its gas and its handler.</summary>
    public static IReadOnlyList<(AbiFunction Function, ulong Gas, Func<StakingStore, AbiValue[], AbiValue[]> View)> All { get; } =
    [
        (GetParams, ReadGas, ParamsView),
        (GetEpoch, ReadGas, EpochView),
        (GetKeeper, ReadGas, KeeperView),
        (GetKeeperCount, ReadGas, (s, _) => [AbiValue.UInt(s.KeeperIndex.Count)]),
        (GetKeeperAt, ReadGas, KeeperAtView),
        (GetActiveSet, 20_000, ActiveSetView),
        (GetDelegation, ReadGas, DelegationView),
        (GetDelegatorKeepers, 10_000, (s, a) => [AddressList(s.DelegatorKeepers(a[0].AsAddress()).ToArray())]),
        (GetKeeperDelegationAt, ReadGas, KeeperDelegationAtView),
        (GetUnbonding, ReadGas, UnbondingView),
        (GetRedelegation, ReadGas, RedelegationView),
        (GetWithdrawable, ReadGas, (s, a) => [AbiValue.UInt(s.GetWithdrawable(a[0].AsAddress()))]),
        (GetTotals, ReadGas, TotalsView),
        (GetValidatorSet, 30_000, ValidatorSet.ValidatorSetViews.ValidatorSetView),
    ];

    private static AbiValue[] ParamsView(StakingStore s, AbiValue[] a)
    {
        var p = s.Params;
        return
        [
            AbiValue.UInt(p.EpochBlocks), AbiValue.UInt(p.UnbondingEpochs), AbiValue.UInt(p.MaxValidators),
            AbiValue.UInt(p.MaxKeepers), AbiValue.UInt(p.MinSelfStake), AbiValue.UInt(p.MaxCommissionBps),
            AbiValue.UInt(p.MaxCommissionChangeBps), AbiValue.UInt(p.CommissionChangeEpochs), AbiValue.UInt(p.MaxEntries),
            AbiValue.UInt(p.MaxDelegationsPerDelegator),
        ];
    }

    private static AbiValue[] EpochView(StakingStore s, AbiValue[] a)
    {
        var epoch = s.Epoch.Epoch;
        var blocks = s.Params.EpochBlocks;
        return [AbiValue.UInt(epoch), AbiValue.UInt(blocks), AbiValue.UInt((epoch + 1) * blocks)];
    }

    private static AbiValue[] KeeperView(StakingStore s, AbiValue[] a)
    {
        var address = a[0].AsAddress();
        var k = s.GetKeeper(address);
        if (k is null)
        {
            return
            [
                AbiValue.Bool(false), AbiValue.Bytes([]), AbiValue.UInt(0UL), AbiValue.UInt(0UL), AbiValue.Bool(false),
                AbiValue.Bool(false), AbiValue.Bool(false), AbiValue.UInt(0UL), AbiValue.UInt(0UL), AbiValue.UInt(0UL),
                AbiValue.UInt(0UL), AbiValue.String(""), AbiValue.String(""),
            ];
        }

        var selfStake = StakeMath.TokensOf(s.GetShares(address, address), k.Tokens, k.TotalShares);
        return
        [
            AbiValue.Bool(true), AbiValue.Bytes(k.ConsensusKey), AbiValue.UInt(k.CommissionBps), AbiValue.UInt((ulong)k.Status),
            AbiValue.Bool(k.Jailed), AbiValue.Bool(k.Tombstoned), AbiValue.Bool(k.Left), AbiValue.UInt(k.Tokens),
            AbiValue.UInt(k.TotalShares), AbiValue.UInt(selfStake), AbiValue.UInt(s.KeeperDelegators(address).Count),
            AbiValue.String(k.Moniker), AbiValue.String(k.Region),
        ];
    }

    private static AbiValue[] KeeperAtView(StakingStore s, AbiValue[] a)
    {
        var index = s.KeeperIndex;
        var i = a[0].AsUInt256();
        return i >= (UInt256)index.Count ? throw new Execution.Modules.ModuleRevertException("keeper index out of range") : [AbiValue.Address(index.At((ulong)i))];
    }

    private static AbiValue[] ActiveSetView(StakingStore s, AbiValue[] a)
    {
        var set = s.GetActiveSet();
        var keepers = new AbiValue[set.Length];
        var powers = new AbiValue[set.Length];
        for (var i = 0; i < set.Length; i++)
        {
            keepers[i] = AbiValue.Address(set[i].Keeper);
            powers[i] = AbiValue.UInt(set[i].Power);
        }

        return [AbiValue.List(keepers), AbiValue.List(powers)];
    }

    private static AbiValue[] DelegationView(StakingStore s, AbiValue[] a)
    {
        var delegator = a[0].AsAddress();
        var keeper = a[1].AsAddress();
        var shares = s.GetShares(delegator, keeper);
        return [AbiValue.UInt(shares), AbiValue.UInt(Worth(s, keeper, shares))];
    }

    private static AbiValue[] KeeperDelegationAtView(StakingStore s, AbiValue[] a)
    {
        var keeper = a[0].AsAddress();
        var delegators = s.KeeperDelegators(keeper);
        var i = a[1].AsUInt256();
        if (i >= (UInt256)delegators.Count)
        {
            throw new Execution.Modules.ModuleRevertException("delegation index out of range");
        }

        var delegator = delegators.At((ulong)i);
        var shares = s.GetShares(delegator, keeper);
        return [AbiValue.Address(delegator), AbiValue.UInt(shares), AbiValue.UInt(Worth(s, keeper, shares))];
    }

    private static AbiValue[] UnbondingView(StakingStore s, AbiValue[] a)
    {
        var id = a[0].AsUInt256();
        var entry = id > (UInt256)ulong.MaxValue ? null : s.GetUnbonding((ulong)id);
        return entry is null
            ? [AbiValue.Bool(false), AbiValue.Address(Address.Zero), AbiValue.Address(Address.Zero), AbiValue.UInt(0UL), AbiValue.UInt(0UL), AbiValue.UInt(0UL)]
            : [AbiValue.Bool(true), AbiValue.Address(entry.Delegator), AbiValue.Address(entry.Keeper), AbiValue.UInt(entry.Amount),
               AbiValue.UInt(entry.CreationHeight), AbiValue.UInt(entry.CompletionEpoch)];
    }

    private static AbiValue[] RedelegationView(StakingStore s, AbiValue[] a)
    {
        var id = a[0].AsUInt256();
        var entry = id > (UInt256)ulong.MaxValue ? null : s.GetRedelegation((ulong)id);
        return entry is null
            ? [AbiValue.Bool(false), AbiValue.Address(Address.Zero), AbiValue.Address(Address.Zero), AbiValue.Address(Address.Zero),
               AbiValue.UInt(0UL), AbiValue.UInt(0UL), AbiValue.UInt(0UL)]
            : [AbiValue.Bool(true), AbiValue.Address(entry.Delegator), AbiValue.Address(entry.Source), AbiValue.Address(entry.Destination),
               AbiValue.UInt(entry.Amount), AbiValue.UInt(entry.CreationHeight), AbiValue.UInt(entry.CompletionEpoch)];
    }

    private static AbiValue[] TotalsView(StakingStore s, AbiValue[] a)
    {
        var t = s.Totals;
        return [AbiValue.UInt(t.Bonded), AbiValue.UInt(t.Unbonding), AbiValue.UInt(t.Withdrawable)];
    }

    private static UInt256 Worth(StakingStore s, in Address keeper, in UInt256 shares)
    {
        if (shares.IsZero)
        {
            return UInt256.Zero;
        }

        var k = s.GetKeeper(keeper);
        return k is null ? UInt256.Zero : StakeMath.TokensOf(shares, k.Tokens, k.TotalShares);
    }

    private static AbiValue AddressList(Address[] addresses)
    {
        var values = new AbiValue[addresses.Length];
        for (var i = 0; i < addresses.Length; i++)
        {
            values[i] = AbiValue.Address(addresses[i]);
        }

        return AbiValue.List(values);
    }
}
