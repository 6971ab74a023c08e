using Aro.Modules.Gpos.State;

namespace Aro.Modules.Gpos.Slashing;

/// <summary>
/// Liveness of one consensus key (<c>A0‖consensusAddress</c>): the height its current window started,
/// how many blocks it has been observed for since (the bitmap position is <c>IndexOffset mod window</c>),
/// the cached count of set bits in the bitmap (never rescanned), and its jail state.
/// </summary>
internal sealed record SigningInfo(ulong StartHeight, ulong IndexOffset, ulong MissedCounter, ulong JailedUntilEpoch, bool Tombstoned)
{
    public byte[] Encode() => new RecordWriter().Add(StartHeight).Add(IndexOffset).Add(MissedCounter).Add(JailedUntilEpoch).Add(Tombstoned).ToArray();

    public static SigningInfo Decode(ReadOnlySpan<byte> record)
    {
        var r = new RecordReader(record);
        var info = new SigningInfo(r.UInt64(), r.UInt64(), r.UInt64(), r.UInt64(), r.Bool());
        r.End();
        return info;
    }
}
