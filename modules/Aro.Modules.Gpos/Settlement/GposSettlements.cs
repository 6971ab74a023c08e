using Aro.Core;
using Aro.Modules.Gpos.Rewards;
using Aro.Modules.Gpos.State;
using Aro.State.World;

namespace Aro.Modules.Gpos.Settlement;

/// <summary>
/// Read API over a world state for the node (<c>aro_getSettlement</c> and friends) and auditors: the
/// settlement records of an epoch, a keeper's line, pending rewards, and the storage keys to ask
/// <c>eth_getProof(0x…A120, [key])</c> for (the proof's slot is keccak256 of the key).
/// </summary>
public static class GposSettlements
{
    /// <summary>The settlement of <paramref name="epoch"/>, or null when it has not been settled.</summary>
    public static EpochSettlement? GetSettlement(WorldState world, ulong epoch) =>
        SettlementRecords.GetEpoch(Records(world), epoch);

    /// <summary>Every keeper line of <paramref name="epoch"/> in active-set order (empty when not settled).</summary>
    public static IReadOnlyList<KeeperSettlement> GetKeeperSettlements(WorldState world, ulong epoch)
    {
        var store = Records(world);
        var settlement = SettlementRecords.GetEpoch(store, epoch);
        if (settlement is null)
        {
            return [];
        }

        var lines = new KeeperSettlement[settlement.KeeperCount];
        for (uint i = 0; i < lines.Length; i++)
        {
            lines[i] = SettlementRecords.GetKeeper(store, epoch, i) ?? throw new InvalidOperationException($"settlement line {i} of epoch {epoch} missing");
        }

        return lines;
    }

    /// <summary>Rewards <paramref name="delegator"/> could claim from <paramref name="keeper"/> now.</summary>
    public static UInt256 PendingRewards(WorldState world, in Address delegator, in Address keeper) =>
        new DelegatorRewards(new StakingStore(Records(world)), static (_, _) => { }).Pending(delegator, keeper);

    /// <summary>The record key of the settlement of <paramref name="epoch"/> (<c>B0‖u64 epoch</c>).</summary>
    public static byte[] SettlementKey(ulong epoch) => SettlementRecords.EpochKey(epoch);

    /// <summary>The record key of line <paramref name="index"/> of <paramref name="epoch"/> (<c>B1‖u64 epoch‖u32 index</c>).</summary>
    public static byte[] KeeperSettlementKey(ulong epoch, uint index) => SettlementRecords.KeeperKey(epoch, index);

    /// <summary>Decodes a proven settlement record (the value eth_getProof returns for <see cref="SettlementKey"/>).</summary>
    public static EpochSettlement DecodeSettlement(ReadOnlySpan<byte> record) => EpochSettlement.Decode(record);

    // Reads only: WorldState.GetModuleStore hands out the store, and nothing here writes to it.
    private static WritableRecordStore Records(WorldState world)
    {
        ArgumentNullException.ThrowIfNull(world);
        return new WritableRecordStore(world.GetModuleStore(GposModule.Address));
    }
}
