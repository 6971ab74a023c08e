using System.Collections.Immutable;
using Aro.Core;
using Aro.Core.Blocks;
using Aro.Core.Transactions;
using Aro.Execution.Execution;
using Aro.Execution.Modules;
using Aro.JsonRpc;
using Aro.Node.Chain;
using Aro.Node.Rpc.Dto;
using Aro.State.World;

namespace Aro.Node.Rpc;

/// <summary>
/// Runs a call object as a transaction would run (intrinsic gas, gas bought at the effective price, value
/// moved, module dispatched through <see cref="ModuleHost.Call"/>) on a private state view that is never
/// committed. Like geth's eth_call: no signature and no nonce check, and no fee when no price is given.
/// </summary>
internal sealed class CallSimulator
{
    private readonly IChainReader _chain;
    private readonly BlockHeader _header;
    private readonly BlockContext _context;
    private readonly Message _message;

    private CallSimulator(IChainReader chain, BlockHeader header, Message message)
    {
        _chain = chain;
        _header = header;
        _message = message;
        _context = new BlockContext(header.Number, header.Timestamp, header.Proposer, header.BaseFeePerGas, header.GasLimit, chain.ChainId, header.Epoch);
    }

    /// <summary>The gas the call object asked for, or the cap.</summary>
    public ulong GasLimit => _message.Gas;

    public ulong IntrinsicGas => _message.Intrinsic;

    /// <summary>Whether the call goes to a native module (else it is a plain value transfer).</summary>
    public bool IsModuleCall => _chain.Modules.TryGet(_message.To, out _);

