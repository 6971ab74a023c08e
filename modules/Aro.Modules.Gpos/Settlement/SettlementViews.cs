using Aro.Core;
using Aro.Core.Abi;
using Aro.Execution.Modules;
using Aro.Modules.Gpos.Guarantee;
using Aro.Modules.Gpos.Rewards;
using Aro.Modules.Gpos.Slashing;
using Aro.Modules.Gpos.State;
using static Aro.Modules.Gpos.Abi.SettlementAbi;

namespace Aro.Modules.Gpos.Settlement;

/// <summary>The ISettlement views: rewards, claims, stake limits and settlement records, for eth_call.</summary>
internal static class SettlementViews
{
    private const ulong ReadGas = 5_000;

    public static IReadOnlyList<(AbiFunction Function, ulong Gas, Func<StakingStore, AbiValue[], AbiValue[]> View)> All { get; } =
    [
        (PendingRewards, ReadGas, (s, a) => [AbiValue.UInt(new DelegatorRewards(s, static (_, _) => { }).Pending(a[0].AsAddress(), a[1].AsAddress()))]),
        (GetKeeperRewards, ReadGas, KeeperRewardsView),
        (GetRewardTotals, ReadGas, RewardTotalsView),
        (GetClaims, ReadGas, ClaimsView),
        (GetStakeLimit, ReadGas, StakeLimitView),
        (GetSettlement, ReadGas, SettlementView),
        (GetKeeperSettlement, ReadGas, KeeperSettlementView),
        (GetSettlementSlash, ReadGas, SlashView),
    ];

    private static AbiValue[] KeeperRewardsView(StakingStore s, AbiValue[] a)
    {
        var pool = new RewardStore(s.Records).GetKeeper(a[0].AsAddress());
        return [AbiValue.UInt(pool.RewardPerShare), AbiValue.UInt(pool.Commission), AbiValue.UInt(pool.Outstanding)];
    }

    private static AbiValue[] RewardTotalsView(StakingStore s, AbiValue[] a)
    {
        var rewards = new RewardStore(s.Records);
        var t = rewards.Totals;
        return [AbiValue.UInt(rewards.Minted), AbiValue.UInt(t.CommunityPool), AbiValue.UInt(t.OutstandingRewards), AbiValue.UInt(t.OutstandingCommission), AbiValue.UInt(t.EpochFees)];
    }

    private static AbiValue[] ClaimsView(StakingStore s, AbiValue[] a)
    {
        var (rewards, commission) = new RewardStore(s.Records).GetClaims(a[0].AsAddress(), a[1].AsUInt64());
        return [AbiValue.UInt(rewards), AbiValue.UInt(commission)];
    }

    private static AbiValue[] StakeLimitView(StakingStore s, AbiValue[] a)
    {
        var (work, limit) = StakeLimiter.Read(s.Records, a[0].AsAddress(), a[1].AsUInt64()) ?? (UInt256.Zero, UInt256.Zero);
        return [AbiValue.UInt(work), AbiValue.UInt(limit)];
    }

    private static AbiValue[] SettlementView(StakingStore s, AbiValue[] a)
    {
        var epoch = a[0].AsUInt64();
        var r = SettlementRecords.GetEpoch(s.Records, epoch) ?? throw NotFound(epoch);
        return
        [
            AbiValue.UInt(r.Minted), AbiValue.UInt(r.Fees), AbiValue.UInt(r.KeeperPool), AbiValue.UInt(r.EdgePool),
            AbiValue.UInt(r.CommunityTax), AbiValue.UInt(r.TotalSlashed), AbiValue.UInt(r.KeeperCount), AbiValue.UInt(r.SlashCount),
        ];
    }

    private static AbiValue[] KeeperSettlementView(StakingStore s, AbiValue[] a)
    {
        var epoch = a[0].AsUInt64();
        var settlement = SettlementRecords.GetEpoch(s.Records, epoch) ?? throw NotFound(epoch);
        var index = Index(a[1], settlement.KeeperCount);
        var line = SettlementRecords.GetKeeper(s.Records, epoch, index) ?? throw new InvalidOperationException("settlement line missing");
        return [AbiValue.Address(line.Keeper), AbiValue.UInt(line.VotingPower), AbiValue.UInt(line.BlocksSigned), AbiValue.UInt(line.Commission), AbiValue.UInt(line.DelegatorRewards)];
    }

    private static AbiValue[] SlashView(StakingStore s, AbiValue[] a)
    {
        var epoch = a[0].AsUInt64();
        var slashing = new SlashingStore(s.Records);
        var (count, _) = slashing.EpochSlashes(epoch);
        var slash = slashing.EpochSlash(epoch, Index(a[1], count));
        return [AbiValue.Address(slash.Keeper), AbiValue.UInt((ulong)slash.Reason), AbiValue.UInt(slash.InfractionHeight), AbiValue.UInt(slash.Amount)];
    }

    private static uint Index(AbiValue value, uint count)
    {
        var index = value.AsUInt256();
        return index < count ? (uint)(ulong)index : throw new ModuleRevertException("index out of range");
    }

    private static ModuleRevertException NotFound(ulong epoch) => ModuleRevertException.With(SettlementNotFound, AbiValue.UInt(epoch));
}
