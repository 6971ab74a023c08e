using System.Buffers.Binary;
using Aro.Core;

namespace Aro.Modules.Gpow.State;

/// <summary>
/// Key layout of the module's records (README §4). One prefix byte per record kind; composite keys are
/// fixed-width (20-byte addresses, 8-byte big-endian numbers) so no two kinds or tuples collide.
/// </summary>
internal static class GpowKeys
{
    public const byte Params = 0x01;
    public const byte Totals = 0x02;
    public const byte Cursors = 0x03;
    public const byte Policy = 0x04;
    public const byte Roots = 0x05;
    public const byte Dev = 0x06;
    public const byte Admin = 0x07;

    public const byte Edge = 0x10;
    public const byte EdgeIndex = 0x11;

    public const byte Report = 0x20;
    public const byte Reporters = 0x21;

    public const byte AssignmentSeed = 0x30;
    public const byte KeeperSnapshot = 0x31;
    public const byte Verdicts = 0x32;

    public const byte ChallengeSeed = 0x40;
    public const byte ChallengeAnswer = 0x41;
    public const byte ComputeAnswer = 0x42;

    public const byte Result = 0x50;
    public const byte EpochScore = 0x51;
    public const byte KeeperWork = 0x52;
    public const byte TotalWork = 0x53;
    public const byte Pool = 0x54;
    public const byte Claimable = 0x55;

    public static byte[] Single(byte prefix) => [prefix];

    public static byte[] Of(byte prefix, in Address a) => [prefix, .. a.Bytes];

    public static byte[] Of(byte prefix, ulong n)
    {
        var key = new byte[9];
        key[0] = prefix;
        BinaryPrimitives.WriteUInt64BigEndian(key.AsSpan(1), n);
        return key;
    }

    public static byte[] Of(byte prefix, ulong n, ulong m)
    {
        var key = new byte[17];
        key[0] = prefix;
        BinaryPrimitives.WriteUInt64BigEndian(key.AsSpan(1), n);
        BinaryPrimitives.WriteUInt64BigEndian(key.AsSpan(9), m);
        return key;
    }

    /// <summary>prefix ‖ epoch ‖ address: per-epoch records of one account.</summary>
    public static byte[] Of(byte prefix, ulong epoch, in Address a)
    {
        var key = new byte[29];
        key[0] = prefix;
        BinaryPrimitives.WriteUInt64BigEndian(key.AsSpan(1), epoch);
        a.Bytes.CopyTo(key.AsSpan(9));
        return key;
    }
}
