using System.Buffers.Binary;
using Aro.Core;

namespace Aro.Execution.Chain;

/// <summary>
/// Key layout of the chain store (README.md has the table). Numbers are 8-byte big-endian so keys
/// sort by height; one-byte prefixes separate the record kinds sharing a column. Persisted: add
/// prefixes, never change one.
/// </summary>
internal static class ChainKeys
{
    /// <summary>headers: 'n' ‖ number → header RLP.</summary>
    public const byte HeaderByNumber = (byte)'n';

    /// <summary>headers: 'h' ‖ hash → number.</summary>
    public const byte NumberByHash = (byte)'h';

    /// <summary>receipts: 'b' ‖ number → the block's hook logs (absent when it has none).</summary>
    public const byte BlockLogsByNumber = (byte)'b';

    /// <summary>tx_index: 'e' ‖ height ‖ round ‖ vote type ‖ validator → number of the block that committed evidence of that double-sign.</summary>
    public const byte EvidenceByInfraction = (byte)'e';

    /// <summary>1 + 8 + 4 + 1 + 20 bytes: never 32, so it cannot be a transaction hash.</summary>
    public const int EvidenceKeyLength = 1 + sizeof(ulong) + sizeof(uint) + 1 + Address.Size;

    public const int NumberKeyLength = 1 + sizeof(ulong);

    public const int HashKeyLength = 1 + Hash256.Size;

    /// <summary>tx_index value: number ‖ index (big-endian 8 + 4 bytes).</summary>
    public const int TxLocationLength = sizeof(ulong) + sizeof(uint);

    /// <summary>metadata: genesis block hash (32 bytes).</summary>
    public static ReadOnlySpan<byte> Genesis => "genesis"u8;

    /// <summary>metadata: head number ‖ head hash (8 + 32 bytes).</summary>
    public static ReadOnlySpan<byte> Head => "head"u8;

    /// <summary>metadata: RLP of the commit for the head block ("seen commit"); absent if none.</summary>
    public static ReadOnlySpan<byte> HeadCommit => "headCommit"u8;

    public static void Number(Span<byte> destination, byte prefix, ulong number)
    {
        destination[0] = prefix;
        BinaryPrimitives.WriteUInt64BigEndian(destination[1..], number);
    }

    public static byte[] Number(ulong number)
    {
        var key = new byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64BigEndian(key, number);
        return key;
    }

    /// <summary>The infraction a piece of evidence proves (validator, height, round, type), whichever vote pair proves it.</summary>
    public static void Evidence(Span<byte> destination, Aro.Core.Blocks.DuplicateVoteEvidence evidence)
    {
        destination[0] = EvidenceByInfraction;
        BinaryPrimitives.WriteUInt64BigEndian(destination[1..], evidence.Height);
        BinaryPrimitives.WriteUInt32BigEndian(destination[9..], evidence.Round);
        destination[13] = (byte)evidence.Type;
        evidence.Validator.Bytes.CopyTo(destination[14..]);
    }

    public static void Hash(Span<byte> destination, byte prefix, in Hash256 hash)
    {
        destination[0] = prefix;
        hash.Bytes.CopyTo(destination[1..]);
    }
}
