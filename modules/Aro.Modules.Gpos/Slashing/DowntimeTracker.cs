using Aro.Core;
using Aro.Core.Blocks;
using Aro.Modules.Gpos.State;
using Aro.Modules.Gpos.ValidatorSet;

namespace Aro.Modules.Gpos.Slashing;

/// <summary>
/// Liveness (README §12, Cosmos x/slashing): in begin-block, for each member of the set that had to sign the
/// previous block, one bit of a rolling window of <c>signedBlocksWindow</c> bits records whether its precommit is
/// in the commit this block carries. A cached counter of missed bits is kept in step, so nothing is rescanned.
/// Once a key has been observed for a whole window and has missed more than <see cref="GposParams.MaxMissedBlocks"/>,
/// its keeper is slashed <c>slashFractionDowntimePpm</c> at the missed block, jailed for <c>jailEpochs</c>, and the
/// window restarts. Cost per block: O(set size) record reads and writes.
/// </summary>
/// <remarks>
/// A member counts as having signed when a signature of the commit recovers to its consensus address over the
/// commit's precommit sign bytes. Validator indices are not trusted: the set consensus ran with may order or
/// number its members differently from the epoch's set (<c>72</c>, by consensus address), and a wrong index
/// must not move one keeper's liveness or rewards to another. The same walk credits signed blocks for rewards
/// (S4), so liveness and rewards see one roster.
/// </remarks>
internal sealed class DowntimeTracker(StakingStore store, Slasher slasher)
{
    /// <summary>Records every member's bit for <paramref name="lastCommit"/>; <paramref name="signed"/> hears each member (keeper address) that signed.</summary>
    public void Track(Commit lastCommit, ulong chainId, Action<Address> signed)
    {
        var p = store.Params;
        var slashing = new SlashingStore(store.Records);
        var sets = new ValidatorSetStore(store.Records);
        var height = lastCommit.Height;
        var epoch = height / p.EpochBlocks;
        if (sets.Header(epoch) is not { } header)
        {
            return;
        }

        var signers = Signers(lastCommit, chainId);
        for (uint i = 0; i < header.Count; i++)
        {
            var member = sets.Member(epoch, i);
            var didSign = Array.BinarySearch(signers, member.ConsensusAddress) >= 0;
            if (didSign)
            {
                signed(member.Keeper);
            }

            Record(p, slashing, member, height, !didSign);
        }
    }

    /// <summary>The distinct addresses that signed <paramref name="commit"/>'s precommit, sorted; unrecoverable signatures are skipped.</summary>
    private static Address[] Signers(Commit commit, ulong chainId)
    {
        var digest = commit.SigningHash(chainId);
        var signatures = commit.Signatures;
        var signers = new Address[signatures.Length];
        var count = 0;
        for (var i = 0; i < signatures.Length; i++)
        {
            if (signatures[i].TryRecoverSigner(digest, out var signer))
            {
                signers[count++] = signer;
            }
        }

        Array.Resize(ref signers, count);
        Array.Sort(signers);
        return signers;
    }

    private void Record(GposParams p, SlashingStore slashing, in ConsensusValidator member, ulong height, bool missed)
    {
        var info = slashing.GetSigningInfo(member.ConsensusAddress) ?? new SigningInfo(height, 0, 0, 0, false);
        var position = info.IndexOffset % p.SignedBlocksWindow;
        var word = position / SlashingStore.BitsPerWord;
        var bit = (int)(position % SlashingStore.BitsPerWord);
        var bits = slashing.GetBitmapWord(member.ConsensusAddress, word);
        var mask = (byte)(1 << (bit % 8));
        var wasMissed = (bits[bit / 8] & mask) != 0;
        var counter = info.MissedCounter;
        if (missed != wasMissed)
        {
            bits[bit / 8] ^= mask;
            slashing.SetBitmapWord(member.ConsensusAddress, word, bits);
            counter = missed ? counter + 1 : counter - 1;
        }

        info = info with { IndexOffset = info.IndexOffset + 1, MissedCounter = counter };
        if (missed && info.IndexOffset >= p.SignedBlocksWindow && counter > p.MaxMissedBlocks)
        {
            var keeper = store.GetKeeper(member.Keeper) ?? throw new InvalidOperationException("validator set names a missing keeper");

            // A keeper already jailed (or tombstoned) in this epoch keeps missing until the set changes: one punishment.
            if (!keeper.Jailed && !keeper.Tombstoned)
            {
                slasher.Slash(member.Keeper, SlashReason.Downtime, height, p.SlashFractionDowntimePpm);
                slasher.Jail(member.Keeper, store.Epoch.Epoch + p.JailEpochs);
                info = slashing.GetSigningInfo(member.ConsensusAddress) ?? info;
            }

            slashing.ClearBitmap(member.ConsensusAddress, p.SignedBlocksWindow);
            info = info with { StartHeight = height + 1, IndexOffset = 0, MissedCounter = 0 };
        }

        slashing.SetSigningInfo(member.ConsensusAddress, info);
    }
}
