using Aro.Core;
using Aro.Core.Abi;
using Aro.Execution.Modules;
using Aro.Modules.Gpow.State;
using static Aro.Modules.Gpow.Abi.WorkProofAbi;

namespace Aro.Modules.Gpow;

/// <summary>
/// The rules of every GPoW message (README §9). Checks run in the documented order and throw the named
/// revert before any write, so a failed call changes nothing even before the host rolls back.
/// </summary>
internal sealed class WorkProofKeeper(GpowStore store, ModuleContext context)
{
    private const ulong MaxChunkCount = 1UL << 40;

    private readonly GpowParams _p = store.Params;

    private ulong Height => context.Block.Number;

    private ulong Epoch => Height / _p.EpochBlocks;

    private ulong Offset => Height % _p.EpochBlocks;

    public ulong Register(in Address edge, in UInt256 bond, byte kind, byte[] evidence, byte[] collateral, string region, DeclaredResources declared)
    {
        if (store.GetEdge(edge) is not null)
        {
            throw ModuleRevertException.With(EdgeExists, AbiValue.Address(edge));
        }

        if (bond < _p.MinBond)
        {
            throw ModuleRevertException.With(BondBelowMinimum, AbiValue.UInt(bond), AbiValue.UInt(_p.MinBond));
        }

        if (!IsValidRegion(region))
        {
            throw ModuleRevertException.With(InvalidRegion);
        }

        if (declared.Problem() is { } declaredProblem)
        {
            throw ModuleRevertException.With(InvalidDeclaredResources, AbiValue.String(declaredProblem));
        }

        var expiresAt = Attest(edge, kind, evidence, collateral);
        store.SetEdge(edge, new EdgeRecord(kind, expiresAt, bond, region, Height, false, 0, 0, declared));
        store.AppendEdge(edge);
        var totals = store.Totals;
        store.Totals = totals with { Bonds = totals.Bonds + bond };
        context.Emit(EdgeRegistered, AbiValue.Address(edge), AbiValue.UInt(kind), AbiValue.UInt(expiresAt), AbiValue.UInt(bond), AbiValue.String(region));
        context.Emit(ResourcesDeclared, AbiValue.Address(edge), AbiValue.UInt(declared.BandwidthMbps), AbiValue.UInt(declared.StorageGiB), AbiValue.UInt(declared.ComputeUnits));
        return expiresAt;
    }

    public ulong Renew(in Address edge, byte kind, byte[] evidence, byte[] collateral)
    {
        var record = RequireActiveEdge(edge);
        var expiresAt = Attest(edge, kind, evidence, collateral);
        store.SetEdge(edge, record with { Kind = kind, ExpiresAt = expiresAt });
        context.Emit(AttestationRenewed, AbiValue.Address(edge), AbiValue.UInt(kind), AbiValue.UInt(expiresAt));
        return expiresAt;
    }

    public void Report(in Address edge, ulong epoch, WorkReport report)
    {
        var record = RequireActiveEdge(edge);
        if (context.Block.Timestamp > record.ExpiresAt)
        {
            throw ModuleRevertException.With(AttestationExpired, AbiValue.UInt(record.ExpiresAt));
        }

        RequireWindow(epoch, _p.ReportWindowBlocks, LateReport, withCurrent: true);
        if (store.HasReport(epoch, edge))
        {
            throw ModuleRevertException.With(DuplicateReport, AbiValue.Address(edge), AbiValue.UInt(epoch));
        }

        var problem = report switch
        {
            { UptimePpm: > GpowParams.Ppm } => "uptimePpm above 1000000",
            { ChunkCount: > MaxChunkCount } => "chunkCount above 2^40",
            { ChunkCount: > 0 } when report.DataRoot.IsZero => "dataRoot missing for stored chunks",
            { ChunkCount: 0 } when !report.DataRoot.IsZero => "dataRoot without chunks",
            _ => null,
        };
        if (problem is not null)
        {
            throw ModuleRevertException.With(InvalidReport, AbiValue.String(problem));
        }

        var declared = record.Declared;
        if (report.StorageBytes > (ulong)declared.StorageGiB * DeclaredResources.BytesPerGiB)
        {
            throw ModuleRevertException.With(ReportExceedsDeclared, AbiValue.String("storage"), AbiValue.UInt(report.StorageBytes),
                AbiValue.UInt((ulong)declared.StorageGiB * DeclaredResources.BytesPerGiB));
        }

        if (report.ComputeUnits > declared.ComputeUnits)
        {
            throw ModuleRevertException.With(ReportExceedsDeclared, AbiValue.String("compute"), AbiValue.UInt(report.ComputeUnits), AbiValue.UInt(declared.ComputeUnits));
        }

        store.AddReport(epoch, edge, report);
        context.Emit(WorkReported, AbiValue.Address(edge), AbiValue.UInt(epoch), AbiValue.UInt(report.BandwidthBytes),
            AbiValue.UInt(report.StorageBytes), AbiValue.UInt(report.ComputeUnits), AbiValue.UInt(report.UptimePpm),
            AbiValue.Bytes(report.DataRoot.ToArray()), AbiValue.UInt(report.ChunkCount));
    }

