using System.Buffers.Binary;
using Aro.Core;

namespace Aro.Modules.Gpos.State;

/// <summary>
/// Key layout of the module's records (README "State"). One prefix byte per record kind, grouped
/// by 16s per concern; composite keys are fixed-width (20-byte addresses, 8-byte big-endian numbers)
/// so no two kinds or tuples can encode to the same bytes. The prefixes of the later slices
/// (stake limit, historical sets, F1, slashing, settlement) are reserved in README §4.
/// </summary>
internal static class GposKeys
{
    public const byte Params = 0x01;
    public const byte EpochState = 0x02;
    public const byte Totals = 0x03;
    public const byte Minted = 0x04;

    /// <summary>S5: total wei burnt by slashes (supply = genesis + minted − burned).</summary>
    public const byte Burned = 0x05;

    public const byte Keeper = 0x10;
    public const byte KeeperIndex = 0x11;
    public const byte ConsensusAddress = 0x13;

    public const byte Delegation = 0x20;
    public const byte KeeperDelegators = 0x21;
    public const byte DelegatorKeepers = 0x22;

    public const byte Unbonding = 0x30;
    public const byte UnbondingQueue = 0x31;
    public const byte UnbondingEntryCount = 0x32;

    public const byte Redelegation = 0x40;
    public const byte RedelegationQueue = 0x41;
    public const byte IncomingRedelegationCount = 0x42;

    public const byte Withdrawable = 0x50;

    public const byte KeeperUnbondingQueue = 0x60;

    public const byte ActiveSet = 0x70;

    // ---- S3 validator sets per epoch
    public const byte ValidatorSet = 0x71;
    public const byte ValidatorSetMember = 0x72;

    // ---- S2 stake limit
    public const byte StakeLimit = 0x80;
    public const byte EpochStakeLimits = 0x81;

    // ---- S4 rewards
    public const byte KeeperRewards = 0x90;
    public const byte BlocksSigned = 0x91;
    public const byte DelegationRewardStart = 0x92;
    public const byte RewardTotals = 0x94;

    // ---- S5 slashing
    public const byte KeeperUnbondings = 0x33;
    public const byte SourceRedelegations = 0x43;
    public const byte SigningInfo = 0xA0;
    public const byte MissedBitmap = 0xA1;
    public const byte HandledEvidence = 0xA2;

    // ---- S6 settlement (B2 is written by the slasher, read by settlement: one layout, SlashingStore)
    public const byte EpochSettlement = 0xB0;
    public const byte KeeperSettlement = 0xB1;
    public const byte EpochSlashes = 0xB2;
    public const byte AccountClaims = 0xB3;

    public static byte[] Single(byte prefix) => [prefix];

    public static byte[] Of(byte prefix, in Address a) => [prefix, .. a.Bytes];

    public static byte[] Of(byte prefix, in Address a, in Address b) => [prefix, .. a.Bytes, .. b.Bytes];

    public static byte[] Of(byte prefix, in Address a, ulong n)
    {
        var key = new byte[1 + Address.Size + 8];
        key[0] = prefix;
        a.Bytes.CopyTo(key.AsSpan(1));
        BinaryPrimitives.WriteUInt64BigEndian(key.AsSpan(1 + Address.Size), n);
        return key;
    }

    public static byte[] Of(byte prefix, ulong n, uint i)
    {
        var key = new byte[13];
        key[0] = prefix;
        BinaryPrimitives.WriteUInt64BigEndian(key.AsSpan(1), n);
        BinaryPrimitives.WriteUInt32BigEndian(key.AsSpan(9), i);
        return key;
    }

    public static byte[] Of(byte prefix, in Hash256 h) => [prefix, .. h.Bytes];

    public static byte[] Of(byte prefix, ulong n)
    {
        var key = new byte[9];
        key[0] = prefix;
        BinaryPrimitives.WriteUInt64BigEndian(key.AsSpan(1), n);
        return key;
    }
}
