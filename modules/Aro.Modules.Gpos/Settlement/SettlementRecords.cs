using Aro.Core;
using Aro.Modules.Gpos.State;

namespace Aro.Modules.Gpos.Settlement;

/// <summary>
/// The settlement of one epoch (<c>B0‖u64 epoch</c>): emission, fees, how they were split, and the slashes
/// applied in the epoch (read from the slasher's records <c>B2‖epoch</c> through <c>SlashingStore</c>, zero when there were none).
/// </summary>
public sealed record EpochSettlement(
    UInt256 Minted,
    UInt256 Fees,
    UInt256 KeeperPool,
    UInt256 EdgePool,
    UInt256 CommunityTax,
    UInt256 TotalSlashed,
    uint KeeperCount,
    uint SlashCount)
{
    internal byte[] Encode() => new RecordWriter()
        .Add(Minted).Add(Fees).Add(KeeperPool).Add(EdgePool).Add(CommunityTax).Add(TotalSlashed).Add(KeeperCount).Add(SlashCount)
        .ToArray();

    internal static EpochSettlement Decode(ReadOnlySpan<byte> record)
    {
        var r = new RecordReader(record);
        var value = new EpochSettlement(r.UInt256(), r.UInt256(), r.UInt256(), r.UInt256(), r.UInt256(), r.UInt256(), (uint)r.UInt64(), (uint)r.UInt64());
        r.End();
        return value;
    }
}

/// <summary>One keeper's line of an epoch settlement (<c>B1‖u64 epoch‖u32 i</c>, i in active-set order).</summary>
public sealed record KeeperSettlement(Address Keeper, UInt256 VotingPower, ulong BlocksSigned, UInt256 Commission, UInt256 DelegatorRewards)
{
    internal byte[] Encode() => new RecordWriter().Add(Keeper).Add(VotingPower).Add(BlocksSigned).Add(Commission).Add(DelegatorRewards).ToArray();

    internal static KeeperSettlement Decode(ReadOnlySpan<byte> record)
    {
        var r = new RecordReader(record);
        var value = new KeeperSettlement(r.Address(), r.UInt256(), r.UInt64(), r.UInt256(), r.UInt256());
        r.End();
        return value;
    }
}

/// <summary>Keys and typed reads of the settlement records; the layout is README §4 (S6).</summary>
internal static class SettlementRecords
{
    public static byte[] EpochKey(ulong epoch) => GposKeys.Of(GposKeys.EpochSettlement, epoch);

    public static byte[] KeeperKey(ulong epoch, uint index) => GposKeys.Of(GposKeys.KeeperSettlement, epoch, index);

    public static EpochSettlement? GetEpoch(IRecordStore store, ulong epoch) =>
        store.Get(EpochKey(epoch)) is { } stored ? EpochSettlement.Decode(stored) : null;

    public static KeeperSettlement? GetKeeper(IRecordStore store, ulong epoch, uint index) =>
        store.Get(KeeperKey(epoch, index)) is { } stored ? KeeperSettlement.Decode(stored) : null;
}
