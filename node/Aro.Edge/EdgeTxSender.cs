using System.Collections.Immutable;
using System.Text.Json;
using Aro.Core;
using Aro.Core.Transactions;
using Aro.Modules.Gpow;

namespace Aro.Edge;

/// <summary>The outcome of one module call sent as a transaction.</summary>
internal sealed record TxOutcome(bool Succeeded, string Hash, ulong Block, string? Error, JsonElement? Receipt);

/// <summary>A call the module refuses when simulated (never sent), with its decoded error name.</summary>
internal sealed class CallRefusedException(string reason) : Exception(reason);

/// <summary>A transaction sent and not yet awaited: its hash and the call it carries (for the replay of a failure).</summary>
internal sealed record SentTx(string Hash, Dictionary<string, string> Call, ulong Gas);

/// <summary>
/// Sends one call to the GPoW module as a signed EIP-1559 transaction: simulated first with
/// eth_estimateGas, so a call the module would refuse is reported by its error name and never sent;
/// then signed, sent and its receipt awaited. A failed receipt is replayed on its parent block to name the error.
/// </summary>
internal sealed class EdgeTxSender(EdgeRpc rpc, TimeSpan receiptTimeout)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private ulong? _chainId;

    /// <exception cref="CallRefusedException">The module refuses the call (nothing was sent).</exception>
    /// <exception cref="RpcCallException">The node refused the transaction.</exception>
    /// <exception cref="NodeUnreachableException">The node cannot be reached.</exception>
    public async Task<TxOutcome> SendAsync(EdgeKey key, byte[] calldata, UInt256 value, CancellationToken cancel) =>
        await AwaitAsync(await SubmitAsync(key, calldata, value).ConfigureAwait(false), cancel).ConfigureAwait(false);

    /// <summary>
    /// Simulates, signs and sends without waiting for the receipt. The nonce is the node's pending count (it counts the
    /// pool), so a second submission from the same key right after the first takes the next nonce.
    /// </summary>
    /// <exception cref="CallRefusedException">The module refuses the call (nothing was sent).</exception>
    /// <exception cref="RpcCallException">The node refused the transaction.</exception>
    public async Task<SentTx> SubmitAsync(EdgeKey key, byte[] calldata, UInt256 value)
    {
        var call = new Dictionary<string, string>
        {
            ["from"] = key.Address.ToLowerHex(),
            ["to"] = GpowModule.Address.ToLowerHex(),
            ["value"] = value.ToHexString(),
            ["input"] = Hex.Encode(calldata),
        };

        ulong gas;
        try
        {
            gas = await rpc.NumberAsync("eth_estimateGas", call).ConfigureAwait(false) * 6 / 5;
        }
        catch (RpcCallException e)
        {
            throw new CallRefusedException(e.Reason);
        }

        _chainId ??= await rpc.NumberAsync("eth_chainId").ConfigureAwait(false);
        var nonce = await rpc.NumberAsync("eth_getTransactionCount", key.Address.ToLowerHex(), "pending").ConfigureAwait(false);
        var tip = UInt256.ParseHexQuantity((await rpc.CallAsync("eth_maxPriorityFeePerGas").ConfigureAwait(false)).GetString()!);
        var head = await rpc.CallAsync("eth_getBlockByNumber", "latest", false).ConfigureAwait(false);
        var baseFee = UInt256.ParseHexQuantity(head.GetProperty("baseFeePerGas").GetString()!);
        var tx = TxSigner.Sign(
            Transaction.DynamicFee(_chainId.Value, nonce, tip, (baseFee * 2) + tip, gas, GpowModule.Address, value, calldata, ImmutableArray<AccessListEntry>.Empty),
            key.PrivateKey);
        var hash = (await rpc.CallAsync("eth_sendRawTransaction", Hex.Encode(TxEncoder.Encode(tx))).ConfigureAwait(false)).GetString()!;
        return new SentTx(hash, call, gas);
    }

    /// <summary>Waits for the receipt of a submitted transaction; a failed one is replayed to name its error.</summary>
    public async Task<TxOutcome> AwaitAsync(SentTx sent, CancellationToken cancel)
    {
        var (hash, call, gas) = sent;
        var deadline = DateTime.UtcNow + receiptTimeout;
        while (DateTime.UtcNow < deadline)
        {
            cancel.ThrowIfCancellationRequested();
            var receipt = await rpc.CallAsync("eth_getTransactionReceipt", hash).ConfigureAwait(false);
            if (receipt.ValueKind == JsonValueKind.Object)
            {
                var block = EdgeRpc.ParseQuantity(receipt.GetProperty("blockNumber").GetString());
                if (receipt.GetProperty("status").GetString() == "0x1")
                {
                    return new TxOutcome(true, hash, block, null, receipt);
                }

                return new TxOutcome(false, hash, block, await ReplayAsync(call, gas, block).ConfigureAwait(false), receipt);
            }

            await Task.Delay(PollInterval, cancel).ConfigureAwait(false);
        }

        return new TxOutcome(false, hash, 0, $"no receipt after {receiptTimeout.TotalSeconds:0} s (it may still be included)", null);
    }

    private async Task<string> ReplayAsync(Dictionary<string, string> call, ulong gas, ulong block)
    {
        call["gas"] = EdgeRpc.Quantity(gas);
        try
        {
            await rpc.CallAsync("eth_call", call, EdgeRpc.Quantity(block - 1)).ConfigureAwait(false);
            return "(reverted in its block; an earlier transaction there changed the outcome)";
        }
        catch (RpcCallException e)
        {
            return e.Reason;
        }
    }
}
