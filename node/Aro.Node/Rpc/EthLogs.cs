using Aro.Core.Blocks;
using Aro.Execution.Chain;
using Aro.JsonRpc;
using Aro.Node.Chain;
using Aro.Node.Rpc.Dto;

namespace Aro.Node.Rpc;

/// <summary>
/// eth_getLogs over a block range or one block hash, with geth's range errors and two limits
/// (<see cref="RpcOptions.MaxLogBlockRange"/>, <see cref="RpcOptions.MaxLogResults"/>) answered with -32005.
/// Each block's header bloom is checked before its receipts are read. A block's hook logs follow its
/// transactions' logs (README: block logs).
/// </summary>
internal static class EthLogs
{
    public static void Register(JsonRpcMethodRegistry registry, IChainReader chain, RpcOptions options) =>
        registry.AddSync("eth_getLogs", (LogFilterRequest filter) => GetLogs(chain, options, filter));

    private static List<LogDto> GetLogs(IChainReader chain, RpcOptions options, LogFilterRequest request)
    {
        var filter = LogFilter.From(request);
        var results = new List<LogDto>();
        if (request.BlockHash is { } hash)
        {
            var header = BlockResolver.HeaderByHash(chain, hash) ?? throw new JsonRpcException(JsonRpcErrorCodes.ServerError, "unknown block");
            Collect(chain, options, filter, header, results);
            return results;
        }

        var head = chain.Head.Number;
        var from = Number(chain, request.FromBlock ?? BlockParameter.Latest, head);
        var to = Number(chain, request.ToBlock ?? BlockParameter.Latest, head);
        if (from > head || to > head)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, "block range extends beyond current head block");
        }

        if (from > to)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, "invalid block range params");
        }

        if (to - from >= options.MaxLogBlockRange)
        {
            throw new JsonRpcException(
                JsonRpcErrorCodes.LimitExceeded,
                $"exceed maximum block range: {options.MaxLogBlockRange} (asked for {to - from + 1} blocks)");
        }

        for (var number = from; number <= to; number++)
        {
            var header = chain.Store.GetHeader(number) ?? throw new JsonRpcException(JsonRpcErrorCodes.ServerError, "unknown block");
            Collect(chain, options, filter, header, results);
        }

        return results;
    }

    private static ulong Number(IChainReader chain, in BlockParameter block, ulong head) => block.Kind switch
    {
        BlockParameterKind.Earliest => 0,
        BlockParameterKind.Number => block.Number,
        BlockParameterKind.Hash => chain.Store.GetNumber(block.Hash) ?? throw new JsonRpcException(JsonRpcErrorCodes.ServerError, "unknown block"),
        _ => head,
    };

    private static void Collect(IChainReader chain, RpcOptions options, LogFilter filter, BlockHeader header, List<LogDto> results)
    {
        if (!filter.MayMatch(header.LogsBloom))
        {
            return;
        }

        var receipts = chain.Store.GetReceipts(header.Number) ?? [];
        Block? block = null;
        var logIndex = 0;
        for (var txIndex = 0; txIndex < receipts.Count; txIndex++)
        {
            foreach (var log in receipts[txIndex].Logs)
            {
                if (filter.Matches(log))
                {
                    CheckLimit(options, results);
                    block ??= chain.Store.GetBlock(header.Number) ?? throw new JsonRpcException(JsonRpcErrorCodes.ServerError, "unknown block");
                    results.Add(LogDto.Create(log, header, block.Body.Transactions[txIndex].Hash, txIndex, logIndex));
                }

                logIndex++;
            }
        }

        var blockLogs = chain.Store.GetBlockLogs(header.Number);
        if (blockLogs.Count == 0)
        {
            return;
        }

        var hooksHash = BlockLogs.TransactionHash(header.Hash);
        foreach (var log in blockLogs)
        {
            if (filter.Matches(log))
            {
                CheckLimit(options, results);
                results.Add(LogDto.Create(log, header, hooksHash, receipts.Count, logIndex));
            }

            logIndex++;
        }
    }

    private static void CheckLimit(RpcOptions options, List<LogDto> results)
    {
        if (results.Count == options.MaxLogResults)
        {
            throw new JsonRpcException(
                JsonRpcErrorCodes.LimitExceeded, $"query returned more than {options.MaxLogResults} results; narrow the block range or the filter");
        }
    }
}
