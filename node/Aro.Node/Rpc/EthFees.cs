using System.Text.Json;
using Aro.Core;
using Aro.Core.Blocks;
using Aro.JsonRpc;
using Aro.Node.Chain;
using Aro.Node.Rpc.Dto;

namespace Aro.Node.Rpc;

/// <summary>
/// eth_gasPrice (next base fee + suggested tip), eth_maxPriorityFeePerGas (the suggested tip) and eth_feeHistory.
/// The suggested tip is a percentile of the effective tips paid in recent blocks, never below the floor.
/// </summary>
internal static class EthFees
{
    public static void Register(JsonRpcMethodRegistry registry, IChainReader chain, RpcOptions options)
    {
        var oracle = new TipOracle(chain, options);
        registry.AddSync("eth_maxPriorityFeePerGas", oracle.Suggest);
        registry.AddSync("eth_gasPrice", () => Fees.NextBaseFee(chain.Head, chain.Execution) + oracle.Suggest());
        registry.AddSync(
            "eth_feeHistory",
            (JsonElement blockCount, BlockParameter newest, double[]? percentiles) => History(chain, options, BlockCount(blockCount), newest, percentiles),
            requiredParams: 2);
    }

    public static UInt256 SuggestTip(IChainReader chain, RpcOptions options, ulong head)
    {
        var floor = options.MinSuggestedTip ?? chain.TxPool.Options.MinPriorityFee;
        var tips = new List<UInt256>();
        for (ulong i = 0; i < (ulong)options.TipSampleBlocks && i <= head; i++)
        {
            if (chain.Store.GetBlock(head - i) is not { } block)
            {
                break;
            }

            foreach (var tx in block.Body.Transactions)
            {
                tips.Add(Fees.EffectiveTip(tx, block.Header.BaseFeePerGas));
            }
        }

        if (tips.Count == 0)
        {
            return floor;
        }

        tips.Sort();
        var pick = tips[(tips.Count - 1) * options.TipPercentile / 100];
        return pick > floor ? pick : floor;
    }

    /// <summary>geth takes the count as a QUANTITY or a plain decimal number.</summary>
    private static ulong BlockCount(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out var number))
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            try
            {
                return value.Deserialize<ulong>(Aro.JsonRpc.Json.EthereumJson.Options);
            }
            catch (JsonException e)
            {
                throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, "invalid argument 0: " + e.Message);
            }
        }

        throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, "invalid argument 0: block count must be a QUANTITY or a non-negative integer");
    }

    private static FeeHistoryDto History(IChainReader chain, RpcOptions options, ulong count, BlockParameter newestBlock, double[]? percentiles)
    {
        CheckPercentiles(options, percentiles);
        var head = chain.Head.Number;
        var newest = newestBlock.Kind switch
        {
            BlockParameterKind.Number when newestBlock.Number > head => throw new JsonRpcException(
                JsonRpcErrorCodes.InvalidParams, $"request beyond head block: requested {newestBlock.Number}, head {head}"),
            _ => BlockResolver.Require(chain, newestBlock).Number,
        };

        if (count == 0)
        {
            return new FeeHistoryDto { OldestBlock = 0, BaseFeePerGas = [], GasUsedRatio = [] };
        }

        count = Math.Min(Math.Min(count, options.MaxFeeHistoryBlocks), newest + 1);
        var oldest = newest + 1 - count;
        var baseFees = new UInt256[count + 1];
        var ratios = new double[count];
        var rewards = percentiles is { Length: > 0 } ? new UInt256[count][] : null;
        BlockHeader? last = null;
        for (ulong i = 0; i < count; i++)
        {
            var block = chain.Store.GetBlock(oldest + i) ?? throw new JsonRpcException(JsonRpcErrorCodes.ServerError, "header not found");
            var header = block.Header;
            baseFees[i] = header.BaseFeePerGas;
            ratios[i] = header.GasLimit == 0 ? 0 : (double)header.GasUsed / header.GasLimit;
            if (rewards is not null)
            {
                rewards[i] = Rewards(block, chain.Store.GetReceipts(header.Number) ?? [], percentiles!);
            }

            last = header;
        }

        baseFees[count] = Fees.NextBaseFee(last!, chain.Execution);
        return new FeeHistoryDto { OldestBlock = oldest, Reward = rewards, BaseFeePerGas = baseFees, GasUsedRatio = ratios };
    }

    private static void CheckPercentiles(RpcOptions options, double[]? percentiles)
    {
        if (percentiles is null)
        {
            return;
        }

        if (percentiles.Length > options.MaxRewardPercentiles)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, $"invalid argument 2: at most {options.MaxRewardPercentiles} reward percentiles");
        }

        for (var i = 0; i < percentiles.Length; i++)
        {
            var p = percentiles[i];
            if (!(p >= 0 && p <= 100))
            {
                throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, FormattableString.Invariant($"invalid reward percentile: {p}"));
            }

            if (i > 0 && p <= percentiles[i - 1])
            {
                throw new JsonRpcException(
                    JsonRpcErrorCodes.InvalidParams, FormattableString.Invariant($"invalid reward percentile: #{i - 1}:{percentiles[i - 1]} >= #{i}:{p}"));
            }
        }
    }

    /// <summary>geth's rule: transactions sorted by tip, each weighted by its gas used; zeros for an empty block.</summary>
    private static UInt256[] Rewards(Block block, IReadOnlyList<Receipt> receipts, double[] percentiles)
    {
        var result = new UInt256[percentiles.Length];
        var txs = block.Body.Transactions;
        if (txs.Length == 0 || receipts.Count != txs.Length || block.Header.GasUsed == 0)
        {
            return result;
        }

        var sorted = new (UInt256 Tip, ulong Gas)[txs.Length];
        for (var i = 0; i < txs.Length; i++)
        {
            var gas = receipts[i].CumulativeGasUsed - (i == 0 ? 0 : receipts[i - 1].CumulativeGasUsed);
            sorted[i] = (Fees.EffectiveTip(txs[i], block.Header.BaseFeePerGas), gas);
        }

        Array.Sort(sorted, static (a, b) => a.Tip.CompareTo(b.Tip));
        var index = 0;
        var sum = sorted[0].Gas;
        for (var p = 0; p < percentiles.Length; p++)
        {
            var threshold = (ulong)(block.Header.GasUsed * percentiles[p] / 100);
            while (sum < threshold && index < sorted.Length - 1)
            {
                index++;
                sum += sorted[index].Gas;
            }

            result[p] = sorted[index].Tip;
        }

        return result;
    }

    /// <summary>The suggestion for the current head, computed once per head (wallets ask for it on every send).</summary>
    private sealed class TipOracle(IChainReader chain, RpcOptions options)
    {
        private volatile Suggestion? _last;

        public UInt256 Suggest()
        {
            var head = chain.Head;
            if (_last is { } last && last.Head == head.Hash)
            {
                return last.Tip;
            }

            var tip = SuggestTip(chain, options, head.Number);
            _last = new Suggestion(head.Hash, tip);
            return tip;
        }

        private sealed record Suggestion(Hash256 Head, UInt256 Tip);
    }
}
