using System.Text.Json.Serialization;
using Aro.Core;

namespace Aro.Node.Rpc.Dto;

/// <summary>eth_feeHistory's answer; reward is left out when no percentiles were asked for, as geth does.</summary>
internal sealed class FeeHistoryDto
{
    public required ulong OldestBlock { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<UInt256[]>? Reward { get; init; }

    /// <summary>One entry per block and one more: the base fee of the block after the newest.</summary>
    public required IReadOnlyList<UInt256> BaseFeePerGas { get; init; }

    /// <summary>gasUsed / gasLimit per block. A display value only, never near consensus, so a double is fine.</summary>
    public required IReadOnlyList<double> GasUsedRatio { get; init; }
}
