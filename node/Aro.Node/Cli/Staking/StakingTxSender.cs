using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Aro.Core;
using Aro.Core.Transactions;
using Aro.Modules.Gpos;
using Aro.Node.Modules;

namespace Aro.Node.Cli.Staking;

/// <summary>
/// Sends one call to the GPoS module as an EIP-1559 transaction and reports what became of it:
/// the call is first simulated (eth_estimateGas), so a call the module would refuse is reported with
/// its named error and never sent; otherwise it is signed, sent with eth_sendRawTransaction, and its
/// receipt awaited. A receipt with status 0 is replayed with eth_call at the parent block to name the error.
/// </summary>
internal sealed class StakingTxSender(RpcClient rpc, TextWriter output, TextWriter error, TimeSpan receiptTimeout)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Returns the exit code: 0 included and succeeded, 1 refused or reverted, 3 the node failed us.</summary>
    public async Task<int> SendAsync(byte[] privateKey, byte[] calldata, UInt256 value, ulong? gasLimit)
    {
        var from = new Validator.ValidatorKey(privateKey).Address;
        var call = new Dictionary<string, string>
        {
            ["from"] = from.ToLowerHex(),
            ["to"] = GposModule.Address.ToLowerHex(),
            ["value"] = Quantity(value),
            ["input"] = Hex.Encode(calldata),
        };

        ulong gas;
        try
        {
            gas = gasLimit ?? (await Number(rpc.CallAsync("eth_estimateGas", call)).ConfigureAwait(false)) * 6 / 5;
        }
        catch (RpcCallException e)
        {
            error.WriteLine($"error: the module refuses the call (nothing sent): {Reason(e)}");
            return ExitCodes.Invalid;
        }

        var chainId = await Number(rpc.CallAsync("eth_chainId")).ConfigureAwait(false);
        var nonce = await Number(rpc.CallAsync("eth_getTransactionCount", from.ToLowerHex(), "pending")).ConfigureAwait(false);
        var tip = await Big(rpc.CallAsync("eth_maxPriorityFeePerGas")).ConfigureAwait(false);
        var head = await rpc.CallAsync("eth_getBlockByNumber", "latest", false).ConfigureAwait(false);
        var baseFee = UInt256.Parse(head.GetProperty("baseFeePerGas").GetString()!);
        // Room for the base fee to double before the transaction is included (EIP-1559's usual margin).
        var maxFee = (baseFee * 2) + tip;

        var tx = TxSigner.Sign(
            Transaction.DynamicFee(chainId, nonce, tip, maxFee, gas, GposModule.Address, value, calldata, ImmutableArray<AccessListEntry>.Empty),
            privateKey);
        string hash;
        try
        {
            hash = (await rpc.CallAsync("eth_sendRawTransaction", Hex.Encode(TxEncoder.Encode(tx))).ConfigureAwait(false)).GetString()!;
        }
        catch (RpcCallException e)
        {
            error.WriteLine($"error: the node refused the transaction: {e.Message}");
            return ExitCodes.Invalid;
        }

        output.WriteLine($"sent       {hash} from {from} nonce {nonce}");
        output.Flush();
        var receipt = await WaitForReceiptAsync(hash).ConfigureAwait(false);
        if (receipt is not { } r)
        {
            error.WriteLine($"error: no receipt for {hash} after {receiptTimeout.TotalSeconds:0} s (it may still be included; look it up with eth_getTransactionReceipt)");
            return ExitCodes.NodeFailed;
        }

        var block = Convert.ToUInt64(r.GetProperty("blockNumber").GetString()![2..], 16);
        var gasUsed = Convert.ToUInt64(r.GetProperty("gasUsed").GetString()![2..], 16);
        var succeeded = r.GetProperty("status").GetString() == "0x1";
        output.WriteLine($"included   block {block}, gas used {gasUsed}, status {(succeeded ? "success" : "reverted")}");
        foreach (var log in r.GetProperty("logs").EnumerateArray())
        {
            var topics = log.GetProperty("topics").EnumerateArray().Select(t => Hash256.Parse(t.GetString()!)).ToArray();
            var text = ModuleEvents.Describe(topics, Hex.Decode(log.GetProperty("data").GetString()!));
            if (text is not null)
            {
                output.WriteLine($"event      {text}");
            }
        }

        if (succeeded)
        {
            return ExitCodes.Ok;
        }

        error.WriteLine($"error: reverted: {await ReplayReasonAsync(call, gas, block).ConfigureAwait(false)}");
        return ExitCodes.Invalid;
    }

    private async Task<JsonElement?> WaitForReceiptAsync(string hash)
    {
        var deadline = DateTime.UtcNow + receiptTimeout;
        while (DateTime.UtcNow < deadline)
        {
            var receipt = await rpc.CallAsync("eth_getTransactionReceipt", hash).ConfigureAwait(false);
            if (receipt.ValueKind == JsonValueKind.Object)
            {
                return receipt;
            }

            await Task.Delay(PollInterval).ConfigureAwait(false);
        }

        return null;
    }

    // The receipt carries no revert data; running the call again on the parent block's state names the
    // error in the usual case (nothing earlier in the same block changed the outcome).
    private async Task<string> ReplayReasonAsync(Dictionary<string, string> call, ulong gas, ulong block)
    {
        call["gas"] = "0x" + gas.ToString("x", CultureInfo.InvariantCulture);
        try
        {
            await rpc.CallAsync("eth_call", call, "0x" + (block - 1).ToString("x", CultureInfo.InvariantCulture)).ConfigureAwait(false);
            return "(the call succeeds when replayed on the parent block; an earlier transaction in the block changed the outcome)";
        }
        catch (RpcCallException e)
        {
            return Reason(e);
        }
    }

    /// <summary>The module's named error from the revert data, else the node's message.</summary>
    public static string Reason(RpcCallException e) =>
        e.ErrorData is { ValueKind: JsonValueKind.String } data && data.GetString() is { Length: > 2 } hex
            ? RevertReasons.Describe(Hex.Decode(hex))
            : e.Message;

    private static string Quantity(in UInt256 value) => value.ToHexString();

    private static async Task<ulong> Number(Task<JsonElement> call) => Convert.ToUInt64((await call.ConfigureAwait(false)).GetString()![2..], 16);

    private static async Task<UInt256> Big(Task<JsonElement> call) => UInt256.Parse((await call.ConfigureAwait(false)).GetString()!);
}
