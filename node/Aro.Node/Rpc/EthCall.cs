using Aro.Core.Abi;
using Aro.JsonRpc;
using Aro.Node.Chain;
using Aro.Node.Rpc.Dto;

namespace Aro.Node.Rpc;

/// <summary>
/// eth_call and eth_estimateGas over <see cref="CallSimulator"/>. A module call that reverts answers code 3
/// "execution reverted[: reason]" with the revert bytes as data, as geth does for contracts.
/// </summary>
internal static class EthCall
{
    public static void Register(JsonRpcMethodRegistry registry, IChainReader chain, RpcOptions options)
    {
        registry.AddSync("eth_call", (CallRequest call, BlockParameter block) => Call(chain, options, call, block), requiredParams: 1);
        registry.AddSync("eth_estimateGas", (CallRequest call, BlockParameter block) => Estimate(chain, options, call, block), requiredParams: 1);
    }

    private static byte[] Call(IChainReader chain, RpcOptions options, CallRequest call, BlockParameter block)
    {
        var simulator = CallSimulator.Create(chain, BlockResolver.Require(chain, block), call, options.GasCap);
        var outcome = simulator.Run();
        if (outcome.OutOfGas)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.ServerError, "out of gas");
        }

        return outcome.Succeeded ? outcome.Output : throw Failure(outcome, simulator.GasLimit);
    }

    /// <summary>
    /// The least gas with which the call succeeds: a run at the limit (the asked gas, else the block's, capped
    /// and lowered to what the sender can pay), then a binary search above the gas that run used, which is
    /// a lower bound (module gas only grows with the work done).
    /// </summary>
    private static ulong Estimate(IChainReader chain, RpcOptions options, CallRequest call, BlockParameter block)
    {
        var simulator = CallSimulator.Create(chain, BlockResolver.Require(chain, block), call, options.GasCap);
        var hi = simulator.CapByFunds(simulator.GasLimit);
        if (hi < simulator.IntrinsicGas)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.ServerError, $"gas required exceeds allowance ({hi})");
        }

        var first = simulator.Run(hi);
        if (!first.Succeeded)
        {
            throw Failure(first, hi);
        }

        if (!simulator.IsModuleCall)
        {
            return first.GasUsed;
        }

        var lo = first.GasUsed - 1;
        if (first.GasUsed < hi && simulator.Run(first.GasUsed).Succeeded)
        {
            hi = first.GasUsed;
        }

        while (lo + 1 < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (simulator.Run(mid).Succeeded)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return hi;
    }

    private static JsonRpcException Failure(in CallOutcome outcome, ulong gas)
    {
        if (outcome.OutOfGas)
        {
            return new JsonRpcException(JsonRpcErrorCodes.ServerError, $"gas required exceeds allowance ({gas})");
        }

        return new JsonRpcException(
            JsonRpcErrorCodes.ExecutionReverted,
            RevertReason(outcome.Output) is { } reason ? "execution reverted: " + reason : "execution reverted",
            outcome.Output.Length == 0 ? null : outcome.Output);
    }

    /// <summary>The string of an <c>Error(string)</c> revert, else null.</summary>
    private static string? RevertReason(byte[] output)
    {
        if (!AbiSelector.TryRead(output, out var selector) || selector != AbiError.ErrorString.Selector)
        {
            return null;
        }

        try
        {
            return AbiError.ErrorString.Decode(output)[0].AsString();
        }
        catch (AbiFormatException)
        {
            return null;
        }
    }
}
