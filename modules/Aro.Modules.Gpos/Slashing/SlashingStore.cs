using Aro.Core;
using Aro.Modules.Gpos.State;

namespace Aro.Modules.Gpos.Slashing;

/// <summary>Typed access to the S5 records (README §4): signing infos, missed bitmaps, handled evidence, burnt total, slash records, entry indexes.</summary>
internal readonly struct SlashingStore(IRecordStore store)
{
    public const int BitsPerWord = 256;

    public UInt256 Burned
    {
        get
        {
            var stored = store.Get(GposKeys.Single(GposKeys.Burned));
            if (stored is null)
            {
                return UInt256.Zero;
            }

            var r = new RecordReader(stored);
            var burned = r.UInt256();
            r.End();
            return burned;
        }

        set => store.Set(GposKeys.Single(GposKeys.Burned), new RecordWriter().Add(value).ToArray());
    }

    public IdIndex KeeperUnbondings(in Address keeper) => new(store, [GposKeys.KeeperUnbondings, .. keeper.Bytes]);

    public IdIndex SourceRedelegations(in Address source) => new(store, [GposKeys.SourceRedelegations, .. source.Bytes]);

    public SigningInfo? GetSigningInfo(in Address consensusAddress)
    {
        var stored = store.Get(GposKeys.Of(GposKeys.SigningInfo, consensusAddress));
        return stored is null ? null : SigningInfo.Decode(stored);
    }

    public void SetSigningInfo(in Address consensusAddress, SigningInfo info) =>
        store.Set(GposKeys.Of(GposKeys.SigningInfo, consensusAddress), info.Encode());

    /// <summary>One 256-bit word of the missed-blocks bitmap; bit b of the word is byte b/8, mask 1 &lt;&lt; (b mod 8). Absent = all signed.</summary>
    public byte[] GetBitmapWord(in Address consensusAddress, ulong word) =>
        store.Get(GposKeys.Of(GposKeys.MissedBitmap, consensusAddress, word)) ?? new byte[BitsPerWord / 8];

    public void SetBitmapWord(in Address consensusAddress, ulong word, byte[] bits)
    {
        var key = GposKeys.Of(GposKeys.MissedBitmap, consensusAddress, word);
        if (bits.AsSpan().IndexOfAnyExcept((byte)0) < 0)
        {
            store.Delete(key);
        }
        else
        {
            store.Set(key, bits);
        }
    }

    public void ClearBitmap(in Address consensusAddress, ulong window)
    {
        var words = (window + BitsPerWord - 1) / BitsPerWord;
        for (ulong w = 0; w < words; w++)
        {
            store.Delete(GposKeys.Of(GposKeys.MissedBitmap, consensusAddress, w));
        }
    }

    public bool IsEvidenceHandled(in Hash256 evidenceHash) => store.Get(GposKeys.Of(GposKeys.HandledEvidence, evidenceHash)) is not null;

    public void SetEvidenceHandled(in Hash256 evidenceHash, ulong height) =>
        store.Set(GposKeys.Of(GposKeys.HandledEvidence, evidenceHash), IndexedAddressSet.Number(height));

    /// <summary><c>B2‖u64 epoch → [count, totalSlashed]</c>: the settlement slice reads it when it writes the epoch's record.</summary>
    public (uint Count, UInt256 Total) EpochSlashes(ulong epoch)
    {
        var stored = store.Get(GposKeys.Of(GposKeys.EpochSlashes, epoch));
        if (stored is null)
        {
            return (0, UInt256.Zero);
        }

        var r = new RecordReader(stored);
        var result = ((uint)r.UInt64(), r.UInt256());
        r.End();
        return result;
    }

    public SlashRecord EpochSlash(ulong epoch, uint index)
    {
        var stored = store.Get(GposKeys.Of(GposKeys.EpochSlashes, epoch, index)) ?? throw new InvalidOperationException($"slash {index} of epoch {epoch} missing");
        var r = new RecordReader(stored);
        var record = new SlashRecord(r.Address(), (SlashReason)r.UInt64(), r.UInt64(), r.UInt256());
        r.End();
        return record;
    }

    public void AppendSlash(ulong epoch, SlashRecord slash)
    {
        var (count, total) = EpochSlashes(epoch);
        store.Set(
            GposKeys.Of(GposKeys.EpochSlashes, epoch, count),
            new RecordWriter().Add(slash.Keeper).Add((ulong)slash.Reason).Add(slash.InfractionHeight).Add(slash.Amount).ToArray());
        store.Set(GposKeys.Of(GposKeys.EpochSlashes, epoch), new RecordWriter().Add((ulong)count + 1).Add(total + slash.Amount).ToArray());
    }
}

/// <summary>One slash as recorded for settlement: <c>B2‖u64 epoch‖u32 i → [keeper, reason, infractionHeight, amount]</c>.</summary>
public readonly record struct SlashRecord(Address Keeper, SlashReason Reason, ulong InfractionHeight, UInt256 Amount);
