using Aro.Core;
using Aro.Execution.Modules;
using Aro.Modules.Gpos.Interop;
using Aro.Modules.Gpos.State;

namespace Aro.Modules.Gpos.Guarantee;

/// <summary>
/// Stake limits of one epoch (README §10, Crust's guarantee): a keeper counts at most its share of
/// <c>totalStakeLimit</c> by GPoW-verified work over the last <c>workPeriodEpochs</c>; while bootstrapping
/// (epoch &lt; <c>bootstrapEpochs</c>) or while no verified work exists at all, at least <c>bootstrapAllowance</c>.
/// Effective stake = min(tokens, limit) is the keeper's voting power. Records <c>80‖keeper‖epoch</c> and
/// <c>81‖epoch</c> let anyone audit the numbers the set was chosen by.
/// </summary>
internal sealed class StakeLimiter
{
    private readonly IRecordStore _store;
    private readonly GposParams _params;
    private readonly IVerifiedWorkSource? _source;
    private readonly ModuleContext? _context;
    private readonly ulong _epoch;
    private readonly ulong _fromEpoch;
    private readonly ulong _toEpoch;
    private readonly bool _bootstrap;

    /// <param name="source">GPoW's verified work; null when GPoW is not wired (every keeper gets the bootstrap allowance).</param>
    /// <param name="context">GPoS's own context, handed to the source; null only together with a null source.</param>
    public StakeLimiter(IRecordStore store, GposParams p, ulong epoch, IVerifiedWorkSource? source, ModuleContext? context)
    {
        _store = store;
        _params = p;
        _epoch = epoch;
        _source = context is null ? null : source;
        _context = context;

        // The work period is the workPeriodEpochs epochs before this one; epoch 0 has none.
        _toEpoch = epoch == 0 ? 0 : epoch - 1;
        _fromEpoch = epoch > p.WorkPeriodEpochs ? epoch - p.WorkPeriodEpochs : 0;
        TotalWork = _source is null || epoch == 0 ? UInt256.Zero : _source.TotalVerifiedWork(_context!, _fromEpoch, _toEpoch);
        _bootstrap = epoch < p.BootstrapEpochs || TotalWork.IsZero;
        _store.Set(GposKeys.Of(GposKeys.EpochStakeLimits, epoch), new RecordWriter().Add(TotalWork).Add(p.TotalStakeLimit).ToArray());
    }

    public UInt256 TotalWork { get; }

    /// <summary>The keeper's effective stake for the epoch; writes its limit record.</summary>
    public UInt256 EffectiveStake(KeeperRecord keeper)
    {
        var work = _source is null || _epoch == 0 || TotalWork.IsZero
            ? UInt256.Zero
            : _source.VerifiedWork(_context!, keeper.Address, _fromEpoch, _toEpoch);
        var limit = Limit(work, TotalWork, _params, _bootstrap);
        _store.Set(GposKeys.Of(GposKeys.StakeLimit, keeper.Address, _epoch), new RecordWriter().Add(work).Add(limit).ToArray());
        return keeper.Tokens < limit ? keeper.Tokens : limit;
    }

    /// <summary>⌊totalStakeLimit · work / totalWork⌋ (0 without work), raised to the bootstrap allowance while bootstrapping.</summary>
    public static UInt256 Limit(in UInt256 work, in UInt256 totalWork, GposParams p, bool bootstrap)
    {
        // A source that reports more work for one keeper than for all of them is capped at the whole limit.
        var limit = totalWork.IsZero ? UInt256.Zero
            : work >= totalWork ? p.TotalStakeLimit
            : StakeMath.MulDiv(p.TotalStakeLimit, work, totalWork);
        return bootstrap && limit < p.BootstrapAllowance ? p.BootstrapAllowance : limit;
    }

    /// <summary>The stored <c>[verifiedWork, stakeLimit]</c> of a keeper at an epoch, or null.</summary>
    public static (UInt256 Work, UInt256 Limit)? Read(IRecordStore store, in Address keeper, ulong epoch)
    {
        var stored = store.Get(GposKeys.Of(GposKeys.StakeLimit, keeper, epoch));
        if (stored is null)
        {
            return null;
        }

        var r = new RecordReader(stored);
        var value = (r.UInt256(), r.UInt256());
        r.End();
        return value;
    }
}
