using Aro.Core;
using Aro.Core.Abi;
using Aro.Core.Blocks;
using Aro.Execution.Execution;
using Aro.State.World;

namespace Aro.Execution.Modules;

/// <summary>
/// The registry of native modules (sorted by system address, so hooks run in one order everywhere)
/// and the dispatcher of calls, queries and block hooks.
/// </summary>
public sealed class ModuleHost
{
    /// <summary>Revert data for calldata whose selector the module does not declare.</summary>
    public static readonly AbiError UnknownSelector = AbiError.Parse("UnknownSelector(bytes4)");

    private readonly IModule[] _modules;

    public ModuleHost(IEnumerable<IModule> modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        var list = new List<IModule>(modules);
        list.Sort(static (a, b) => a.SystemAddress.CompareTo(b.SystemAddress));
        for (var i = 1; i < list.Count; i++)
        {
            if (list[i].SystemAddress == list[i - 1].SystemAddress)
            {
                throw new ArgumentException(
                    $"Modules '{list[i - 1].Name}' and '{list[i].Name}' share the system address {list[i].SystemAddress}.", nameof(modules));
            }
        }

        _modules = [.. list];
    }

    public static ModuleHost Empty { get; } = new([]);

    /// <summary>Modules in address order.</summary>
    public IReadOnlyList<IModule> Modules => _modules;

    public bool TryGet(in Address address, out IModule module)
    {
        int lo = 0, hi = _modules.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var cmp = _modules[mid].SystemAddress.CompareTo(address);
            if (cmp == 0)
            {
                module = _modules[mid];
                return true;
            }

            if (cmp < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        module = null!;
        return false;
    }

    /// <summary>Runs every module's begin-block hook in address order; their events go to <paramref name="events"/>.</summary>
    public void BeginBlock(WorldState state, BlockContext block, List<Log> events)
    {
        foreach (var module in _modules)
        {
            module.BeginBlock(new ModuleContext(state, module, block, GasMeter.Unmetered(), events));
        }
    }

    public void EndBlock(WorldState state, BlockContext block, List<Log> events)
    {
        foreach (var module in _modules)
        {
            module.EndBlock(new ModuleContext(state, module, block, GasMeter.Unmetered(), events));
        }
    }

    /// <summary>
    /// Hands one piece of evidence to <paramref name="handler"/> in an unmetered context over its module.
    /// A refusal (<see cref="ModuleRevertException"/>, or state arithmetic the module got wrong) undoes this
    /// piece's writes and events and returns the revert data; on success the events go to <paramref name="events"/>
    /// and null is returned.
    /// </summary>
    public static byte[]? HandleEvidence(WorldState state, BlockContext block, IEvidenceHandler handler, DuplicateVoteEvidence evidence, List<Log> events)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(events);
        var snapshot = state.TakeSnapshot();
        var own = new List<Log>();
        try
        {
            handler.Handle(new ModuleContext(state, handler.Module, block, GasMeter.Unmetered(), own), evidence);
        }
        catch (ModuleRevertException e)
        {
            state.RevertToSnapshot(snapshot);
            return e.RevertData;
        }
        catch (StateException e)
        {
            state.RevertToSnapshot(snapshot);
            return AbiError.EncodeErrorString(e.Message);
        }

        events.AddRange(own);
        return null;
    }

    /// <summary>
    /// Dispatches one call: charges the method's gas, credits the value to the module's account,
    /// runs the method. On failure every change since entry (value, store writes, events) is undone;
    /// gas consumed stays consumed. Successful calls append their events to <paramref name="logs"/>.
    /// </summary>
    public ModuleCallResult Call(WorldState state, BlockContext block, IModule module, CallInput input, GasMeter gas, List<Log> logs)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(gas);
        ArgumentNullException.ThrowIfNull(logs);

        var snapshot = state.TakeSnapshot();
        var callLogs = new List<Log>();
        ModuleCallResult result;
        try
        {
            result = Dispatch(state, block, module, input, gas, callLogs);
        }
        catch (ModuleRevertException e)
        {
            result = ModuleCallResult.Revert(e.RevertData);
        }
        catch (OutOfGasException)
        {
            result = ModuleCallResult.Revert([]);
        }
        catch (AbiFormatException e)
        {
            result = ModuleCallResult.Revert(AbiError.EncodeErrorString("malformed calldata: " + e.Message));
        }
        catch (StateException e)
        {
            // Balance or nonce arithmetic a module got wrong is its failure, not the block's.
            result = ModuleCallResult.Revert(AbiError.EncodeErrorString(e.Message));
        }

        if (result.Succeeded)
        {
            logs.AddRange(callLogs);
        }
        else
        {
            state.RevertToSnapshot(snapshot);
        }

        return result;
    }

    /// <summary>A read-only call against the current state (eth_call); whatever it does is undone.</summary>
    public ModuleCallResult Query(WorldState state, BlockContext block, in Address to, ReadOnlySpan<byte> calldata)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!TryGet(to, out var module))
        {
            return ModuleCallResult.Revert(AbiError.EncodeErrorString("no module at " + to));
        }

        if (!AbiSelector.TryRead(calldata, out var selector) || !module.GasTable.ContainsKey(selector))
        {
            return ModuleCallResult.Revert(EncodeUnknownSelector(calldata));
        }

        var snapshot = state.TakeSnapshot();
        try
        {
            return module.Query(new ModuleQueryContext(state, to, block), calldata);
        }
        catch (ModuleRevertException e)
        {
            return ModuleCallResult.Revert(e.RevertData);
        }
        catch (AbiFormatException e)
        {
            return ModuleCallResult.Revert(AbiError.EncodeErrorString("malformed calldata: " + e.Message));
        }
        finally
        {
            state.RevertToSnapshot(snapshot);
        }
    }

    private static ModuleCallResult Dispatch(WorldState state, BlockContext block, IModule module, CallInput input, GasMeter gas, List<Log> callLogs)
    {
        var calldata = input.Calldata.Span;
        if (calldata.IsEmpty)
        {
            if (!module.AcceptsPlainValue)
            {
                return ModuleCallResult.Revert(AbiError.EncodeErrorString(module.Name + " does not accept plain value transfers"));
            }

            Credit(state, module, input);
            return ModuleCallResult.Success([]);
        }

        if (!AbiSelector.TryRead(calldata, out var selector) || !module.GasTable.TryGetValue(selector, out var methodGas))
        {
            return ModuleCallResult.Revert(EncodeUnknownSelector(calldata));
        }

        gas.Consume(methodGas);
        Credit(state, module, input);
        return module.Call(new ModuleContext(state, module, block, gas, callLogs), input, gas);
    }

    private static void Credit(WorldState state, IModule module, in CallInput input)
    {
        if (!input.Value.IsZero)
        {
            state.SubtractBalance(input.Sender, input.Value);
            state.AddBalance(module.SystemAddress, input.Value);
        }
    }

    private static byte[] EncodeUnknownSelector(ReadOnlySpan<byte> calldata)
    {
        var word = new byte[4];
        calldata[..Math.Min(4, calldata.Length)].CopyTo(word);
        return UnknownSelector.Encode(AbiValue.Bytes(word));
    }
}
