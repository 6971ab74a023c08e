using Aro.Core;
using Aro.Core.Abi;
using Aro.Execution.Modules;
using Aro.Modules.Gpos.Interop;
using Aro.Modules.Gpow.State;
using static Aro.Modules.Gpow.Abi.WorkProofAbi;

namespace Aro.Modules.Gpow;

/// <summary>
/// The begin-block work (README §10): fix each epoch's assignment seed and keeper snapshot at its first
/// block, fix the previous epoch's challenge seed when its report window closes, then score and settle
/// finished epochs in pages of <see cref="GpowParams.SettlementPageSize"/> edge nodes per block.
/// </summary>
internal sealed class EpochProcessor(GpowStore store, ModuleContext context, IKeeperRegistry registry)
{
    /// <summary>The reason GPoS records with a false-vouch slash that GPoW asks for.</summary>
    public const string FalseVouchReason = "gpow: vouched for an edge node that failed its challenge";

    private readonly GpowParams _p = store.Params;

    public void BeginBlock()
    {
        var height = context.Block.Number;
        var epoch = height / _p.EpochBlocks;
        var offset = height % _p.EpochBlocks;
        var lastCommit = context.Block.LastCommit?.Hash ?? Hash256.Zero;

        if (store.AssignmentSeed(epoch) is null)
        {
            var previous = epoch > 0 ? store.AssignmentSeed(epoch - 1) ?? Hash256.Zero : Hash256.Zero;
            var seed = Assignment.DeriveSeed(false, epoch, previous, lastCommit, height);
            var keepers = registry.ActiveKeepers(context).ToArray();
            Array.Sort(keepers);
            store.SetAssignment(epoch, seed, keepers);
            context.Emit(AssignmentSeedFixed, AbiValue.UInt(epoch), AbiValue.Bytes(seed.ToArray()), AbiValue.UInt((ulong)keepers.Length));
        }

        if (epoch > 0 && offset >= _p.ReportWindowBlocks && store.ChallengeSeed(epoch - 1) is null)
        {
            var seed = Assignment.DeriveSeed(true, epoch - 1, store.AssignmentSeed(epoch)!.Value, lastCommit, height);
            var deadline = height + _p.ChallengeDeadlineBlocks;
            store.SetChallengeSeed(epoch - 1, seed, deadline);
            context.Emit(ChallengeSeedFixed, AbiValue.UInt(epoch - 1), AbiValue.Bytes(seed.ToArray()), AbiValue.UInt(deadline));
        }

        var budget = (ulong)_p.SettlementPageSize;
        Score(epoch, offset, ref budget);
        Settle(ref budget);
    }

    /// <summary>GPoS has paid <paramref name="pool"/> into the module account for <paramref name="epoch"/>.</summary>
    public void ReceivePool(ulong epoch, in UInt256 pool)
    {
        if (store.GetPool(epoch) is not null)
        {
            throw new InvalidOperationException($"the edge pool of epoch {epoch} was already received");
        }

        var totals = store.Totals;
        var amount = pool + totals.Carry;
        store.Totals = totals with { Pools = totals.Pools + amount, Carry = 0 };
        store.SetPool(epoch, new PoolRecord(amount, false));
        context.Emit(EdgePoolReceived, AbiValue.UInt(epoch), AbiValue.UInt(pool), AbiValue.UInt(totals.Carry));
    }

    private void Score(ulong epoch, ulong offset, ref ulong budget)
    {
        var original = store.Cursors;
        var cursors = original;
        while (budget > 0 && cursors.ScoreEpoch < epoch && IsClosed(cursors.ScoreEpoch, epoch, offset))
        {
            var target = cursors.ScoreEpoch;
            var count = store.ReporterCount(target);
            var end = Math.Min(count, cursors.ScoreIndex + budget);
            var total = cursors.ScoreTotal;
            if (cursors.ScoreIndex < end)
            {
                var snapshot = store.KeeperSnapshot(target);
                var challenge = store.ChallengeSeed(target);
                for (var i = cursors.ScoreIndex; i < end; i++)
                {
                    total += ScoreEdge(target, store.ReporterAt(target, i), snapshot, challenge?.Seed);
                }
            }

            budget -= end - cursors.ScoreIndex;
            if (end == count)
            {
                store.SetEpochScore(target, total);
                context.Emit(EpochScored, AbiValue.UInt(target), AbiValue.UInt(count), AbiValue.UInt(total));
                cursors = cursors with { ScoreEpoch = target + 1, ScoreIndex = 0, ScoreTotal = 0 };
            }
            else
            {
                cursors = cursors with { ScoreIndex = end, ScoreTotal = total };
            }
        }

        if (cursors != original)
        {
            store.Cursors = cursors;
        }
    }

    // Epoch e is closed once its verdict window (and challenge deadline) in epoch e+1 has passed.
    private bool IsClosed(ulong target, ulong epoch, ulong offset)
    {
        if (target + 1 < epoch)
        {
            return true;
        }

        var deadline = store.ChallengeSeed(target)?.Deadline ?? 0;
        return offset >= _p.VerdictWindowBlocks && context.Block.Number > deadline;
    }

