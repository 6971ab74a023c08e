using Aro.Core;
using Aro.JsonRpc;
using Aro.Node.Chain;
using Aro.State.World;

namespace Aro.Node.Rpc;

/// <summary>
/// eth_getBalance, eth_getTransactionCount, eth_getCode, eth_getStorageAt at a committed block's state;
/// a block that does not exist is geth's -32000 "header not found".
/// </summary>
internal static class EthState
{
    /// <summary>
    /// What eth_getCode answers for a native module's system address: one INVALID opcode (0xfe). Modules
    /// have no EVM code (their account's code hash stays the empty hash, as eth_getProof shows), but
    /// wallets and libraries decide "contract or account" from eth_getCode, and a module is a contract to them.
    /// </summary>
    public static readonly byte[] ModuleCodeMarker = [0xfe];

    public static void Register(JsonRpcMethodRegistry registry, IChainReader chain)
    {
        registry.AddSync("eth_getBalance", (Address address, BlockParameter block) => Open(chain, block).GetBalance(address), requiredParams: 1);
        registry.AddSync("eth_getTransactionCount", (Address address, BlockParameter block) => Nonce(chain, address, block), requiredParams: 1);
        registry.AddSync("eth_getCode", (Address address, BlockParameter block) => Code(chain, address, block), requiredParams: 1);
        registry.AddSync(
            "eth_getStorageAt",
            (Address address, StorageKey key, BlockParameter block) => StorageValue.ToWord(Open(chain, block).GetStorage(address, key.Value.Bytes)),
            requiredParams: 2);
    }

    public static WorldState Open(IChainReader chain, in BlockParameter block) =>
        chain.OpenState(BlockResolver.Require(chain, block).StateRoot);

    private static ulong Nonce(IChainReader chain, Address address, BlockParameter block)
    {
        var nonce = Open(chain, block).GetNonce(address);
        if (block.Kind == BlockParameterKind.Pending && chain.TxPool.GetPendingNonce(address) is { } pending && pending > nonce)
        {
            return pending;
        }

        return nonce;
    }

    private static byte[] Code(IChainReader chain, Address address, BlockParameter block)
    {
        // The block must exist even though no code depends on it.
        BlockResolver.Require(chain, block);
        return chain.Modules.TryGet(address, out _) ? ModuleCodeMarker : [];
    }
}