    /// <exception cref="JsonRpcException">The call object cannot describe a runnable message (-32602 / -32000).</exception>
    public static CallSimulator Create(IChainReader chain, BlockHeader header, CallRequest request, ulong gasCap)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Input is not null && request.Data is not null && !request.Input.AsSpan().SequenceEqual(request.Data))
        {
            throw new JsonRpcException(
                JsonRpcErrorCodes.InvalidParams,
                "both \"data\" and \"input\" are set and not equal. Please use \"input\" to pass transaction call data");
        }

        if (request.GasPrice is not null && (request.MaxFeePerGas is not null || request.MaxPriorityFeePerGas is not null))
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, "both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified");
        }

        if (request.ChainId is { } chainId && chainId != chain.ChainId)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, $"chainId does not match node's (have={chainId}, want={chain.ChainId})");
        }

        if (request.To is not { } to)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.ServerError, "contract creation not supported");
        }

        var maxFee = request.GasPrice ?? request.MaxFeePerGas ?? UInt256.Zero;
        var tip = request.GasPrice ?? request.MaxPriorityFeePerGas ?? UInt256.Zero;
        if (request.MaxFeePerGas is null && request.MaxPriorityFeePerGas is not null)
        {
            maxFee = header.BaseFeePerGas + tip;
        }

        if (tip > maxFee)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, "maxFeePerGas must be greater than or equal to maxPriorityFeePerGas");
        }

        var gas = request.Gas ?? Math.Min(header.GasLimit, gasCap);
        gas = Math.Min(gas, gasCap);
        var data = request.Input ?? request.Data ?? [];
        var accessList = ImmutableArray<AccessListEntry>.Empty;
        if (request.AccessList is { } list)
        {
            var entries = ImmutableArray.CreateBuilder<AccessListEntry>(list.Count);
            foreach (var entry in list)
            {
                entries.Add(new AccessListEntry(entry.Address, [.. entry.StorageKeys ?? []]));
            }

            accessList = entries.MoveToImmutable();
        }

        var shape = Transaction.DynamicFee(chain.ChainId, 0, tip, maxFee, gas, to, request.Value ?? UInt256.Zero, data, accessList);
        var message = new Message(request.From ?? Address.Zero, to, gas, maxFee, tip, request.Value ?? UInt256.Zero, data, Aro.Core.Transactions.IntrinsicGas.Calculate(shape));
        return new CallSimulator(chain, header, message);
    }

    /// <summary>
    /// <paramref name="gas"/> lowered to what the sender can pay for at the fee cap after the value
    /// (geth's "allowance"); unchanged when no price was given.
    /// </summary>
    public ulong CapByFunds(ulong gas)
    {
        if (_message.MaxFee.IsZero)
        {
            return gas;
        }

        var balance = _chain.OpenState(_header.StateRoot).GetBalance(_message.From);
        if (balance < _message.Value)
        {
            return gas;
        }

        var allowance = (balance - _message.Value) / _message.MaxFee;
        return allowance < gas ? (ulong)allowance : gas;
    }

    /// <summary>Runs the message with <paramref name="gas"/> (the asked limit when null) on a fresh view of the block's state.</summary>
    /// <exception cref="JsonRpcException">The message cannot start: intrinsic gas, fee cap below base fee, or funds (-32000, geth's messages).</exception>
    public CallOutcome Run(ulong? gas = null)
    {
        var limit = gas ?? _message.Gas;
        if (limit < _message.Intrinsic)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.ServerError, $"intrinsic gas too low: have {limit}, want {_message.Intrinsic}");
        }

        var state = _chain.OpenState(_header.StateRoot);
        var price = UInt256.Zero;
        if (!_message.MaxFee.IsZero)
        {
            if (_message.MaxFee < _context.BaseFee)
            {
                throw new JsonRpcException(
                    JsonRpcErrorCodes.ServerError,
                    $"max fee per gas less than block base fee: address {_message.From.ToLowerHex()}, maxFeePerGas: {_message.MaxFee}, baseFee: {_context.BaseFee}");
            }

            var tipCap = _message.MaxFee - _context.BaseFee;
            price = _context.BaseFee + (_message.Tip < tipCap ? _message.Tip : tipCap);
        }

        // geth's check: the fee cap (not the effective price) times the gas, plus the value.
        var balance = state.GetBalance(_message.From);
        var want = UInt256.Zero;
        var payable = UInt256.TryMultiply(limit, _message.MaxFee, out var gasCost) && UInt256.TryAdd(gasCost, _message.Value, out want);
        if (!payable || balance < want)
        {
            throw new JsonRpcException(
                JsonRpcErrorCodes.ServerError,
                $"insufficient funds for gas * price + value: address {_message.From.ToLowerHex()} have {balance} want {(payable ? want.ToString() : "more than 2^256 - 1")}");
        }

        if (!price.IsZero)
        {
            state.SubtractBalance(_message.From, limit * price);
        }

        var meter = new GasMeter(limit - _message.Intrinsic);
        if (_chain.Modules.TryGet(_message.To, out var module))
        {
            var result = _chain.Modules.Call(state, _context, module, new CallInput(_message.From, _message.Value, _message.Data), meter, []);
            var outOfGas = !result.Succeeded && meter.Used == meter.Limit && result.Output.Length == 0;
            return new CallOutcome(result.Succeeded, outOfGas, result.Output, _message.Intrinsic + meter.Used);
        }

        return new CallOutcome(Transfer(state, _message.From, _message.To, _message.Value), false, [], _message.Intrinsic);
    }

    private static bool Transfer(WorldState state, in Address from, in Address to, in UInt256 value)
    {
        if (value.IsZero)
        {
            return true;
        }

        try
        {
            state.SubtractBalance(from, value);
            state.AddBalance(to, value);
            return true;
        }
        catch (StateException)
        {
            return false;
        }
    }

    private sealed record Message(Address From, Address To, ulong Gas, UInt256 MaxFee, UInt256 Tip, UInt256 Value, byte[] Data, ulong Intrinsic);
}

/// <summary>What a simulated call did: success, whether it ran out of gas, its return or revert data, and the gas it used.</summary>
internal readonly record struct CallOutcome(bool Succeeded, bool OutOfGas, byte[] Output, ulong GasUsed);
