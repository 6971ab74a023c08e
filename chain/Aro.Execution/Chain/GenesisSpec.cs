using Aro.Core;
using Aro.Core.Crypto;
using System.Collections.Immutable;
using System.Text.Json;

namespace Aro.Execution.Chain;

/// <summary>
/// The genesis of a chain, as read from a genesis JSON file (see genesis/SCHEMA.md). Immutable; a
/// spec built in code should go through <see cref="Parse"/> of its own <see cref="ToJson"/> to be
/// validated. Alloc is kept sorted by address, module sections by name, so iteration is deterministic.
/// </summary>
public sealed class GenesisSpec
{
    public required ulong ChainId { get; init; }

    /// <summary>Unix seconds of the genesis block.</summary>
    public required ulong Timestamp { get; init; }

    public required ulong GasLimit { get; init; }

    /// <summary>Base fee of block 1's parent (the genesis header's value).</summary>
    public required UInt256 BaseFeePerGas { get; init; }

    /// <summary>Floor the base fee never goes below.</summary>
    public required UInt256 MinBaseFeePerGas { get; init; }

    /// <summary>Pre-funded accounts in ascending address order, no duplicates.</summary>
    public required ImmutableArray<GenesisAccount> Alloc { get; init; }

    /// <summary>The initial validator set in file order (the hash sorts them by address).</summary>
    public required ImmutableArray<GenesisValidator> Validators { get; init; }

    /// <summary>Module name → its raw JSON section, validated by the module that owns it.</summary>
    public required ImmutableSortedDictionary<string, JsonElement> Modules { get; init; }

    /// <summary>Parses and validates a genesis document.</summary>
    /// <exception cref="GenesisException">Malformed JSON, an unknown or missing field, or an invalid value.</exception>
    public static GenesisSpec Parse(string json) => GenesisJsonReader.Read(json);

    /// <summary>Reads and validates a genesis file.</summary>
    /// <exception cref="GenesisException">As <see cref="Parse"/>, or the file cannot be read.</exception>
    public static GenesisSpec Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GenesisException("$", $"cannot read {path}: {e.Message}", e);
        }

        return Parse(json);
    }

    /// <summary>The canonical indented document: fixed field order, alloc by address, modules and their objects by key.</summary>
    public string ToJson() => GenesisJsonWriter.Write(this, indented: true);

    /// <summary>keccak256 of the canonical compact document: commits to every field, module sections included.</summary>
    public Hash256 ComputeHash() => Keccak256.Hash(System.Text.Encoding.UTF8.GetBytes(GenesisJsonWriter.Write(this, indented: false)));
}
