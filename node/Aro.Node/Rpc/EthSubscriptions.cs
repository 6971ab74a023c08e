using Aro.Execution.Chain;
using Aro.JsonRpc.Subscriptions;
using Aro.Node.Chain;
using Aro.Node.Rpc.Dto;
using Microsoft.Extensions.Logging;

namespace Aro.Node.Rpc;

/// <summary>
/// The newHeads and logs subscription kinds, fed from <see cref="IChainReader.BlockCommitted"/>: one header
/// per committed block, then its logs in block order (the transactions' logs, then the hook logs). Blocks are
/// final once committed, so "removed" is never true.
/// </summary>
internal static class EthSubscriptions
{
    public const string NewHeads = "newHeads";
    public const string Logs = "logs";

    public static void Register(SubscriptionHub hub, IChainReader chain, ILogger logger)
    {
        hub.AddKind<BlockDto>(NewHeads);
        hub.AddKind<LogFilterRequest, LogDto>(Logs, static (filter, log) => filter is null || filter.Criteria.Matches(log));
        chain.BlockCommitted += (_, e) => OnBlockCommitted(hub, e, logger);
    }

    /// <summary>Runs on the committing thread: cheap when nobody listens, and never throws into block production.</summary>
    private static void OnBlockCommitted(SubscriptionHub hub, BlockCommittedEventArgs e, ILogger logger)
    {
        try
        {
            Publish(hub, e);
        }
#pragma warning disable CA1031 // A failing publish must not fail the commit that raised the event.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Publishing block {Number} to subscribers failed", e.Block.Number);
        }
    }

    internal static void Publish(SubscriptionHub hub, BlockCommittedEventArgs e)
    {
        var header = e.Block.Header;
        if (hub.HasSubscribers(NewHeads))
        {
            hub.Publish(NewHeads, BlockDto.Header(header));
        }

        if (!hub.HasSubscribers(Logs) || header.LogsBloom.IsEmpty)
        {
            return;
        }

        var txs = e.Block.Body.Transactions;
        var logIndex = 0;
        for (var i = 0; i < e.Receipts.Count && i < txs.Length; i++)
        {
            foreach (var log in e.Receipts[i].Logs)
            {
                hub.Publish(Logs, LogDto.Create(log, header, txs[i].Hash, i, logIndex++));
            }
        }

        if (e.BlockLogs.Count > 0)
        {
            var hooksHash = BlockLogs.TransactionHash(header.Hash);
            foreach (var log in e.BlockLogs)
            {
                hub.Publish(Logs, LogDto.Create(log, header, hooksHash, txs.Length, logIndex++));
            }
        }
    }
}
