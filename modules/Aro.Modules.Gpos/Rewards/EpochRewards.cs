using Aro.Core;
using Aro.Core.Abi;
using Aro.Core.Blocks;
using Aro.Execution.Modules;
using Aro.Modules.Gpos.Abi;
using Aro.Modules.Gpos.Interop;
using Aro.Modules.Gpos.Settlement;
using Aro.Modules.Gpos.Slashing;
using Aro.Modules.Gpos.State;

namespace Aro.Modules.Gpos.Rewards;

/// <summary>
/// The block-level and epoch-level reward flow (README §11): counts who signed each block, books fees the
/// module account received, and at the end of an epoch mints the emission, splits emission + fees into
/// community tax, edge pool and keeper pool, shares the keeper pool by voting power × blocks signed, and
/// writes the settlement records (S6). Cost per epoch is O(active set), never O(delegators).
/// </summary>
internal sealed class EpochRewards
{
    private readonly StakingStore _staking;
    private readonly RewardStore _rewards;
    private readonly ModuleContext _context;
    private readonly IEdgeRewardSettlement? _edge;
    private readonly Action<AbiEvent, AbiValue[]> _emit;

    public EpochRewards(StakingStore staking, ModuleContext context, IEdgeRewardSettlement? edge, Action<AbiEvent, AbiValue[]> emit)
    {
        _staking = staking;
        _rewards = new RewardStore(staking.Records);
        _context = context;
        _edge = edge;
        _emit = emit;
    }

    /// <summary>
    /// Credits one signed block to <paramref name="keeper"/> in the module's current epoch when it is Bonded.
    /// Called by the begin-block walk over the last commit (members of the <c>72</c> set of the commit's epoch,
    /// each at most once), so rewards and liveness use the same roster and consensus-address mapping.
    /// </summary>
    public void CreditSignedBlock(Address keeper)
    {
        if (_staking.GetKeeper(keeper)?.Status != KeeperStatus.Bonded)
        {
            return;
        }

        var epoch = _staking.Epoch.Epoch;
        _rewards.SetBlocksSigned(keeper, epoch, _rewards.GetBlocksSigned(keeper, epoch) + 1);
    }

    /// <summary>
    /// Books as fees of the running epoch whatever the module account holds beyond its booked funds. Value
    /// reaches the account otherwise only through payable calls, which book it themselves, so the surplus
    /// is exactly the fees the executor paid to it (the node sets the fee recipient to this module).
    /// </summary>
    public void CollectFees()
    {
        var rewardTotals = _rewards.Totals;
        var booked = _staking.Totals.Sum + rewardTotals.Sum;
        var balance = _context.Balance;
        if (balance > booked)
        {
            _rewards.Totals = rewardTotals with { EpochFees = rewardTotals.EpochFees + (balance - booked) };
        }
    }

