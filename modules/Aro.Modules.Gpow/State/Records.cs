using Aro.Core;

namespace Aro.Modules.Gpow.State;

/// <summary>
/// A registered edge node (key <c>10‖edge</c>). The declared resources live in the same record because every
/// work report reads it anyway (the report path is the hot one: no second record read per report).
/// </summary>
internal sealed record EdgeRecord(byte Kind, ulong ExpiresAt, UInt256 Bond, string Region, ulong RegisteredBlock, bool Left, ulong UnlockEpoch, uint Streak,
    DeclaredResources Declared)
{
    public byte[] Encode() => new RecordWriter().Add(Kind).Add(ExpiresAt).Add(Bond).Add(Region).Add(RegisteredBlock)
        .Add(Left).Add(UnlockEpoch).Add(Streak).Add(Declared.BandwidthMbps).Add(Declared.StorageGiB).Add(Declared.ComputeUnits).ToArray();

    public static EdgeRecord Decode(ReadOnlySpan<byte> bytes)
    {
        var r = new RecordReader(bytes);
        var record = new EdgeRecord((byte)r.UInt64(), r.UInt64(), r.UInt256(), r.String(), r.UInt64(), r.Bool(), r.UInt64(), (uint)r.UInt64(),
            new DeclaredResources((uint)r.UInt64(), (uint)r.UInt64(), r.UInt64()));
        r.End();
        return record;
    }
}

/// <summary>An edge node's own account of one epoch (key <c>20‖epoch‖edge</c>).</summary>
public sealed record WorkReport(ulong BandwidthBytes, ulong StorageBytes, ulong ComputeUnits, uint UptimePpm, Hash256 DataRoot, ulong ChunkCount)
{
    internal byte[] Encode() => new RecordWriter().Add(BandwidthBytes).Add(StorageBytes).Add(ComputeUnits).Add(UptimePpm)
        .Add(DataRoot).Add(ChunkCount).ToArray();

    internal static WorkReport Decode(ReadOnlySpan<byte> bytes)
    {
        var r = new RecordReader(bytes);
        var report = new WorkReport(r.UInt64(), r.UInt64(), r.UInt64(), (uint)r.UInt64(), r.Hash256(), r.UInt64());
        r.End();
        return report;
    }
}

/// <summary>One keeper's verdict on one edge node (an entry of <c>32‖epoch‖edge</c>).</summary>
public readonly record struct Verdict(Address Keeper, byte IpClass, ushort IpChanges, uint UploadMbps, bool NatOpen, uint UptimePpm)
{
    /// <summary>A keeper vouches for an edge node when it saw it online at all.</summary>
    public bool Vouches => UptimePpm > 0;
}

/// <summary>The outcome of one edge node's epoch (key <c>50‖epoch‖edge</c>).</summary>
public sealed record EdgeResult(UInt256 Score, UInt256 Reward, uint Verdicts, bool ChallengeFailed)
{
    internal byte[] Encode() => new RecordWriter().Add(Score).Add(Reward).Add(Verdicts).Add(ChallengeFailed).ToArray();

    internal static EdgeResult Decode(ReadOnlySpan<byte> bytes)
    {
        var r = new RecordReader(bytes);
        var result = new EdgeResult(r.UInt256(), r.UInt256(), (uint)r.UInt64(), r.Bool());
        r.End();
        return result;
    }
}

/// <summary>Wei held by purpose (key <c>02</c>); their sum is the module's balance.</summary>
public sealed record GpowTotals(UInt256 Bonds, UInt256 Pools, UInt256 Claimable, UInt256 Carry)
{
    public UInt256 Sum => Bonds + Pools + Claimable + Carry;

    internal byte[] Encode() => new RecordWriter().Add(Bonds).Add(Pools).Add(Claimable).Add(Carry).ToArray();

    internal static GpowTotals Decode(ReadOnlySpan<byte> bytes)
    {
        var r = new RecordReader(bytes);
        var totals = new GpowTotals(r.UInt256(), r.UInt256(), r.UInt256(), r.UInt256());
        r.End();
        return totals;
    }
}

/// <summary>
/// Progress of the paged epoch processing (key <c>03</c>): the epoch being scored, the next reporter to
/// score and the running total; the epoch being settled, the next reporter to pay and what was paid so far.
/// </summary>
internal sealed record Cursors(ulong ScoreEpoch, ulong ScoreIndex, UInt256 ScoreTotal, ulong SettleEpoch, ulong SettleIndex, UInt256 Distributed)
{
    public byte[] Encode() => new RecordWriter().Add(ScoreEpoch).Add(ScoreIndex).Add(ScoreTotal).Add(SettleEpoch).Add(SettleIndex)
        .Add(Distributed).ToArray();

    public static Cursors Decode(ReadOnlySpan<byte> bytes)
    {
        var r = new RecordReader(bytes);
        var cursors = new Cursors(r.UInt64(), r.UInt64(), r.UInt256(), r.UInt64(), r.UInt64(), r.UInt256());
        r.End();
        return cursors;
    }
}

/// <summary>The edge pool GPoS paid for an epoch (key <c>54‖epoch</c>) and whether it has been split.</summary>
internal sealed record PoolRecord(UInt256 Amount, bool Settled)
{
    public byte[] Encode() => new RecordWriter().Add(Amount).Add(Settled).ToArray();

    public static PoolRecord Decode(ReadOnlySpan<byte> bytes)
    {
        var r = new RecordReader(bytes);
        var pool = new PoolRecord(r.UInt256(), r.Bool());
        r.End();
        return pool;
    }
}
