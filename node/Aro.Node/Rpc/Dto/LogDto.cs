using System.Runtime.InteropServices;
using Aro.Core;
using Aro.Core.Blocks;

namespace Aro.Node.Rpc.Dto;

/// <summary>A log as receipts, eth_getLogs and the logs subscription carry it, in geth's field order.</summary>
internal sealed class LogDto
{
    public required Address Address { get; init; }

    public required IReadOnlyList<Hash256> Topics { get; init; }

    public required byte[] Data { get; init; }

    public required ulong BlockNumber { get; init; }

    public required Hash256 TransactionHash { get; init; }

    public required ulong TransactionIndex { get; init; }

    public required Hash256 BlockHash { get; init; }

    public required ulong BlockTimestamp { get; init; }

    /// <summary>The log's position among all logs of its block.</summary>
    public required ulong LogIndex { get; init; }

    /// <summary>Always false: finality is instant, blocks are never reorganised away.</summary>
    public bool Removed => false;

    public static LogDto Create(Log log, BlockHeader header, in Hash256 transactionHash, int transactionIndex, int logIndex) => new()
    {
        Address = log.Address,
        // The log's own array, not a copy: the logs subscription matches every published log against it.
        Topics = ImmutableCollectionsMarshal.AsArray(log.Topics) ?? [],
        Data = log.Data.ToArray(),
        BlockNumber = header.Number,
        TransactionHash = transactionHash,
        TransactionIndex = (ulong)transactionIndex,
        BlockHash = header.Hash,
        BlockTimestamp = header.Timestamp,
        LogIndex = (ulong)logIndex,
    };
}
