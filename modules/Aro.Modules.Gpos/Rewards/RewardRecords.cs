using Aro.Core;
using Aro.Modules.Gpos.State;

namespace Aro.Modules.Gpos.Rewards;

/// <summary>
/// A keeper's reward pool: the cumulative delegator reward per share (scaled by <see cref="RewardMath.Scale"/>),
/// commission not yet claimed, and delegator rewards not yet claimed (rounding dust of the accumulator stays here).
/// </summary>
internal readonly record struct KeeperRewards(UInt256 RewardPerShare, UInt256 Commission, UInt256 Outstanding)
{
    public byte[] Encode() => new RecordWriter().Add(RewardPerShare).Add(Commission).Add(Outstanding).ToArray();

    public static KeeperRewards Decode(ReadOnlySpan<byte> record)
    {
        var r = new RecordReader(record);
        var value = new KeeperRewards(r.UInt256(), r.UInt256(), r.UInt256());
        r.End();
        return value;
    }
}

/// <summary>
/// Reward wei the module holds besides stake: fees collected in the running epoch (not yet settled), the
/// community pool (tax and rounding dust), and unclaimed delegator rewards and commission of all keepers.
/// </summary>
internal readonly record struct RewardTotals(UInt256 EpochFees, UInt256 CommunityPool, UInt256 OutstandingRewards, UInt256 OutstandingCommission)
{
    public UInt256 Sum => EpochFees + CommunityPool + OutstandingRewards + OutstandingCommission;

    public byte[] Encode() => new RecordWriter().Add(EpochFees).Add(CommunityPool).Add(OutstandingRewards).Add(OutstandingCommission).ToArray();

    public static RewardTotals Decode(ReadOnlySpan<byte> record)
    {
        var r = new RecordReader(record);
        var value = new RewardTotals(r.UInt256(), r.UInt256(), r.UInt256(), r.UInt256());
        r.End();
        return value;
    }
}

/// <summary>Typed access to the reward records (README §4: <c>04</c>, <c>90</c>–<c>94</c>, <c>B3</c>).</summary>
internal sealed class RewardStore
{
    private readonly IRecordStore _store;

    public RewardStore(IRecordStore store) => _store = store;

    /// <summary>Every wei ever minted by the module (<c>04</c>), for the supply invariant.</summary>
    public UInt256 Minted
    {
        get => ReadSingle(GposKeys.Minted);
        set => _store.Set(GposKeys.Single(GposKeys.Minted), new RecordWriter().Add(value).ToArray());
    }

    public RewardTotals Totals
    {
        get
        {
            var stored = _store.Get(GposKeys.Single(GposKeys.RewardTotals));
            return stored is null ? default : RewardTotals.Decode(stored);
        }
        set => _store.Set(GposKeys.Single(GposKeys.RewardTotals), value.Encode());
    }

    public KeeperRewards GetKeeper(in Address keeper)
    {
        var stored = _store.Get(GposKeys.Of(GposKeys.KeeperRewards, keeper));
        return stored is null ? default : KeeperRewards.Decode(stored);
    }

    public void SetKeeper(in Address keeper, in KeeperRewards value) =>
        _store.Set(GposKeys.Of(GposKeys.KeeperRewards, keeper), value.Encode());

    /// <summary>The keeper's reward per share when the delegation was last settled (absent = 0).</summary>
    public UInt256 GetStart(in Address keeper, in Address delegator)
    {
        var stored = _store.Get(GposKeys.Of(GposKeys.DelegationRewardStart, keeper, delegator));
        return stored is null ? UInt256.Zero : UInt256.FromBigEndian(stored);
    }

    public void SetStart(in Address keeper, in Address delegator, in UInt256 rewardPerShare)
    {
        var key = GposKeys.Of(GposKeys.DelegationRewardStart, keeper, delegator);
        if (rewardPerShare.IsZero)
        {
            _store.Delete(key);
        }
        else
        {
            _store.Set(key, rewardPerShare.ToBigEndianMinimal());
        }
    }

    public ulong GetBlocksSigned(in Address keeper, ulong epoch) =>
        IndexedAddressSet.ReadNumber(_store.Get(GposKeys.Of(GposKeys.BlocksSigned, keeper, epoch)));

    public void SetBlocksSigned(in Address keeper, ulong epoch, ulong count)
    {
        var key = GposKeys.Of(GposKeys.BlocksSigned, keeper, epoch);
        if (count == 0)
        {
            _store.Delete(key);
        }
        else
        {
            _store.Set(key, IndexedAddressSet.Number(count));
        }
    }

    /// <summary>What <paramref name="account"/> received in <paramref name="epoch"/> (<c>B3</c>): delegator rewards and commission.</summary>
    public (UInt256 Rewards, UInt256 Commission) GetClaims(in Address account, ulong epoch)
    {
        var stored = _store.Get(GposKeys.Of(GposKeys.AccountClaims, account, epoch));
        if (stored is null)
        {
            return (UInt256.Zero, UInt256.Zero);
        }

        var r = new RecordReader(stored);
        var value = (r.UInt256(), r.UInt256());
        r.End();
        return value;
    }

    public void AddClaims(in Address account, ulong epoch, in UInt256 rewards, in UInt256 commission)
    {
        var (r, c) = GetClaims(account, epoch);
        _store.Set(GposKeys.Of(GposKeys.AccountClaims, account, epoch), new RecordWriter().Add(r + rewards).Add(c + commission).ToArray());
    }

    private UInt256 ReadSingle(byte prefix)
    {
        var stored = _store.Get(GposKeys.Single(prefix));
        if (stored is null)
        {
            return UInt256.Zero;
        }

        var r = new RecordReader(stored);
        var value = r.UInt256();
        r.End();
        return value;
    }
}
