using System.Collections.Immutable;
using Aro.Core.Transactions;

namespace Aro.Core.Blocks;

/// <summary>
/// A transaction's consensus receipt: type, outcome, cumulative gas used in the block, logs bloom and
/// logs — exactly what the receipts root commits to. Everything else an RPC receipt shows (gas used,
/// effective gas price, contract address, sender, indices) is derived from the block and its
/// transactions, so it is not stored. Immutable.
/// </summary>
public sealed class Receipt : IEquatable<Receipt>
{
    private Receipt(TxType type, byte? status, Hash256? postState, ulong cumulativeGasUsed, in Bloom bloom, ImmutableArray<Log> logs)
    {
        Type = type;
        Status = status;
        PostState = postState;
        CumulativeGasUsed = cumulativeGasUsed;
        Bloom = bloom;
        Logs = logs;
    }

    public TxType Type { get; }

    /// <summary>1 success, 0 failure (EIP-658). Null only for a pre-Byzantium Ethereum receipt, which carries <see cref="PostState"/> instead.</summary>
    public byte? Status { get; }

    /// <summary>
    /// The state root after the transaction, in pre-Byzantium Ethereum receipts only. Aro never
    /// produces these; they decode so Ethereum data re-encodes byte-exact.
    /// </summary>
    public Hash256? PostState { get; }

    public bool Succeeded => Status == 1;

    /// <summary>Gas used by this and every earlier transaction of the block.</summary>
    public ulong CumulativeGasUsed { get; }

    public Bloom Bloom { get; }

    public ImmutableArray<Log> Logs { get; }

    /// <summary>A receipt with an EIP-658 status; the bloom is computed from <paramref name="logs"/>.</summary>
    /// <exception cref="ArgumentException">An undefined transaction type.</exception>
    public static Receipt Create(TxType type, bool succeeded, ulong cumulativeGasUsed, ImmutableArray<Log> logs)
    {
        CheckType(type);
        logs = logs.IsDefault ? [] : logs;
        return new Receipt(type, succeeded ? (byte)1 : (byte)0, null, cumulativeGasUsed, Bloom.FromLogs(logs), logs);
    }

    /// <summary>A pre-Byzantium (post-state root) receipt, for Ethereum data and tools.</summary>
    public static Receipt CreateWithPostState(TxType type, in Hash256 postState, ulong cumulativeGasUsed, ImmutableArray<Log> logs)
    {
        CheckType(type);
        logs = logs.IsDefault ? [] : logs;
        return new Receipt(type, null, postState, cumulativeGasUsed, Bloom.FromLogs(logs), logs);
    }

    // The decoder keeps the bloom it read: the receipts root commits to those bytes. Whether it
    // matches the logs is a validation question (re-execution recomputes the receipts anyway).
    internal static Receipt FromDecoded(TxType type, byte? status, Hash256? postState, ulong cumulativeGasUsed, in Bloom bloom, ImmutableArray<Log> logs) =>
        new(type, status, postState, cumulativeGasUsed, bloom, logs);

    public bool Equals(Receipt? other) =>
        other is not null
        && Type == other.Type
        && Status == other.Status
        && PostState == other.PostState
        && CumulativeGasUsed == other.CumulativeGasUsed
        && Bloom == other.Bloom
        && Logs.AsSpan().SequenceEqual(other.Logs.AsSpan());

    public override bool Equals(object? obj) => Equals(obj as Receipt);

    public override int GetHashCode() => HashCode.Combine(Type, Status, CumulativeGasUsed, Logs.Length);

    internal static bool IsKnownType(TxType type) => type is TxType.Legacy or TxType.AccessList or TxType.DynamicFee;

    private static void CheckType(TxType type)
    {
        if (!IsKnownType(type))
        {
            throw new ArgumentException($"Unknown transaction type {(byte)type}.", nameof(type));
        }
    }
}