    private UInt256 ScoreEdge(ulong epoch, in Address edge, Address[] snapshot, Hash256? challengeSeed)
    {
        var record = store.GetEdge(edge)!;
        var report = store.GetReport(epoch, edge)!;
        var verdicts = store.GetVerdicts(epoch, edge);
        // One failed challenge of either kind (storage, compute) fails the epoch; failing both is punished once.
        var failed = challengeSeed is { } seed
            && ((report.ChunkCount > 0 && Assignment.IsChallenged(seed, edge, _p.ChallengeRatePpm) && !store.IsAnswered(epoch, edge))
                || (record.Declared.ComputeUnits > 0 && Assignment.IsComputeChallenged(seed, edge, _p.ComputeChallengeRatePpm)
                    && !store.IsComputeAnswered(epoch, edge)));

        UInt256 score = 0;
        var streak = record.Streak;
        if (failed)
        {
            var slash = record.Bond * _p.ChallengeSlashPpm / GpowParams.Ppm;
            record = record with { Bond = record.Bond - slash };
            var totals = store.Totals;
            store.Totals = totals with { Bonds = totals.Bonds - slash, Carry = totals.Carry + slash };
            streak = 0;
            context.Emit(ChallengeFailed, AbiValue.Address(edge), AbiValue.UInt(epoch), AbiValue.UInt(slash));
            foreach (var verdict in verdicts)
            {
                if (verdict.Vouches)
                {
                    registry.SlashFalseVouch(context, verdict.Keeper, epoch, FalseVouchReason);
                }
            }
        }
        else if (verdicts.Count >= Quorum(snapshot.Length))
        {
            var median = ContributionScore.Median(verdicts);
            score = ContributionScore.Compute(_p, median, record.Streak);
            streak = median.UptimePpm >= _p.ExcellentUptimePpm ? record.Streak + 1 : 0;
            foreach (var verdict in verdicts)
            {
                var own = ContributionScore.Compute(_p, verdict, record.Streak);
                if (ContributionScore.Deviates(own, score, _p.DeviationBps))
                {
                    context.Emit(KeeperDeviated, AbiValue.Address(verdict.Keeper), AbiValue.Address(edge), AbiValue.UInt(epoch), AbiValue.UInt(own), AbiValue.UInt(score));
                }
                else if (verdict.Vouches && !score.IsZero)
                {
                    store.AddKeeperWork(epoch, verdict.Keeper, score);
                }
            }
        }
        else
        {
            streak = 0;
        }

        store.SetEdge(edge, record with { Streak = streak });
        store.SetResult(epoch, edge, new EdgeResult(score, 0, (uint)verdicts.Count, failed));
        context.Emit(EdgeScored, AbiValue.Address(edge), AbiValue.UInt(epoch), AbiValue.UInt(score), AbiValue.UInt((ulong)verdicts.Count));
        return score;
    }

    /// <summary>⌈m/2⌉ of the m = min(k, keepers) assigned keepers, at least one.</summary>
    private int Quorum(int keepers)
    {
        var assigned = Math.Min((int)_p.KeepersPerEdge, keepers);
        return Math.Max(1, (assigned + 1) / 2);
    }

    private void Settle(ref ulong budget)
    {
        var original = store.Cursors;
        var cursors = original;
        while (budget > 0 && cursors.SettleEpoch < cursors.ScoreEpoch && store.GetPool(cursors.SettleEpoch) is { } pool)
        {
            var target = cursors.SettleEpoch;
            var count = store.ReporterCount(target);
            var total = store.EpochScore(target)!.Value;
            var end = Math.Min(count, cursors.SettleIndex + budget);
            UInt256 paid = 0;
            for (var i = cursors.SettleIndex; i < end && !total.IsZero; i++)
            {
                var edge = store.ReporterAt(target, i);
                var result = store.GetResult(target, edge)!;
                if (result.Score.IsZero)
                {
                    continue;
                }

                var reward = pool.Amount * result.Score / total;
                if (reward.IsZero)
                {
                    continue;
                }

                store.SetResult(target, edge, result with { Reward = reward });
                store.SetClaimable(edge, store.Claimable(edge) + reward);
                paid += reward;
                context.Emit(EdgeRewarded, AbiValue.Address(edge), AbiValue.UInt(target), AbiValue.UInt(reward));
            }

            budget -= end - cursors.SettleIndex;
            var totals = store.Totals;
            totals = totals with { Pools = totals.Pools - paid, Claimable = totals.Claimable + paid };
            var distributed = cursors.Distributed + paid;
            if (end == count)
            {
                // Floor dust, and the whole pool of an epoch nobody scored in, rolls into the next pool received.
                var leftover = pool.Amount - distributed;
                totals = totals with { Pools = totals.Pools - leftover, Carry = totals.Carry + leftover };
                store.SetPool(target, pool with { Settled = true });
                context.Emit(EdgeRewardsSettled, AbiValue.UInt(target), AbiValue.UInt(pool.Amount), AbiValue.UInt(distributed), AbiValue.UInt(leftover));
                cursors = cursors with { SettleEpoch = target + 1, SettleIndex = 0, Distributed = 0 };
            }
            else
            {
                cursors = cursors with { SettleIndex = end, Distributed = distributed };
            }

            store.Totals = totals;
        }

        if (cursors != original)
        {
            store.Cursors = cursors;
        }
    }
}