    public void SubmitVerdicts(in Address keeper, ulong epoch, AbiValue[] entries)
    {
        RequireWindow(epoch, _p.VerdictWindowBlocks, VerdictWindowClosed, withCurrent: false);
        if (entries.Length == 0)
        {
            throw ModuleRevertException.With(EmptyBatch);
        }

        if (entries.Length > _p.MaxVerdictsPerTx)
        {
            throw ModuleRevertException.With(TooManyVerdicts, AbiValue.UInt((ulong)entries.Length), AbiValue.UInt(_p.MaxVerdictsPerTx));
        }

        var snapshot = store.KeeperSnapshot(epoch);
        var keeperIndex = Array.BinarySearch(snapshot, keeper);
        if (keeperIndex < 0 || store.AssignmentSeed(epoch) is not { } seed)
        {
            throw ModuleRevertException.With(NotAKeeper, AbiValue.Address(keeper), AbiValue.UInt(epoch));
        }

        foreach (var entry in entries)
        {
            var fields = entry.AsList();
            var edge = fields[0].AsAddress();
            var verdict = new Verdict(keeper, (byte)fields[1].AsUInt64(), (ushort)fields[2].AsUInt64(), (uint)fields[3].AsUInt64(),
                fields[4].AsBool(), (uint)fields[5].AsUInt64());
            if (verdict.IpClass >= _p.IpClassScores.Length || verdict.UptimePpm > GpowParams.Ppm)
            {
                throw ModuleRevertException.With(InvalidVerdict, AbiValue.Address(edge));
            }

            if (!store.HasReport(epoch, edge))
            {
                throw ModuleRevertException.With(NoWorkReport, AbiValue.Address(edge), AbiValue.UInt(epoch));
            }

            if (Array.IndexOf(Assignment.Keepers(seed, edge, snapshot.Length, (int)_p.KeepersPerEdge), keeperIndex) < 0)
            {
                throw ModuleRevertException.With(NotAssigned, AbiValue.Address(keeper), AbiValue.Address(edge));
            }

            var verdicts = store.GetVerdicts(epoch, edge);
            foreach (var existing in verdicts)
            {
                if (existing.Keeper == keeper)
                {
                    throw ModuleRevertException.With(DuplicateVerdict, AbiValue.Address(keeper), AbiValue.Address(edge));
                }
            }

            verdicts.Add(verdict);
            store.SetVerdicts(epoch, edge, verdicts);
        }

        context.Emit(VerdictsSubmitted, AbiValue.Address(keeper), AbiValue.UInt(epoch), AbiValue.UInt((ulong)entries.Length));
    }

    public void AnswerChallenge(in Address edge, ulong epoch, byte[] chunk, IReadOnlyList<Hash256> proof)
    {
        RequireActiveEdge(edge);
        var report = store.GetReport(epoch, edge);
        if (report is null || report.ChunkCount == 0 || store.ChallengeSeed(epoch) is not { } challenge
            || !Assignment.IsChallenged(challenge.Seed, edge, _p.ChallengeRatePpm))
        {
            throw ModuleRevertException.With(NoChallenge, AbiValue.Address(edge), AbiValue.UInt(epoch));
        }

        if (Height > challenge.Deadline)
        {
            throw ModuleRevertException.With(ChallengeClosed, AbiValue.UInt(challenge.Deadline));
        }

        if (store.IsAnswered(epoch, edge))
        {
            throw ModuleRevertException.With(ChallengeAlreadyAnswered, AbiValue.Address(edge), AbiValue.UInt(epoch));
        }

        if (chunk.Length > _p.MaxChunkBytes)
        {
            throw ModuleRevertException.With(ChunkTooLarge, AbiValue.UInt((ulong)chunk.Length), AbiValue.UInt(_p.MaxChunkBytes));
        }

        var index = Assignment.ChunkIndex(challenge.Seed, edge, report.ChunkCount);
        if (!StorageProof.Verify(report.DataRoot, report.ChunkCount, index, chunk, proof))
        {
            throw ModuleRevertException.With(InvalidStorageProof);
        }

        store.SetAnswered(epoch, edge);
        context.Emit(ChallengeAnswered, AbiValue.Address(edge), AbiValue.UInt(epoch), AbiValue.UInt(index));
    }

