using Aro.Core;
using Aro.JsonRpc;
using Aro.JsonRpc.Subscriptions;
using Aro.Node.Chain;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aro.Node.Rpc;

/// <summary>
/// The node's JSON-RPC surface: registers every web3_, net_, eth_ and aro_ method and subscription
/// kind over one <see cref="IChainReader"/>. The host calls this once, before the server starts.
/// README.md lists the methods and the choices made where Ethereum's answer does not carry over.
/// </summary>
internal static class RpcApi
{
    public static void Register(JsonRpcMethodRegistry registry, SubscriptionHub subscriptions, IChainReader chain, string clientVersion) =>
        Register(registry, subscriptions, chain, clientVersion, new RpcOptions(), NullLogger.Instance);

    public static void Register(
        JsonRpcMethodRegistry registry, SubscriptionHub subscriptions, IChainReader chain, string clientVersion, RpcOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(subscriptions);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();

        var networkId = chain.ChainId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        registry.AddSync("web3_clientVersion", () => clientVersion);
        registry.AddSync("net_version", () => networkId);
        registry.AddSync("net_listening", () => true);
        registry.AddSync("net_peerCount", () => (ulong)Math.Max(0, options.PeerCount()));
        registry.AddSync("eth_chainId", () => chain.ChainId);
        registry.AddSync("eth_blockNumber", () => chain.Head.Number);

        // A node that follows the chain by BFT commits is never behind in a way eth_syncing describes.
        registry.AddSync("eth_syncing", () => false);

        // The node holds no user keys.
        registry.AddSync("eth_accounts", () => Array.Empty<Address>());

        EthBlocks.Register(registry, chain);
        EthState.Register(registry, chain);
        EthTransactions.Register(registry, chain);
        EthCall.Register(registry, chain, options);
        EthFees.Register(registry, chain, options);
        EthLogs.Register(registry, chain, options);
        EthProof.Register(registry, chain);
        AroStaking.Register(registry, chain);
        AroSettlement.Register(registry, chain);
        AroEdge.Register(registry, chain);
        AroConsensus.Register(registry, chain);
        EthSubscriptions.Register(subscriptions, chain, logger);
    }
}
