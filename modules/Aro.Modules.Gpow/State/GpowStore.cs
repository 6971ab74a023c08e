using Aro.Core;
using Aro.Core.Rlp;

namespace Aro.Modules.Gpow.State;

/// <summary>Typed access to the module's records (README §4); no rules, only layout.</summary>
internal sealed class GpowStore(IRecordStore store)
{
    private GpowParams? _params;

    public IRecordStore Records => store;

    public bool IsInitialized => store.Get(GpowKeys.Single(GpowKeys.Params)) is not null;

    public GpowParams Params => _params ??= GpowParams.DecodeCached(store.Get(GpowKeys.Single(GpowKeys.Params)));

    public void SetParams(GpowParams value)
    {
        _params = value;
        store.Set(GpowKeys.Single(GpowKeys.Params), value.Encode());
    }

    /// <summary>Who may replace the policy and roots; null when genesis named nobody.</summary>
    public Address? Admin
    {
        get => store.Get(GpowKeys.Single(GpowKeys.Admin)) is { } b ? new Address(b) : null;
        set
        {
            if (value is { } admin)
            {
                store.Set(GpowKeys.Single(GpowKeys.Admin), admin.Bytes.ToArray());
            }
        }
    }

    public GpowTotals Totals
    {
        get => store.Get(GpowKeys.Single(GpowKeys.Totals)) is { } b ? GpowTotals.Decode(b) : new GpowTotals(0, 0, 0, 0);
        set => store.Set(GpowKeys.Single(GpowKeys.Totals), value.Encode());
    }

    public Cursors Cursors
    {
        get => store.Get(GpowKeys.Single(GpowKeys.Cursors)) is { } b ? Cursors.Decode(b) : new Cursors(0, 0, 0, 0, 0, 0);
        set => store.Set(GpowKeys.Single(GpowKeys.Cursors), value.Encode());
    }

    // ---- edges

    public EdgeRecord? GetEdge(in Address edge) => store.Get(GpowKeys.Of(GpowKeys.Edge, edge)) is { } b ? EdgeRecord.Decode(b) : null;

    public void SetEdge(in Address edge, EdgeRecord record) => store.Set(GpowKeys.Of(GpowKeys.Edge, edge), record.Encode());

    public ulong EdgeCount => ReadUInt64(GpowKeys.Single(GpowKeys.EdgeIndex));

    public Address EdgeAt(ulong index) => new(store.Get(GpowKeys.Of(GpowKeys.EdgeIndex, index)));

    public void AppendEdge(in Address edge)
    {
        var count = EdgeCount;
        store.Set(GpowKeys.Of(GpowKeys.EdgeIndex, count), edge.Bytes);
        WriteUInt64(GpowKeys.Single(GpowKeys.EdgeIndex), count + 1);
    }

    // ---- reports

    public WorkReport? GetReport(ulong epoch, in Address edge) =>
        store.Get(GpowKeys.Of(GpowKeys.Report, epoch, edge)) is { } b ? WorkReport.Decode(b) : null;

    public bool HasReport(ulong epoch, in Address edge) => store.Get(GpowKeys.Of(GpowKeys.Report, epoch, edge)) is not null;

    public void AddReport(ulong epoch, in Address edge, WorkReport report)
    {
        store.Set(GpowKeys.Of(GpowKeys.Report, epoch, edge), report.Encode());
        var count = ReporterCount(epoch);
        store.Set(GpowKeys.Of(GpowKeys.Reporters, epoch, count), edge.Bytes);
        WriteUInt64(GpowKeys.Of(GpowKeys.Reporters, epoch), count + 1);
    }

    public ulong ReporterCount(ulong epoch) => ReadUInt64(GpowKeys.Of(GpowKeys.Reporters, epoch));

    public Address ReporterAt(ulong epoch, ulong index) => new(store.Get(GpowKeys.Of(GpowKeys.Reporters, epoch, index)));

    // ---- assignment

    public Hash256? AssignmentSeed(ulong epoch) =>
        store.Get(GpowKeys.Of(GpowKeys.AssignmentSeed, epoch)) is { } b ? new Hash256(b) : null;

    public void SetAssignment(ulong epoch, in Hash256 seed, IReadOnlyList<Address> keepers)
    {
        store.Set(GpowKeys.Of(GpowKeys.AssignmentSeed, epoch), seed.Bytes);
        var items = new RlpItem[keepers.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = RlpItem.FromBytes(keepers[i].Bytes);
        }

        store.Set(GpowKeys.Of(GpowKeys.KeeperSnapshot, epoch), RlpCodec.Encode(RlpItem.FromList(items)));
    }

    /// <summary>The keepers eligible in <paramref name="epoch"/>, ascending by address.</summary>
    public Address[] KeeperSnapshot(ulong epoch)
    {
        if (store.Get(GpowKeys.Of(GpowKeys.KeeperSnapshot, epoch)) is not { } bytes)
        {
            return [];
        }

        var outer = new RlpReader(bytes);
        var list = outer.ReadList();
        var keepers = new List<Address>();
        while (list.HasMore)
        {
            keepers.Add(new Address(list.ReadBytes()));
        }

        return [.. keepers];
    }

    // ---- verdicts

    public List<Verdict> GetVerdicts(ulong epoch, in Address edge)
    {
        var verdicts = new List<Verdict>(4);
        if (store.Get(GpowKeys.Of(GpowKeys.Verdicts, epoch, edge)) is not { } bytes)
        {
            return verdicts;
        }

        var outer = new RlpReader(bytes);
        var list = outer.ReadList();
        while (list.HasMore)
        {
            var entry = list.ReadList();
            verdicts.Add(new Verdict(new Address(entry.ReadBytes()), (byte)entry.ReadUInt64(), (ushort)entry.ReadUInt64(),
                (uint)entry.ReadUInt64(), entry.ReadUInt64() != 0, (uint)entry.ReadUInt64()));
        }

        return verdicts;
    }

