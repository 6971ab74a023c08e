using Aro.Core;

namespace Aro.Node.Rpc;

/// <summary>Limits and defaults of the eth_ methods (the transport's own limits are in JsonRpcServerOptions).</summary>
internal sealed record RpcOptions
{
    /// <summary>eth_getLogs: the most blocks one query may span (-32005 beyond it).</summary>
    public ulong MaxLogBlockRange { get; init; } = 10_000;

    /// <summary>eth_getLogs: the most logs one query may return (-32005 beyond it).</summary>
    public int MaxLogResults { get; init; } = 10_000;

    /// <summary>eth_feeHistory: more blocks are clamped to this, as geth does.</summary>
    public ulong MaxFeeHistoryBlocks { get; init; } = 1024;

    /// <summary>eth_feeHistory: the most reward percentiles one query may ask for.</summary>
    public int MaxRewardPercentiles { get; init; } = 100;

    /// <summary>eth_call / eth_estimateGas: the gas a simulated call may use at most (geth's RPCGasCap).</summary>
    public ulong GasCap { get; init; } = 50_000_000;

    /// <summary>How many recent blocks the tip suggestion looks at.</summary>
    public int TipSampleBlocks { get; init; } = 20;

    /// <summary>The percentile of recent effective tips suggested (geth's oracle uses 60).</summary>
    public int TipPercentile { get; init; } = 60;

    /// <summary>The lowest tip ever suggested; null takes the pool's minimum priority fee.</summary>
    public UInt256? MinSuggestedTip { get; init; }

    /// <summary>net_peerCount: the host wires the network's count here; a node without peers answers 0.</summary>
    public Func<int> PeerCount { get; init; } = static () => 0;

    public void Validate()
    {
        if (MaxLogBlockRange == 0 || MaxLogResults <= 0 || MaxFeeHistoryBlocks == 0 || MaxRewardPercentiles <= 0 || GasCap == 0
            || TipSampleBlocks <= 0 || TipPercentile is < 0 or > 100)
        {
            throw new ArgumentException("RPC limits must be positive and the tip percentile within 0..100.");
        }
    }
}
