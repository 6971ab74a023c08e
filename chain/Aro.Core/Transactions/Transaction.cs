using System.Collections.Immutable;

namespace Aro.Core.Transactions;

/// <summary>
/// An immutable legacy, EIP-2930 or EIP-1559 transaction. Built by <see cref="TxDecoder"/> or the
/// factories below, which give each type exactly its own fields, so every instance has one canonical
/// encoding. The hash is derived from that encoding and cached; nothing hashed can change afterwards.
/// </summary>
public sealed class Transaction
{
    /// <summary>
    /// EIP-2294: the largest chain id, floor(2^64 / 2) − 36, so a legacy v (chainId·2 + 36) still fits in 64 bits.
    /// </summary>
    public const ulong MaxChainId = (ulong.MaxValue / 2) - 36;

    private readonly ReadOnlyMemory<byte> _data;

    // Written at most once with the same value; a reference write is atomic, so racing readers are safe.
    private HashBox? _hash;

    internal Transaction(
        TxType type,
        ulong? chainId,
        ulong nonce,
        UInt256 gasPrice,
        UInt256 maxPriorityFeePerGas,
        ulong gasLimit,
        Address? to,
        UInt256 value,
        ReadOnlyMemory<byte> ownedData,
        ImmutableArray<AccessListEntry> accessList,
        TxSignature? signature,
        Hash256? hash)
    {
        Type = type;
        ChainId = chainId;
        Nonce = nonce;
        GasPrice = gasPrice;
        MaxPriorityFeePerGas = maxPriorityFeePerGas;
        GasLimit = gasLimit;
        To = to;
        Value = value;
        _data = ownedData;
        AccessList = accessList.IsDefault ? [] : accessList;
        Signature = signature;
        _hash = hash is { } known ? new HashBox(known) : null;
    }

    public TxType Type { get; }

    /// <summary>Null only for a legacy transaction signed before EIP-155 (no replay protection).</summary>
    public ulong? ChainId { get; }

    public ulong Nonce { get; }

    /// <summary>Legacy and EIP-2930: the gas price. EIP-1559: the fee cap (max fee per gas).</summary>
    public UInt256 GasPrice { get; }

    /// <summary>EIP-1559's fee cap; for legacy and EIP-2930 the gas price, as EIP-1559 prices them.</summary>
    public UInt256 MaxFeePerGas => GasPrice;

    /// <summary>EIP-1559's tip cap; for legacy and EIP-2930 the gas price, as EIP-1559 prices them.</summary>
    public UInt256 MaxPriorityFeePerGas { get; }

    public ulong GasLimit { get; }

    /// <summary>Null for contract creation.</summary>
    public Address? To { get; }

    public UInt256 Value { get; }

    public ReadOnlyMemory<byte> Data => _data;

    /// <summary>Empty for legacy transactions.</summary>
    public ImmutableArray<AccessListEntry> AccessList { get; }

    /// <summary>Null until signed (see <see cref="TxSigner"/>).</summary>
    public TxSignature? Signature { get; }

    public bool IsContractCreation => To is null;

    /// <summary>The v the wire carries: 27/28 (pre-EIP-155), chainId·2 + 35/36 (EIP-155), or the y parity (typed).</summary>
    /// <exception cref="InvalidOperationException">The transaction is unsigned.</exception>
    public ulong V
    {
        get
        {
            var parity = RequireSignature().YParity;
            return Type != TxType.Legacy ? parity
                : ChainId is { } chainId ? (chainId * 2) + 35 + parity
                : 27UL + parity;
        }
    }

    /// <summary>keccak256 of the network encoding (type ‖ rlp for typed, rlp for legacy).</summary>
    /// <exception cref="InvalidOperationException">The transaction is unsigned.</exception>
    public Hash256 Hash
    {
        get
        {
            var box = _hash;
            if (box is null)
            {
                RequireSignature();
                box = new HashBox(TxEncoder.ComputeHash(this));
                _hash = box;
            }

            return box.Value;
        }
    }

    /// <summary>A legacy transaction; <paramref name="chainId"/> null signs without EIP-155 replay protection.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chainId"/> is above <see cref="MaxChainId"/>.</exception>
    public static Transaction Legacy(
        ulong? chainId, ulong nonce, UInt256 gasPrice, ulong gasLimit, Address? to, UInt256 value, ReadOnlySpan<byte> data) =>
        new(TxType.Legacy, CheckChainId(chainId), nonce, gasPrice, gasPrice, gasLimit, to, value, data.ToArray(), [], null, null);

    /// <summary>An EIP-2930 transaction.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chainId"/> is above <see cref="MaxChainId"/>.</exception>
    public static Transaction WithAccessList(
        ulong chainId, ulong nonce, UInt256 gasPrice, ulong gasLimit, Address? to, UInt256 value, ReadOnlySpan<byte> data,
        ImmutableArray<AccessListEntry> accessList) =>
        new(TxType.AccessList, CheckChainId(chainId), nonce, gasPrice, gasPrice, gasLimit, to, value, data.ToArray(), accessList, null, null);

    /// <summary>An EIP-1559 transaction.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chainId"/> is above <see cref="MaxChainId"/>.</exception>
    public static Transaction DynamicFee(
        ulong chainId, ulong nonce, UInt256 maxPriorityFeePerGas, UInt256 maxFeePerGas, ulong gasLimit, Address? to, UInt256 value,
        ReadOnlySpan<byte> data, ImmutableArray<AccessListEntry> accessList) =>
        new(TxType.DynamicFee, CheckChainId(chainId), nonce, maxFeePerGas, maxPriorityFeePerGas, gasLimit, to, value, data.ToArray(), accessList, null, null);

    /// <summary>The same transaction carrying <paramref name="signature"/> (the data buffer is shared: it is never written).</summary>
    public Transaction WithSignature(TxSignature signature) =>
        new(Type, ChainId, Nonce, GasPrice, MaxPriorityFeePerGas, GasLimit, To, Value, _data, AccessList, signature, null);

    internal TxSignature RequireSignature() =>
        Signature ?? throw new InvalidOperationException("The transaction is unsigned.");

    private static ulong? CheckChainId(ulong? chainId)
    {
        if (chainId > MaxChainId)
        {
            throw new ArgumentOutOfRangeException(nameof(chainId), chainId, $"Chain ids are at most {MaxChainId} (EIP-2294).");
        }

        return chainId;
    }

    private sealed class HashBox(Hash256 value)
    {
        public Hash256 Value { get; } = value;
    }
}
