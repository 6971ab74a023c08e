using Aro.JsonRpc;
using Aro.JsonRpc.Subscriptions;
using Aro.Node.Chain;

namespace Aro.Node.Rpc;

/// <summary>
/// The node's JSON-RPC surface: registers every web3_, net_, eth_ (and later aro_) method and subscription
/// kind over one <see cref="IChainReader"/>. The host calls this once, before the server starts.
/// </summary>
internal static class RpcApi
{
    public static void Register(JsonRpcMethodRegistry registry, SubscriptionHub subscriptions, IChainReader chain, string clientVersion)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(subscriptions);
        ArgumentNullException.ThrowIfNull(chain);

        var networkId = chain.ChainId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        registry.AddSync("web3_clientVersion", () => clientVersion);
        registry.AddSync("net_version", () => networkId);
        registry.AddSync("eth_chainId", () => chain.ChainId);
        registry.AddSync("eth_blockNumber", () => chain.Head.Number);
    }
}
