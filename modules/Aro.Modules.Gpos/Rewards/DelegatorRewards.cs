using Aro.Core;
using Aro.Core.Abi;
using Aro.Execution.Modules;
using Aro.Modules.Gpos.Abi;
using Aro.Modules.Gpos.State;

namespace Aro.Modules.Gpos.Rewards;

/// <summary>
/// Delegator rewards by per-share accumulator: each keeper has a cumulative reward per share, a delegation
/// remembers the value it last settled at, and its pending reward is ⌊shares · (current − start) / scale⌋.
/// Slashes change a pool's tokens, not its shares, so they need no bookkeeping here; every operation is O(1)
/// in the number of delegators. Payouts round down; what rounding leaves behind stays in the keeper's
/// outstanding rewards, accounted but unclaimable.
/// </summary>
internal sealed class DelegatorRewards
{
    private readonly StakingStore _staking;
    private readonly RewardStore _rewards;
    private readonly Action<AbiEvent, AbiValue[]> _emit;

    public DelegatorRewards(StakingStore staking, Action<AbiEvent, AbiValue[]> emit)
    {
        _staking = staking;
        _rewards = new RewardStore(staking.Records);
        _emit = emit;
    }

    public UInt256 Pending(in Address delegator, in Address keeper) =>
        RewardMath.Pending(_staking.GetShares(delegator, keeper), _rewards.GetStart(keeper, delegator), _rewards.GetKeeper(keeper).RewardPerShare);

    /// <summary>
    /// Settles the delegation before its shares change from <paramref name="oldShares"/> to <paramref name="newShares"/>:
    /// the pending reward moves to the delegator's withdrawable funds and the delegation starts again at the current accumulator.
    /// </summary>
    public void SettleBeforeChange(in Address keeper, in Address delegator, in UInt256 oldShares, in UInt256 newShares)
    {
        var pool = _rewards.GetKeeper(keeper);
        var pending = RewardMath.Pending(oldShares, _rewards.GetStart(keeper, delegator), pool.RewardPerShare);
        if (!pending.IsZero)
        {
            TakeFromPool(keeper, delegator, pool, pending);
            _staking.SetWithdrawable(delegator, _staking.GetWithdrawable(delegator) + pending);
            var totals = _staking.Totals;
            _staking.Totals = totals with { Withdrawable = totals.Withdrawable + pending };
        }

        _rewards.SetStart(keeper, delegator, newShares.IsZero ? UInt256.Zero : pool.RewardPerShare);
    }

    /// <summary>Takes the pending reward of the delegation out of the books; the caller pays it. Reverts NothingToClaim at zero.</summary>
    public UInt256 Claim(in Address delegator, in Address keeper)
    {
        var pool = _rewards.GetKeeper(keeper);
        var pending = RewardMath.Pending(_staking.GetShares(delegator, keeper), _rewards.GetStart(keeper, delegator), pool.RewardPerShare);
        if (pending.IsZero)
        {
            throw ModuleRevertException.With(SettlementAbi.NothingToClaim);
        }

        TakeFromPool(keeper, delegator, pool, pending);
        _rewards.SetStart(keeper, delegator, pool.RewardPerShare);
        return pending;
    }

    /// <summary>Takes the keeper's accrued commission out of the books; the caller pays it. Reverts NothingToClaim at zero.</summary>
    public UInt256 ClaimCommission(in Address keeper)
    {
        if (_staking.GetKeeper(keeper) is null)
        {
            throw ModuleRevertException.With(StakingAbi.KeeperNotFound, AbiValue.Address(keeper));
        }

        var pool = _rewards.GetKeeper(keeper);
        if (pool.Commission.IsZero)
        {
            throw ModuleRevertException.With(SettlementAbi.NothingToClaim);
        }

        var amount = pool.Commission;
        _rewards.SetKeeper(keeper, pool with { Commission = UInt256.Zero });
        var totals = _rewards.Totals;
        _rewards.Totals = totals with { OutstandingCommission = totals.OutstandingCommission - amount };
        _rewards.AddClaims(keeper, _staking.Epoch.Epoch, UInt256.Zero, amount);
        _emit(SettlementAbi.CommissionClaimed, [AbiValue.Address(keeper), AbiValue.UInt(amount)]);
        return amount;
    }

    private void TakeFromPool(in Address keeper, in Address delegator, in KeeperRewards pool, in UInt256 amount)
    {
        _rewards.SetKeeper(keeper, pool with { Outstanding = pool.Outstanding - amount });
        var totals = _rewards.Totals;
        _rewards.Totals = totals with { OutstandingRewards = totals.OutstandingRewards - amount };
        _rewards.AddClaims(delegator, _staking.Epoch.Epoch, amount, UInt256.Zero);
        _emit(SettlementAbi.RewardsClaimed, [AbiValue.Address(delegator), AbiValue.Address(keeper), AbiValue.UInt(amount)]);
    }
}
