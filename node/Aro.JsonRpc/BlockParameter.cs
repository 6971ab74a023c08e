using System.Text.Json.Serialization;
using Aro.Core;
using Aro.JsonRpc.Json;

namespace Aro.JsonRpc;

/// <summary>Which block a block parameter names.</summary>
public enum BlockParameterKind
{
    /// <summary>The default, so a missing trailing block parameter means "latest" as the spec says.</summary>
    Latest = 0,
    Earliest,
    Pending,
    Safe,
    Finalized,
    Number,
    Hash,
}

/// <summary>
/// The block parameter of the execution API: a tag ("latest", "earliest", "pending", "safe",
/// "finalized"), a QUANTITY block number, a 32-byte block hash, or an EIP-1898 object
/// <c>{"blockNumber": q}</c> / <c>{"blockHash": h, "requireCanonical": b}</c>.
/// </summary>
[JsonConverter(typeof(BlockParameterJsonConverter))]
public readonly record struct BlockParameter
{
    private BlockParameter(BlockParameterKind kind, ulong number, Hash256 hash, bool requireCanonical)
    {
        Kind = kind;
        Number = number;
        Hash = hash;
        RequireCanonical = requireCanonical;
    }

    public static BlockParameter Latest => default;

    public static BlockParameter Earliest => new(BlockParameterKind.Earliest, 0, default, false);

    public static BlockParameter Pending => new(BlockParameterKind.Pending, 0, default, false);

    public static BlockParameter Safe => new(BlockParameterKind.Safe, 0, default, false);

    public static BlockParameter Finalized => new(BlockParameterKind.Finalized, 0, default, false);

    public BlockParameterKind Kind { get; }

    /// <summary>The block number when <see cref="Kind"/> is <see cref="BlockParameterKind.Number"/>.</summary>
    public ulong Number { get; }

    /// <summary>The block hash when <see cref="Kind"/> is <see cref="BlockParameterKind.Hash"/>.</summary>
    public Hash256 Hash { get; }

    /// <summary>EIP-1898: the hash must name a block on the canonical chain.</summary>
    public bool RequireCanonical { get; }

    public bool IsHash => Kind == BlockParameterKind.Hash;

    public static BlockParameter FromNumber(ulong number) => new(BlockParameterKind.Number, number, default, false);

    public static BlockParameter FromHash(Hash256 hash, bool requireCanonical = false) =>
        new(BlockParameterKind.Hash, 0, hash, requireCanonical);

    public override string ToString() => Kind switch
    {
        BlockParameterKind.Number => "0x" + Number.ToString("x", System.Globalization.CultureInfo.InvariantCulture),
        BlockParameterKind.Hash => Hash.ToString(),
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
