using Aro.Core;

namespace Aro.Execution.TxPool;

/// <summary>Limits and policy of a <see cref="TxPool"/>. The defaults are documented in README.md.</summary>
public sealed record TxPoolOptions
{
    /// <summary>The chain id every EIP-155 or typed transaction must carry.</summary>
    public required ulong ChainId { get; init; }

    /// <summary>Pending plus queued transactions the pool holds at most.</summary>
    public int MaxPoolSize { get; init; } = 10_000;

    /// <summary>Pending plus queued transactions one sender may hold at most.</summary>
    public int MaxPerSender { get; init; } = 64;

    /// <summary>The largest network encoding accepted, in bytes (geth: 4 slots of 32 KiB).</summary>
    public int MaxTxSize { get; init; } = 128 * 1024;

    /// <summary>The lowest max fee per gas accepted (the chain's minimum gas price).</summary>
    public UInt256 MinGasPrice { get; init; } = UInt256.Zero;

    /// <summary>The lowest max priority fee per gas accepted (geth's --txpool.pricelimit, 1 wei).</summary>
    public UInt256 MinPriorityFee { get; init; } = UInt256.One;

    /// <summary>How much a replacement must raise both fee caps, in percent of the old ones.</summary>
    public uint PriceBumpPercent { get; init; } = 10;

    /// <summary>Transactions with a larger gas limit can never be included and are refused.</summary>
    public ulong BlockGasLimit { get; init; } = 30_000_000;

    /// <summary>The base fee of the next block at start-up; <see cref="TxPool.OnNewHead"/> replaces it.</summary>
    public UInt256 BaseFee { get; init; } = UInt256.Zero;

    /// <summary>
    /// Accept legacy transactions without EIP-155 replay protection. Off by default, as in geth's RPC:
    /// such a transaction signed for another chain replays here.
    /// </summary>
    public bool AllowUnprotectedTxs { get; init; }

    internal void Validate()
    {
        if (MaxPoolSize < 1 || MaxPerSender < 1 || MaxTxSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxPoolSize), "Pool size, per-sender limit and tx size must be positive.");
        }

        if (ChainId > Core.Transactions.Transaction.MaxChainId)
        {
            throw new ArgumentOutOfRangeException(nameof(ChainId), ChainId, "Chain id above the EIP-2294 bound.");
        }
    }
}