    /// <summary>
    /// A compute challenge answer (README §8a). The sender is the edge, so the transaction signature is the attested key's
    /// signature over calldata bearing the result of the nonce; the chain recomputes the rounds at the sender's gas.
    /// </summary>
    public void AnswerComputeChallenge(in Address edge, ulong epoch, in Hash256 result, GasMeter gas)
    {
        var record = RequireActiveEdge(edge);
        if (record.Declared.ComputeUnits == 0 || !store.HasReport(epoch, edge) || store.ChallengeSeed(epoch) is not { } challenge
            || !Assignment.IsComputeChallenged(challenge.Seed, edge, _p.ComputeChallengeRatePpm))
        {
            throw ModuleRevertException.With(NoChallenge, AbiValue.Address(edge), AbiValue.UInt(epoch));
        }

        if (Height > challenge.Deadline)
        {
            throw ModuleRevertException.With(ChallengeClosed, AbiValue.UInt(challenge.Deadline));
        }

        if (store.IsComputeAnswered(epoch, edge))
        {
            throw ModuleRevertException.With(ChallengeAlreadyAnswered, AbiValue.Address(edge), AbiValue.UInt(epoch));
        }

        gas.Consume(ComputeChallenge.GasPerRound * _p.ComputeChallengeRounds);
        var nonce = Assignment.ComputeNonce(challenge.Seed, edge);
        // The error names only what was sent: echoing the expected value would hand the answer to anyone who guesses.
        if (ComputeChallenge.Result(context.Block.ChainId, edge, nonce, _p.ComputeChallengeRounds) != result)
        {
            throw ModuleRevertException.With(WrongComputeResult, AbiValue.Bytes(result.ToArray()));
        }

        store.SetComputeAnswered(epoch, edge);
        context.Emit(ComputeChallengeAnswered, AbiValue.Address(edge), AbiValue.UInt(epoch), AbiValue.Bytes(nonce.ToArray()));
    }

    public UInt256 Claim(in Address edge)
    {
        var amount = store.Claimable(edge);
        if (amount.IsZero)
        {
            throw ModuleRevertException.With(NothingToClaim);
        }

        store.SetClaimable(edge, 0);
        var totals = store.Totals;
        store.Totals = totals with { Claimable = totals.Claimable - amount };
        context.Emit(EdgeRewardsClaimed, AbiValue.Address(edge), AbiValue.UInt(amount));
        return amount;
    }

    /// <summary>
    /// Leaving in epoch c: the edge's last reportable work is epoch c−1, scored during epoch c, so the bond
    /// (still slashable until then) unlocks at epoch c+1.
    /// </summary>
    public ulong Leave(in Address edge)
    {
        var record = RequireActiveEdge(edge);
        var unlock = Epoch + 1;
        store.SetEdge(edge, record with { Left = true, UnlockEpoch = unlock });
        context.Emit(EdgeLeft, AbiValue.Address(edge), AbiValue.UInt(unlock));
        return unlock;
    }

    public UInt256 WithdrawBond(in Address edge)
    {
        var record = store.GetEdge(edge) ?? throw ModuleRevertException.With(EdgeNotFound, AbiValue.Address(edge));
        if (!record.Left)
        {
            throw ModuleRevertException.With(EdgeNotLeft, AbiValue.Address(edge));
        }

        // Scoring runs behind the chain when pages are full: the bond stays until the edge's epochs are scored.
        if (Epoch < record.UnlockEpoch || store.Cursors.ScoreEpoch < record.UnlockEpoch)
        {
            throw ModuleRevertException.With(BondLocked, AbiValue.UInt(record.UnlockEpoch));
        }

        if (record.Bond.IsZero)
        {
            throw ModuleRevertException.With(NothingToWithdraw);
        }

        store.SetEdge(edge, record with { Bond = 0 });
        var totals = store.Totals;
        store.Totals = totals with { Bonds = totals.Bonds - record.Bond };
        context.Emit(BondWithdrawn, AbiValue.Address(edge), AbiValue.UInt(record.Bond));
        return record.Bond;
    }

    private ulong Attest(in Address edge, byte kind, byte[] evidence, byte[] collateral)
    {
        if (kind > EdgeKinds.Nitro)
        {
            throw ModuleRevertException.With(UnknownAttestationKind, AbiValue.UInt(kind));
        }

        var settings = AttestationSettings.Read(store.Records);
        EdgeAttestation.Verify(settings, kind, evidence, collateral, context.Block.ChainId, edge, context.Block.Timestamp);
        return context.Block.Timestamp + _p.AttestationValiditySeconds;
    }

    private EdgeRecord RequireActiveEdge(in Address edge)
    {
        var record = store.GetEdge(edge) ?? throw ModuleRevertException.With(EdgeNotFound, AbiValue.Address(edge));
        if (record.Left)
        {
            throw ModuleRevertException.With(EdgeHasLeft, AbiValue.Address(edge));
        }

        return record;
    }

    /// <summary>Data about epoch e is accepted only in the first <paramref name="window"/> blocks of epoch e+1.</summary>
    private void RequireWindow(ulong epoch, ulong window, AbiError late, bool withCurrent)
    {
        if (epoch >= Epoch)
        {
            throw ModuleRevertException.With(FutureEpoch, AbiValue.UInt(epoch), AbiValue.UInt(Epoch));
        }

        if (epoch + 1 < Epoch || Offset >= window)
        {
            throw withCurrent
                ? ModuleRevertException.With(late, AbiValue.UInt(epoch), AbiValue.UInt(Epoch))
                : ModuleRevertException.With(late, AbiValue.UInt(epoch));
        }
    }

    internal static bool IsValidRegion(string region)
    {
        if (region.Length is 0 or > 32)
        {
            return false;
        }

        foreach (var c in region)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }
}