    /// <summary>Settles <paramref name="epoch"/>, which has just ended; its active set (<c>70</c>) is still in place.</summary>
    public void Settle(ulong epoch)
    {
        var p = _staking.Params;
        var minted = RewardMath.Emission(p, epoch);
        _context.Mint(minted);
        _rewards.Minted += minted;

        var totals = _rewards.Totals;
        var fees = totals.EpochFees;
        var total = minted + fees;
        var tax = RewardMath.Bps(total, p.CommunityTaxBps);
        var rest = total - tax;
        var keeperPool = RewardMath.Bps(rest, p.KeeperPoolBps);
        var edgePool = rest - keeperPool;
        if (_edge is null)
        {
            // No GPoW to hand the edge share to: keepers keep it.
            keeperPool += edgePool;
            edgePool = UInt256.Zero;
        }

        var distributed = ShareKeeperPool(epoch, keeperPool, out var keeperCount, out var commission, out var delegatorRewards);
        totals = _rewards.Totals;
        _rewards.Totals = totals with
        {
            EpochFees = UInt256.Zero,
            CommunityPool = totals.CommunityPool + tax + (keeperPool - distributed),
            OutstandingRewards = totals.OutstandingRewards + delegatorRewards,
            OutstandingCommission = totals.OutstandingCommission + commission,
        };

        if (_edge is not null)
        {
            // Called every epoch, an empty pool included: GPoW scores and settles an epoch only when told it closed.
            if (!edgePool.IsZero)
            {
                _context.Pay(_edge.Account, edgePool);
            }

            _edge.SettleEdgeRewards(_context, epoch, edgePool);
        }

        var (slashCount, slashed) = new SlashingStore(_staking.Records).EpochSlashes(epoch);
        var settlement = new EpochSettlement(minted, fees, keeperPool, edgePool, tax, slashed, keeperCount, slashCount);
        _staking.Records.Set(SettlementRecords.EpochKey(epoch), settlement.Encode());
        _emit(SettlementAbi.EpochSettled, [
            AbiValue.UInt(epoch), AbiValue.UInt(minted), AbiValue.UInt(fees), AbiValue.UInt(keeperPool),
            AbiValue.UInt(edgePool), AbiValue.UInt(tax), AbiValue.UInt(slashed)]);
    }

    /// <summary>
    /// Splits <paramref name="keeperPool"/> over the active set by power × blocks signed (floor), commission
    /// first, the rest to the keeper's delegators through its reward-per-share accumulator. Returns what was
    /// handed out; with no signed blocks at all nothing is (the caller moves the pool to the community pool).
    /// </summary>
    private UInt256 ShareKeeperPool(ulong epoch, in UInt256 keeperPool, out uint keeperCount, out UInt256 commissionTotal, out UInt256 delegatorTotal)
    {
        var set = _staking.GetActiveSet();
        keeperCount = (uint)set.Length;
        var signed = new ulong[set.Length];
        var weights = new UInt256[set.Length];
        var totalWeight = UInt256.Zero;
        for (var i = 0; i < set.Length; i++)
        {
            signed[i] = _rewards.GetBlocksSigned(set[i].Keeper, epoch);
            _rewards.SetBlocksSigned(set[i].Keeper, epoch, 0);
            weights[i] = set[i].Power * signed[i];
            totalWeight += weights[i];
        }

        commissionTotal = UInt256.Zero;
        delegatorTotal = UInt256.Zero;
        for (var i = 0; i < set.Length; i++)
        {
            var address = set[i].Keeper;
            var share = totalWeight.IsZero ? UInt256.Zero : StakeMath.MulDiv(keeperPool, weights[i], totalWeight);
            var keeper = _staking.GetKeeper(address) ?? throw new InvalidOperationException($"active set member {address} has no record");
            var commission = RewardMath.Bps(share, keeper.CommissionBps);
            var delegators = share - commission;
            var pool = _rewards.GetKeeper(address);
            if (keeper.TotalShares.IsZero)
            {
                // Everyone left the pool during the epoch: no delegator to credit, the keeper takes it all.
                commission = share;
                delegators = UInt256.Zero;
            }

            if (!share.IsZero)
            {
                var perShare = keeper.TotalShares.IsZero ? UInt256.Zero : StakeMath.MulDiv(delegators, RewardMath.Scale, keeper.TotalShares);
                _rewards.SetKeeper(address, new KeeperRewards(pool.RewardPerShare + perShare, pool.Commission + commission, pool.Outstanding + delegators));
            }

            commissionTotal += commission;
            delegatorTotal += delegators;
            var line = new KeeperSettlement(address, set[i].Power, signed[i], commission, delegators);
            _staking.Records.Set(SettlementRecords.KeeperKey(epoch, (uint)i), line.Encode());
            _emit(SettlementAbi.KeeperRewarded, [AbiValue.UInt(epoch), AbiValue.Address(address), AbiValue.UInt(commission), AbiValue.UInt(delegators)]);
        }

        return commissionTotal + delegatorTotal;
    }
}
