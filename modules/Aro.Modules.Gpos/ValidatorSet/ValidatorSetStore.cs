using System.Collections.Immutable;
using Aro.Core;
using Aro.Execution.Chain;
using Aro.Modules.Gpos.State;

namespace Aro.Modules.Gpos.ValidatorSet;

/// <summary>
/// Historical validator sets (README §4, S3): <c>71‖u64 epoch → [setHash, count, totalPower]</c> and
/// <c>72‖u64 epoch‖u32 i → [keeper, consensusAddress, power]</c>, members by consensus address. Sets are
/// never deleted: slashing reads the power at an infraction height and auditors read old sets.
/// </summary>
internal readonly struct ValidatorSetStore(IRecordStore store)
{
    /// <summary>Wei per unit of consensus power (1 ARO).</summary>
    public static readonly UInt256 PowerReduction = UInt256.Parse("1000000000000000000");

    /// <summary>
    /// Consensus power of a member: ⌊stake / 10^18⌋, capped at ⌊(2^63 − 1) / maxValidators⌋ so the
    /// total of a full set fits a signed 64-bit integer (CometBFT's bound on total voting power).
    /// </summary>
    public static ulong ConsensusPower(in UInt256 stake, uint maxValidators)
    {
        var cap = (ulong)long.MaxValue / maxValidators;
        var power = stake / PowerReduction;
        return power > cap ? cap : (ulong)power;
    }

    /// <summary>Builds the set of <paramref name="epoch"/> from the chosen active set and stores it.</summary>
    public ConsensusValidatorSet Write(ulong epoch, IReadOnlyList<ActiveSetEntry> active, StakingStore staking, uint maxValidators)
    {
        var members = new List<ConsensusValidator>(active.Count);
        foreach (var entry in active)
        {
            var power = ConsensusPower(entry.Power, maxValidators);
            if (power == 0)
            {
                continue;
            }

            var keeper = staking.GetKeeper(entry.Keeper) ?? throw new InvalidOperationException("active set names a missing keeper");
            members.Add(new ConsensusValidator(entry.Keeper, Address.FromPublicKey(keeper.ConsensusKey), power));
        }

        // Consensus addresses are unique (13 index), so this order is total.
        members.Sort(static (a, b) => a.ConsensusAddress.CompareTo(b.ConsensusAddress));
        var forHash = new GenesisValidator[members.Count];
        ulong total = 0;
        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            total += m.Power;
            forHash[i] = new GenesisValidator(m.ConsensusAddress, [], m.Power);
            store.Set(GposKeys.Of(GposKeys.ValidatorSetMember, epoch, (uint)i), new RecordWriter().Add(m.Keeper).Add(m.ConsensusAddress).Add(m.Power).ToArray());
        }

        var hash = Aro.Execution.Chain.Genesis.ValidatorSetHash(forHash);
        store.Set(GposKeys.Of(GposKeys.ValidatorSet, epoch), new RecordWriter().Add(hash.Bytes).Add((ulong)members.Count).Add(total).ToArray());
        return new ConsensusValidatorSet(epoch, hash, total, [.. members]);
    }

    /// <summary>The set of <paramref name="epoch"/>, or null when none was recorded (before genesis, or a future epoch).</summary>
    public ConsensusValidatorSet? Read(ulong epoch)
    {
        var header = Header(epoch);
        if (header is not { } h)
        {
            return null;
        }

        var members = ImmutableArray.CreateBuilder<ConsensusValidator>((int)h.Count);
        for (uint i = 0; i < h.Count; i++)
        {
            members.Add(Member(epoch, i));
        }

        return new ConsensusValidatorSet(epoch, h.Hash, h.TotalPower, members.MoveToImmutable());
    }

    public (Hash256 Hash, uint Count, ulong TotalPower)? Header(ulong epoch)
    {
        var stored = store.Get(GposKeys.Of(GposKeys.ValidatorSet, epoch));
        if (stored is null)
        {
            return null;
        }

        var r = new RecordReader(stored);
        var hash = new Hash256(r.Bytes());
        var count = (uint)r.UInt64();
        var total = r.UInt64();
        r.End();
        return (hash, count, total);
    }

    public ConsensusValidator Member(ulong epoch, uint index)
    {
        var stored = store.Get(GposKeys.Of(GposKeys.ValidatorSetMember, epoch, index)) ?? throw new InvalidOperationException($"validator {index} of epoch {epoch} missing");
        var r = new RecordReader(stored);
        var member = new ConsensusValidator(r.Address(), r.Address(), r.UInt64());
        r.End();
        return member;
    }
}