    public void SetVerdicts(ulong epoch, in Address edge, List<Verdict> verdicts)
    {
        var items = new RlpItem[verdicts.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var v = verdicts[i];
            items[i] = RlpItem.FromList(
                RlpItem.FromBytes(v.Keeper.Bytes), Int(v.IpClass), Int(v.IpChanges), Int(v.UploadMbps), Int(v.NatOpen ? 1UL : 0UL), Int(v.UptimePpm));
        }

        store.Set(GpowKeys.Of(GpowKeys.Verdicts, epoch, edge), RlpCodec.Encode(RlpItem.FromList(items)));
    }

    // ---- challenges

    public (Hash256 Seed, ulong Deadline)? ChallengeSeed(ulong epoch)
    {
        if (store.Get(GpowKeys.Of(GpowKeys.ChallengeSeed, epoch)) is not { } bytes)
        {
            return null;
        }

        var r = new RecordReader(bytes);
        var value = (r.Hash256(), r.UInt64());
        r.End();
        return value;
    }

    public void SetChallengeSeed(ulong epoch, in Hash256 seed, ulong deadline) =>
        store.Set(GpowKeys.Of(GpowKeys.ChallengeSeed, epoch), new RecordWriter().Add(seed).Add(deadline).ToArray());

    public bool IsAnswered(ulong epoch, in Address edge) => store.Get(GpowKeys.Of(GpowKeys.ChallengeAnswer, epoch, edge)) is not null;

    public void SetAnswered(ulong epoch, in Address edge) => store.Set(GpowKeys.Of(GpowKeys.ChallengeAnswer, epoch, edge), [1]);

    public bool IsComputeAnswered(ulong epoch, in Address edge) => store.Get(GpowKeys.Of(GpowKeys.ComputeAnswer, epoch, edge)) is not null;

    public void SetComputeAnswered(ulong epoch, in Address edge) => store.Set(GpowKeys.Of(GpowKeys.ComputeAnswer, epoch, edge), [1]);

    // ---- results, work, pools, claims

    public EdgeResult? GetResult(ulong epoch, in Address edge) =>
        store.Get(GpowKeys.Of(GpowKeys.Result, epoch, edge)) is { } b ? EdgeResult.Decode(b) : null;

    public void SetResult(ulong epoch, in Address edge, EdgeResult result) => store.Set(GpowKeys.Of(GpowKeys.Result, epoch, edge), result.Encode());

    /// <summary>The total score of a fully scored epoch; null while it is not scored.</summary>
    public UInt256? EpochScore(ulong epoch) =>
        store.Get(GpowKeys.Of(GpowKeys.EpochScore, epoch)) is { } b ? ReadSingle(b) : null;

    public void SetEpochScore(ulong epoch, in UInt256 total) => store.Set(GpowKeys.Of(GpowKeys.EpochScore, epoch), new RecordWriter().Add(total).ToArray());

    private static UInt256 ReadSingle(byte[] bytes)
    {
        var r = new RecordReader(bytes);
        var value = r.UInt256();
        r.End();
        return value;
    }

    public UInt256 KeeperWork(ulong epoch, in Address keeper) => ReadUInt256(GpowKeys.Of(GpowKeys.KeeperWork, epoch, keeper));

    public void AddKeeperWork(ulong epoch, in Address keeper, in UInt256 work)
    {
        var key = GpowKeys.Of(GpowKeys.KeeperWork, epoch, keeper);
        WriteUInt256(key, ReadUInt256(key) + work);
        var total = GpowKeys.Of(GpowKeys.TotalWork, epoch);
        WriteUInt256(total, ReadUInt256(total) + work);
    }

    public UInt256 TotalWork(ulong epoch) => ReadUInt256(GpowKeys.Of(GpowKeys.TotalWork, epoch));

    public PoolRecord? GetPool(ulong epoch) => store.Get(GpowKeys.Of(GpowKeys.Pool, epoch)) is { } b ? PoolRecord.Decode(b) : null;

    public void SetPool(ulong epoch, PoolRecord pool) => store.Set(GpowKeys.Of(GpowKeys.Pool, epoch), pool.Encode());

    public UInt256 Claimable(in Address edge) => ReadUInt256(GpowKeys.Of(GpowKeys.Claimable, edge));

    public void SetClaimable(in Address edge, in UInt256 amount) => WriteUInt256(GpowKeys.Of(GpowKeys.Claimable, edge), amount);

    // ---- plumbing

    private static RlpItem Int(ulong value) => RlpItem.FromBytes(((UInt256)value).ToBigEndianMinimal());

    private ulong ReadUInt64(byte[] key) => store.Get(key) is { } b ? (ulong)UInt256.FromBigEndian(b) : 0;

    private void WriteUInt64(byte[] key, ulong value) => store.Set(key, ((UInt256)value).ToBigEndianMinimal());

    private UInt256 ReadUInt256(byte[] key) => store.Get(key) is { } b ? UInt256.FromBigEndian(b) : UInt256.Zero;

    private void WriteUInt256(byte[] key, in UInt256 value)
    {
        if (value.IsZero)
        {
            store.Delete(key);
        }
        else
        {
            store.Set(key, value.ToBigEndianMinimal());
        }
    }
}
