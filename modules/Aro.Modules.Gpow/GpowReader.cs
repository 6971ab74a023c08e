using Aro.Core;
using Aro.Modules.Gpow.State;

namespace Aro.Modules.Gpow;

/// <summary>An edge node as the read API returns it.</summary>
public sealed record EdgeNode(
    Address Address, byte Kind, ulong ExpiresAt, UInt256 Bond, string Region, ulong RegisteredBlock, bool Left, ulong UnlockEpoch,
    uint ExcellentStreak, UInt256 Claimable)
{
    /// <summary>What the edge declared at registration (bandwidth, storage, compute).</summary>
    public DeclaredResources Declared { get; init; } = DeclaredResources.None;
}

/// <summary>A storage challenge of one edge node in one epoch.</summary>
public sealed record EdgeChallenge(bool Challenged, ulong ChunkIndex, ulong DeadlineBlock, bool Answered);

/// <summary>
/// A compute challenge of one edge node in one epoch: the nonce, the rounds its answer iterates (README §8a), the
/// deadline and whether it was answered. Not challenged: everything zero.
/// </summary>
public sealed record EdgeComputeChallenge(bool Challenged, Hash256 Nonce, ulong Rounds, ulong DeadlineBlock, bool Answered);

/// <summary>What an epoch's processing has produced so far.</summary>
public sealed record EpochInfo(Hash256 AssignmentSeed, Hash256 ChallengeSeed, ulong Reporters, UInt256 TotalScore, bool Scored, UInt256 Pool, bool Settled);

/// <summary>
/// The public read API over the module's records, for the node's <c>aro_</c> RPC (aro_getEdgeNode,
/// aro_getWorkReport, aro_getChallenges, aro_getEdgeRewards). <paramref name="get"/> reads one record
/// of the module account's storage at the state the caller chose; every answer is provable with
/// eth_getProof over the keys in README §4.
/// </summary>
public sealed class GpowReader(Func<byte[], byte[]?> get)
{
    private readonly GpowStore _store = new(new FuncRecordStore(get));

    public bool IsInitialized => _store.IsInitialized;

    public GpowParams Params => _store.Params;

    public GpowTotals Totals => _store.Totals;

    /// <summary>Who may replace the attestation policy and roots; null when genesis named nobody.</summary>
    public Address? Admin => _store.Admin;

    public EdgeNode? Edge(in Address edge) =>
        _store.GetEdge(edge) is { } r
            ? new EdgeNode(edge, r.Kind, r.ExpiresAt, r.Bond, r.Region, r.RegisteredBlock, r.Left, r.UnlockEpoch, r.Streak, _store.Claimable(edge)) { Declared = r.Declared }
            : null;

    public ulong EdgeCount => _store.EdgeCount;

    public Address EdgeAt(ulong index) => _store.EdgeAt(index);

    public WorkReport? Report(in Address edge, ulong epoch) => _store.GetReport(epoch, edge);

    public IReadOnlyList<Verdict> Verdicts(in Address edge, ulong epoch) => _store.GetVerdicts(epoch, edge);

    public EdgeResult? Result(in Address edge, ulong epoch) => _store.GetResult(epoch, edge);

    public UInt256 KeeperWork(in Address keeper, ulong epoch) => _store.KeeperWork(epoch, keeper);

    public UInt256 TotalWork(ulong epoch) => _store.TotalWork(epoch);

    /// <summary>The keepers assigned to <paramref name="edge"/> in <paramref name="epoch"/>; empty before its seed exists.</summary>
    public IReadOnlyList<Address> AssignedKeepers(in Address edge, ulong epoch)
    {
        if (_store.AssignmentSeed(epoch) is not { } seed)
        {
            return [];
        }

        var snapshot = _store.KeeperSnapshot(epoch);
        var picked = Assignment.Keepers(seed, edge, snapshot.Length, (int)_store.Params.KeepersPerEdge);
        var keepers = new Address[picked.Length];
        for (var i = 0; i < picked.Length; i++)
        {
            keepers[i] = snapshot[picked[i]];
        }

        return keepers;
    }

    public EdgeChallenge Challenge(in Address edge, ulong epoch)
    {
        var report = _store.GetReport(epoch, edge);
        if (report is null || report.ChunkCount == 0 || _store.ChallengeSeed(epoch) is not { } c
            || !Assignment.IsChallenged(c.Seed, edge, _store.Params.ChallengeRatePpm))
        {
            return new EdgeChallenge(false, 0, 0, false);
        }

        return new EdgeChallenge(true, Assignment.ChunkIndex(c.Seed, edge, report.ChunkCount), c.Deadline, _store.IsAnswered(epoch, edge));
    }

    public EdgeComputeChallenge ComputeChallenge(in Address edge, ulong epoch)
    {
        if (_store.GetEdge(edge) is not { } record || record.Declared.ComputeUnits == 0 || !_store.HasReport(epoch, edge)
            || _store.ChallengeSeed(epoch) is not { } c || !Assignment.IsComputeChallenged(c.Seed, edge, _store.Params.ComputeChallengeRatePpm))
        {
            return new EdgeComputeChallenge(false, Hash256.Zero, 0, 0, false);
        }

        return new EdgeComputeChallenge(true, Assignment.ComputeNonce(c.Seed, edge), _store.Params.ComputeChallengeRounds, c.Deadline,
            _store.IsComputeAnswered(epoch, edge));
    }

    public EpochInfo Epoch(ulong epoch)
    {
        var score = _store.EpochScore(epoch);
        var pool = _store.GetPool(epoch);
        return new EpochInfo(
            _store.AssignmentSeed(epoch) ?? Hash256.Zero,
            _store.ChallengeSeed(epoch)?.Seed ?? Hash256.Zero,
            _store.ReporterCount(epoch),
            score ?? UInt256.Zero,
            score is not null,
            pool?.Amount ?? UInt256.Zero,
            pool?.Settled ?? false);
    }

    internal GpowStore Store => _store;

    private sealed class FuncRecordStore(Func<byte[], byte[]?> get) : IRecordStore
    {
        public byte[]? Get(ReadOnlySpan<byte> key) => get(key.ToArray());

        public void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) => throw new InvalidOperationException("The read API cannot write.");

        public void Delete(ReadOnlySpan<byte> key) => throw new InvalidOperationException("The read API cannot write.");
    }
}
