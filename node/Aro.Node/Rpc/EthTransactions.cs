using Aro.Core;
using Aro.JsonRpc;
using Aro.Node.Chain;
using Aro.Node.Rpc.Dto;

namespace Aro.Node.Rpc;

/// <summary>eth_sendRawTransaction, eth_getTransactionByHash, eth_getTransactionReceipt.</summary>
internal static class EthTransactions
{
    public static void Register(JsonRpcMethodRegistry registry, IChainReader chain)
    {
        registry.AddSync("eth_sendRawTransaction", (byte[] raw) => Send(chain, raw));
        registry.AddSync("eth_getTransactionByHash", (Hash256 hash) => ByHash(chain, hash));
        registry.AddSync("eth_getTransactionReceipt", (Hash256 hash) => Receipt(chain, hash));
    }

    /// <summary>
    /// Hands the bytes to the pool; a refusal answers with the pool's code and geth's message (-32602
    /// for bytes that are no transaction, -32000 for the rest) and leaves pool and state unchanged.
    /// </summary>
    private static Hash256 Send(IChainReader chain, byte[] raw)
    {
        var result = chain.TxPool.Add(raw);
        return result.IsAccepted ? result.Hash : throw new JsonRpcException(result.JsonRpcCode, result.Message);
    }

    private static TransactionDto? ByHash(IChainReader chain, Hash256 hash)
    {
        if (chain.Store.GetTransactionLocation(hash) is { } location
            && BlockResolver.IsVisible(chain, location.BlockNumber)
            && chain.Store.GetBlock(location.BlockNumber) is { } block)
        {
            return TransactionDto.Mined(block.Body.Transactions[location.Index], block.Header, location.Index);
        }

        return chain.TxPool.TryGet(hash, out var pooled) && pooled is not null
            ? TransactionDto.Pending(pooled.Transaction, pooled.Sender, Fees.NextBaseFee(chain.Head, chain.Execution))
            : null;
    }

    private static ReceiptDto? Receipt(IChainReader chain, Hash256 hash)
    {
        if (chain.Store.GetTransactionLocation(hash) is not { } location
            || !BlockResolver.IsVisible(chain, location.BlockNumber)
            || chain.Store.GetBlock(location.BlockNumber) is not { } block
            || chain.Store.GetReceipts(location.BlockNumber) is not { } receipts)
        {
            return null;
        }

        var firstLogIndex = 0;
        for (var i = 0; i < location.Index; i++)
        {
            firstLogIndex += receipts[i].Logs.Length;
        }

        return ReceiptDto.Create(block, receipts, location.Index, firstLogIndex);
    }
}
