using System.Text.Json.Serialization;
using Aro.Core;
using Aro.Core.Blocks;
using Aro.Core.Transactions;

namespace Aro.Node.Rpc.Dto;

/// <summary>
/// A transaction object as eth_getTransactionByHash and full blocks answer it, in geth's field order.
/// Pending transactions have null block fields; typed ones add accessList, chainId and yParity; fee-market
/// ones add maxFeePerGas and maxPriorityFeePerGas; a replay-protected legacy transaction adds chainId.
/// </summary>
internal sealed class TransactionDto
{
    public Hash256? BlockHash { get; init; }

    public ulong? BlockNumber { get; init; }

    public ulong? BlockTimestamp { get; init; }

    public required Address From { get; init; }

    public required ulong Gas { get; init; }

    /// <summary>The effective price: at the block's base fee once mined, at the next block's while pending (as geth).</summary>
    public required UInt256 GasPrice { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public UInt256? MaxFeePerGas { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public UInt256? MaxPriorityFeePerGas { get; init; }

    public required Hash256 Hash { get; init; }

    public required byte[] Input { get; init; }

    public required ulong Nonce { get; init; }

    public required Address? To { get; init; }

    public ulong? TransactionIndex { get; init; }

    public required UInt256 Value { get; init; }

    public required ulong Type { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AccessListDto>? AccessList { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ulong? ChainId { get; init; }

    public required ulong V { get; init; }

    public required UInt256 R { get; init; }

    public required UInt256 S { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ulong? YParity { get; init; }

    public static TransactionDto Mined(Transaction tx, BlockHeader header, int index) =>
        Create(tx, TxSender.Recover(tx), header, header.BaseFeePerGas, index);

    public static TransactionDto Pending(Transaction tx, Address sender, in UInt256 nextBaseFee) => Create(tx, sender, null, nextBaseFee, 0);

    private static TransactionDto Create(Transaction tx, Address sender, BlockHeader? header, in UInt256 baseFee, int index)
    {
        var signature = tx.Signature ?? throw new ArgumentException("A transaction on the wire is signed.", nameof(tx));
        var typed = tx.Type != TxType.Legacy;
        var feeMarket = tx.Type == TxType.DynamicFee;
        return new TransactionDto
        {
            BlockHash = header?.Hash,
            BlockNumber = header?.Number,
            BlockTimestamp = header?.Timestamp,
            From = sender,
            Gas = tx.GasLimit,
            GasPrice = tx.MaxFeePerGas < baseFee ? tx.MaxFeePerGas : Fees.EffectiveGasPrice(tx, baseFee),
            MaxFeePerGas = feeMarket ? tx.MaxFeePerGas : null,
            MaxPriorityFeePerGas = feeMarket ? tx.MaxPriorityFeePerGas : null,
            Hash = tx.Hash,
            Input = tx.Data.ToArray(),
            Nonce = tx.Nonce,
            To = tx.To,
            TransactionIndex = header is null ? null : (ulong)index,
            Value = tx.Value,
            Type = (ulong)tx.Type,
            AccessList = typed ? AccessListDto.From(tx.AccessList) : null,
            ChainId = tx.ChainId,
            V = tx.V,
            R = signature.R,
            S = signature.S,
            YParity = typed ? signature.YParity : null,
        };
    }
}

/// <summary>One EIP-2930 access list entry.</summary>
internal sealed record AccessListDto(Address Address, IReadOnlyList<Hash256> StorageKeys)
{
    public static AccessListDto[] From(System.Collections.Immutable.ImmutableArray<AccessListEntry> entries)
    {
        var result = new AccessListDto[entries.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new AccessListDto(entries[i].Address, entries[i].StorageKeys);
        }

        return result;
    }
}
